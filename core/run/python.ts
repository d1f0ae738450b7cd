import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { PRELOADED } from '../probe/load.ts';

/**
 * Starts Pyodide from the npm package's own files. A cold `loadPyodide()` takes seconds; restoring a
 * memory snapshot of an interpreter that already imported the standard modules we preload is several
 * times faster, so the first start writes one to the temp folder and later starts restore it.
 * Snapshots are a private Pyodide feature: any failure falls back to a plain load.
 */

const pyodideVersion = (createRequire(import.meta.url)('pyodide/package.json') as { version: string })
  .version;

function snapshotFile(): string {
  const key = createHash('sha256')
    .update(`${pyodideVersion}\n${process.version}\n${PRELOADED.join(',')}`)
    .digest('hex')
    .slice(0, 16);
  return join(tmpdir(), `yieldscope-python-${key}.snap`);
}

type SnapshotOptions = Parameters<typeof loadPyodide>[0] & {
  _makeSnapshot?: boolean;
  _loadSnapshot?: Uint8Array;
};
const quiet = { stdout: () => {}, stderr: () => {} };

function preload(py: PyodideAPI): void {
  py.runPython(`import ${PRELOADED.join(', ')}`);
}

async function makeSnapshot(file: string): Promise<void> {
  const py = await loadPyodide({ ...quiet, _makeSnapshot: true } as SnapshotOptions);
  preload(py);
  const snapshot = (py as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
  const partial = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(partial, snapshot);
  renameSync(partial, file);
}

export async function startPython(): Promise<PyodideAPI> {
  const file = snapshotFile();
  try {
    if (!existsSync(file)) await makeSnapshot(file);
    return await loadPyodide({ ...quiet, _loadSnapshot: readFileSync(file) } as SnapshotOptions);
  } catch {
    const py = await loadPyodide(quiet);
    preload(py);
    return py;
  }
}
