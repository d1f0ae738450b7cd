import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { Action, FILE_SIGNAL, PAUSE_SIGNAL } from '../run/control.ts';
import type { PythonModule } from '../run/python-module.ts';
import { probeFieldCount } from '../run/decode.ts';
import { FIELD_COLUMNS, KIND_NAMES, KINDS, NULL_INT, type EventKind } from '../trace/schema.ts';

/** Where the probe's package lives inside Pyodide's file system. */
const PROBE_ROOT = '/yieldscope';
const PACKAGE = 'ys_probe';

/**
 * Standard modules imported before any run, so they hold the real collections.deque and a run's
 * clean-up (which drops every module the program imported) never has to drop them.
 */
export const PRELOADED = [
  'collections',
  'itertools',
  'functools',
  'contextlib',
  'heapq',
  'random',
  'math',
  'queue',
  'threading',
  'dataclasses',
  'typing',
  're',
  'time',
  'reprlib',
  'traceback',
  'dis',
  'ast',
  'inspect',
];

/** Which recorder records: the compiled probe, or the Python one (its fallback). */
export type ProbeKind = 'compiled' | 'python';

/**
 * The kinds that read the clock themselves: every switch of control, every piece of the program's
 * input and output, and the run's ends. The others take the stamp of the event before them.
 */
export function ownsClock(kind: EventKind): boolean {
  return /^(gen|sched|run)\./.test(kind) || ['error', 'stdout', 'stderr', 'stdin'].includes(kind);
}

/** What the probe learns from the host at load time, so that nothing is copied into Python by hand. */
function protocol(): string {
  return JSON.stringify({
    kinds: KIND_NAMES.map((name) => [name, KINDS[name].code, probeFieldCount(name)]),
    field_columns: FIELD_COLUMNS,
    null: NULL_INT,
    own_clock: KIND_NAMES.filter(ownsClock),
    actions: Object.entries(Action),
    pause_signal: PAUSE_SIGNAL,
    file_signal: FILE_SIGNAL,
  });
}

/** The probe's files: beside this module in source, or `probeDir` when bundled elsewhere. */
export function probeSourceDir(probeDir?: string): string {
  return probeDir ?? join(dirname(fileURLToPath(import.meta.url)), PACKAGE);
}

/** The probe's Python modules, by where they are imported from in Pyodide's file system. */
export function probeModules(probeDir?: string): PythonModule[] {
  const dir = probeSourceDir(probeDir);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.py'))
    .map((file) => ({
      path: `${PROBE_ROOT}/${PACKAGE}/${file}`,
      text: readFileSync(join(dir, file), 'utf8'),
    }));
}

export interface LoadedProbe {
  /** program_run.py: runs one program. */
  programRun: PyProxy;
  /** The recorder's module (record.py, or the compiled one): events, ids, the pause gate. */
  recorder: PyProxy;
  /** Which recorder records. */
  kind: ProbeKind;
  /** Why the Python recorder records although the compiled one was wanted, or null. */
  notice: string | null;
}

/**
 * Copies the probe into Pyodide and imports it (after PRELOADED is imported), the compiled recorder
 * unless `prefer` is 'python' or it cannot load. Never call it before a memory snapshot is made:
 * an interpreter restored from a snapshot holding the compiled module dies.
 */
export function loadProbe(py: PyodideAPI, prefer: ProbeKind, probeDir?: string): LoadedProbe {
  const dir = probeSourceDir(probeDir);
  py.FS.mkdirTree(`${PROBE_ROOT}/${PACKAGE}`);
  for (const { path, text } of probeModules(probeDir)) py.FS.writeFile(path, text);
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.so')))
    py.FS.writeFile(`${PROBE_ROOT}/${PACKAGE}/${file}`, readFileSync(join(dir, file)));
  const chosen = py.runPython(`
import json, sys
sys.path.append(${JSON.stringify(PROBE_ROOT)})
from ${PACKAGE} import protocol, recorder
protocol.configure(**json.loads(${JSON.stringify(protocol())}))
recorder.choose(${JSON.stringify(prefer)})
[recorder.name, recorder.notice]
`) as PyProxy;
  const [kind, notice] = chosen.toJs() as [ProbeKind, string | null];
  chosen.destroy();
  const recorder = py.runPython(`from ${PACKAGE}.recorder import R; R`) as PyProxy;
  return {
    programRun: py.pyimport(`${PACKAGE}.program_run`) as PyProxy,
    recorder,
    kind,
    notice: notice ?? null,
  };
}
