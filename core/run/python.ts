import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { PRELOADED } from '../probe/load.ts';
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

const snapshotKey = createHash('sha256')
  .update(`${pyodideVersion}\n${process.version}\n${PRELOADED.join(',')}`)
  .digest('hex')
  .slice(0, 16);
const PREFIX = `yieldscope-python-${snapshotKey}-hash`;

function snapshotFile(hashSeed: number): string {
  return join(tmpdir(), `${PREFIX}${hashSeed}.snap`);
}

/** Removes the oldest snapshots of other seeds than the default beyond KEPT_SNAPSHOTS. */
function pruneSnapshots(): void {
  const others = readdirSync(tmpdir())
    .filter((name) => name.startsWith(PREFIX) && name.endsWith('.snap'))
    .map((name) => join(tmpdir(), name))
    .filter((file) => file !== snapshotFile(DEFAULT_SEED))
    .map((file) => ({ file, used: statSync(file).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { file } of others.slice(KEPT_SNAPSHOTS)) unlinkSync(file);
}

type SnapshotOptions = Parameters<typeof loadPyodide>[0] & {
  _makeSnapshot?: boolean;
  _loadSnapshot?: Uint8Array;
};
const quiet = { stdout: () => {}, stderr: () => {} };

function preload(py: PyodideAPI): void {
  py.runPython(`import ${PRELOADED.join(', ')}`);
}

const env = (hashSeed: number) => ({ PYTHONHASHSEED: String(hashSeed) });

async function makeSnapshot(file: string, hashSeed: number): Promise<void> {
  const py = await loadPyodide({ ...quiet, env: env(hashSeed), _makeSnapshot: true } as SnapshotOptions);
  preload(py);
  const snapshot = (py as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
  const partial = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(partial, snapshot);
  renameSync(partial, file);
}

/** A warm interpreter whose str hashes follow `hashSeed` (PYTHONHASHSEED). */
export async function startPython(hashSeed: number = DEFAULT_SEED): Promise<PyodideAPI> {
  const file = snapshotFile(hashSeed);
  try {
    if (!existsSync(file)) {
      await makeSnapshot(file, hashSeed);
      pruneSnapshots();
    }
    const snapshot = readFileSync(file);
    utimesSync(file, new Date(), new Date()); // the most recently used is kept longest
    return await loadPyodide({ ...quiet, env: env(hashSeed), _loadSnapshot: snapshot } as SnapshotOptions);
  } catch {
    const py = await loadPyodide({ ...quiet, env: env(hashSeed) });
    preload(py);
    return py;
  }
}
