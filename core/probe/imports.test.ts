import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROBE_MODULE } from './build.ts';
import { missingImports, missingImportsOfFiles, pyodideWasmPath } from './imports.ts';

/** A WebAssembly module that imports one function, env.<name>, and does nothing else. */
function importing(name: string): Uint8Array<ArrayBuffer> {
  const module = [...new TextEncoder().encode('env')];
  const field = [...new TextEncoder().encode(name)];
  const imports = [1, module.length, ...module, field.length, ...field, 0x00, 0x00];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...[0x01, 0x04, 0x01, 0x60, 0x00, 0x00],
    ...[0x02, imports.length, ...imports],
  ]);
}

describe('the compiled probe against the installed Pyodide', () => {
  it('imports nothing Pyodide does not provide (a missing symbol kills Python at its first call)', () => {
    expect(missingImportsOfFiles(PROBE_MODULE)).toEqual([]);
  });

  it('names a symbol Pyodide lacks, and passes one it has', () => {
    const pyodide = new Uint8Array(readFileSync(pyodideWasmPath()));
    expect(missingImports(importing('PyNoSuchFunction_Anywhere'), pyodide)).toEqual([
      'env.PyNoSuchFunction_Anywhere',
    ]);
    expect(missingImports(importing('PyLong_FromLong'), pyodide)).toEqual([]);
  });
});
