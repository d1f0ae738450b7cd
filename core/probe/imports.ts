import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Whether Pyodide provides everything the compiled probe imports. A symbol it lacks is not reported
 * when the module loads: the first call of it is a fatal error that kills the interpreter. So every
 * import is checked against the main module: its exports (CPython, libc) and the JavaScript
 * functions it imports itself (Emscripten's library, which its dynamic linker hands side modules too).
 */

/** What an Emscripten side module gets from the loader rather than from the main module. */
const LOADER = new Set([
  'memory',
  '__indirect_function_table',
  '__stack_pointer',
  '__memory_base',
  '__table_base',
]);

export function pyodideWasmPath(): string {
  return createRequire(import.meta.url).resolve('pyodide/pyodide.asm.wasm');
}

/** The names the main module offers side modules. */
export function provided(pyodideWasm: Uint8Array<ArrayBuffer>): Set<string> {
  const main = new WebAssembly.Module(pyodideWasm);
  return new Set([
    ...WebAssembly.Module.exports(main).map((e) => e.name),
    ...WebAssembly.Module.imports(main)
      .filter((i) => i.module === 'env' && i.kind === 'function')
      .map((i) => i.name),
  ]);
}

/** The symbols the probe imports that the main module does not provide (none when all is well). */
export function missingImports(
  probe: Uint8Array<ArrayBuffer>,
  pyodideWasm: Uint8Array<ArrayBuffer>,
): string[] {
  const offered = provided(pyodideWasm);
  return WebAssembly.Module.imports(new WebAssembly.Module(probe))
    .filter((i) => !(i.module === 'env' && LOADER.has(i.name)))
    .filter((i) => !offered.has(i.name))
    .map((i) => `${i.module}.${i.name}`);
}

export function missingImportsOfFiles(probeFile: string, pyodideWasm = pyodideWasmPath()): string[] {
  return missingImports(new Uint8Array(readFileSync(probeFile)), new Uint8Array(readFileSync(pyodideWasm)));
}
