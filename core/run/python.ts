import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { PRELOADED } from '../probe/load.ts';
import type { PythonModule } from './python-module.ts';
import { DEFAULT_SEED } from '../session/protocol.ts';

/**
 * Starts Pyodide from the npm package's own files. A cold `loadPyodide()` takes seconds; restoring a
 * memory snapshot of an interpreter that already imported the standard modules we preload is several
 * times faster, so the first start writes one to the temp folder and later starts restore it.
 * Snapshots are a private Pyodide feature: any failure falls back to a plain load.
 *
 * Python fixes its str hash secret when the interpreter starts (PYTHONHASHSEED), and a snapshot
 * freezes it: changing it afterwards breaks every dict holding strings (measured: `print` is no
 * longer found). So an interpreter is started per hash seed, each with a snapshot of its own, made
 * on the first run with that seed; the last few are kept.
 */

/** Snapshots of other hash seeds than the default kept in the temp folder, the oldest removed first. */
const KEPT_SNAPSHOTS = 8;

const pyodideVersion = (createRequire(import.meta.url)('pyodide/package.json') as { version: string })
  .version;

/** The snapshot's file name part that changes with what it holds: Pyodide, Node, the preloaded modules, ours. */
function snapshotKey(modules: readonly PythonModule[]): string {
  const hash = createHash('sha256').update(`${pyodideVersion}\n${process.version}\n${PRELOADED.join(',')}`);
  for (const { path, text } of modules) hash.update(`\n${path}\n${text}`);
  return hash.digest('hex').slice(0, 16);
}

const PREFIX = 'yieldscope-python-';

function snapshotFile(key: string, hashSeed: number): string {
  return join(tmpdir(), `${PREFIX}${key}-hash${hashSeed}.snap`);
}

/**
 * Removes the oldest snapshots beyond KEPT_SNAPSHOTS, the default seed's of `key` kept always. Other
 * workers prune too, at the same time: a file one of them removed meanwhile is passed over.
 */
function pruneSnapshots(key: string): void {
  const used = (file: string): number => {
    try {
      return statSync(file).mtimeMs;
    } catch {
      return -1;
    }
  };
  const others = readdirSync(tmpdir())
    .filter((name) => name.startsWith(PREFIX) && name.endsWith('.snap'))
    .map((name) => join(tmpdir(), name))
    .filter((file) => file !== snapshotFile(key, DEFAULT_SEED))
    .map((file) => ({ file, used: used(file) }))
    .filter(({ used }) => used >= 0)
    .sort((a, b) => b.used - a.used);
  for (const { file } of others.slice(KEPT_SNAPSHOTS)) rmSync(file, { force: true });
}

type SnapshotOptions = Parameters<typeof loadPyodide>[0] & {
  _makeSnapshot?: boolean;
  _loadSnapshot?: Uint8Array;
};
const quiet = { stdout: () => {}, stderr: () => {} };

/** The module of a snapshot's interpreter that holds the bytecode of our modules, by file path. */
const BYTECODE_MODULE = '_yieldscope_bytecode';

function preload(py: PyodideAPI): void {
  py.runPython(`import ${PRELOADED.join(', ')}`);
}

const env = (hashSeed: number) => ({ PYTHONHASHSEED: String(hashSeed) });

/**
 * Compiles `modules` into unchecked-hash bytecode (the snapshot's key already changes with their
 * text) and keeps it in a module of the interpreter, so it is part of the snapshot: Pyodide's files
 * are not, its memory is.
 */
function compileModules(py: PyodideAPI, modules: readonly PythonModule[]): void {
  for (const { path, text } of modules) {
    py.FS.mkdirTree(path.slice(0, path.lastIndexOf('/')));
    py.FS.writeFile(path, text);
  }
  py.runPython(
    `import importlib.util, py_compile, sys, types
bytecode = types.ModuleType(${JSON.stringify(BYTECODE_MODULE)})
bytecode.files = {}
for path in ${JSON.stringify(modules.map((m) => m.path))}:
    cached = importlib.util.cache_from_source(path)
    py_compile.compile(path, cached, doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    with open(cached, 'rb') as f:
        bytecode.files[cached] = f.read()
sys.modules[bytecode.__name__] = bytecode
del bytecode, path, cached, f`,
  );
}

/** Writes the bytecode a snapshot carries where the import of each module looks for it. */
function placeBytecode(py: PyodideAPI): void {
  py.runPython(
    `import os, sys
for path, data in getattr(sys.modules.get(${JSON.stringify(BYTECODE_MODULE)}), 'files', {}).items():
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)`,
  );
}

async function makeSnapshot(file: string, hashSeed: number, modules: readonly PythonModule[]): Promise<void> {
  const py = await loadPyodide({ ...quiet, env: env(hashSeed), _makeSnapshot: true } as SnapshotOptions);
  preload(py);
  compileModules(py, modules);
  const snapshot = (py as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
  const partial = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(partial, snapshot);
  renameSync(partial, file);
}

/**
 * A warm interpreter whose str hashes follow `hashSeed` (PYTHONHASHSEED), with the bytecode of
 * `modules` beside their paths (their files are the caller's to write).
 */
export async function startPython(
  hashSeed: number = DEFAULT_SEED,
  modules: readonly PythonModule[] = [],
): Promise<PyodideAPI> {
  const key = snapshotKey(modules);
  const file = snapshotFile(key, hashSeed);
  try {
    if (!existsSync(file)) {
      await makeSnapshot(file, hashSeed, modules);
      pruneSnapshots(key);
    }
    const snapshot = readFileSync(file);
    try {
      utimesSync(file, new Date(), new Date()); // the most recently used is kept longest
    } catch {
      // another worker pruned it after it was read: the bytes read are whole
    }
    const py = await loadPyodide({
      ...quiet,
      env: env(hashSeed),
      _loadSnapshot: snapshot,
    } as SnapshotOptions);
    placeBytecode(py);
    return py;
  } catch {
    const py = await loadPyodide({ ...quiet, env: env(hashSeed) });
    preload(py);
    return py;
  }
}
