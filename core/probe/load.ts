import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';

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

/** The probe's Python files: beside this module in source, or `probeDir` when bundled elsewhere. */
export function probeSourceDir(probeDir?: string): string {
  return probeDir ?? join(dirname(fileURLToPath(import.meta.url)), PACKAGE);
}

/** Copies the probe into Pyodide and imports it (after PRELOADED is imported); returns its `session` module. */
export function loadProbe(py: PyodideAPI, probeDir?: string): PyProxy {
  const dir = probeSourceDir(probeDir);
  py.FS.mkdirTree(`${PROBE_ROOT}/${PACKAGE}`);
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.py'))
      py.FS.writeFile(`${PROBE_ROOT}/${PACKAGE}/${file}`, readFileSync(join(dir, file), 'utf8'));
  }
  py.runPython(`import sys\nsys.path.append(${JSON.stringify(PROBE_ROOT)})`);
  return py.pyimport(`${PACKAGE}.session`) as PyProxy;
}
