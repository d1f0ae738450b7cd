/**
 * Starting Python from a memory snapshot that carries the bytecode of our modules: real Pyodide,
 * real snapshots in the temp folder (made by the first start of each set of modules).
 */
import { describe, expect, it } from 'vitest';
import type { PyodideAPI } from 'pyodide';
import { startPython } from './python.ts';

/** A module path no other test uses, so its snapshots are this test's own. */
const PATH = '/yieldscope/python-test/carried.py';

function importCarried(py: PyodideAPI, text: string): unknown {
  py.FS.mkdirTree('/yieldscope/python-test');
  py.FS.writeFile(PATH, text);
  return py.runPython(
    `import sys\nsys.path.insert(0, '/yieldscope/python-test')\nimport carried\ncarried.WHERE`,
  );
}

describe('startPython', () => {
  it('restores the bytecode of the modules it was given, which their import then uses', async () => {
    const text = "WHERE = 'compiled into the snapshot'";
    await startPython(9, [{ path: PATH, text }]); // makes their snapshot, unless an earlier run did
    const py = await startPython(9, [{ path: PATH, text }]);
    // The bytecode is trusted as the snapshot's (its key changes with the text): a file changed
    // behind its back is not read. So what the import finds proves where it came from.
    expect(importCarried(py, "WHERE = 'compiled at import'")).toBe('compiled into the snapshot');
  });

  it('compiles at import a module the snapshot does not carry', async () => {
    const py = await startPython(9);
    expect(importCarried(py, "WHERE = 'compiled at import'")).toBe('compiled at import');
  });
});
