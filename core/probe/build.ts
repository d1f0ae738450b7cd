/**
 * Builds the compiled probe (core/probe/compiled/*.c) into core/probe/ys_probe/compiled.so, an
 * Emscripten side module that Pyodide's main module loads, with Debian's clang-19 and wasm-ld-19:
 *
 *   npm run build:probe            rebuilds the committed module
 *   npm run build:probe -- --check rebuilds it elsewhere and fails unless it is byte for byte the
 *                                  committed one, and unless Pyodide provides all it imports (CI)
 *
 * The build is reproducible: relative source paths, no debug information, nothing of the machine
 * or the date in the output.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingImportsOfFiles } from './imports.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const SOURCES = join(HERE, 'compiled');
export const PROBE_MODULE = join(HERE, 'ys_probe', 'compiled.so');

const COMPILE = [
  '--target=wasm32-unknown-emscripten',
  '-ffreestanding',
  '-nostdlibinc',
  '-fPIC',
  '-O2',
  '-fvisibility=hidden',
  '-Wall',
  '-Wextra',
  '-Werror',
  '-Wno-unused-parameter',
  '-Wno-missing-field-initializers',
];
const LINK = [
  '--experimental-pic',
  '-shared',
  '--no-entry',
  '--export-dynamic',
  '--unresolved-symbols=import-dynamic',
  '--export-if-defined=__wasm_call_ctors',
  '--strip-debug',
];

export function build(output: string): void {
  const work = mkdtempSync(join(tmpdir(), 'ys-probe-'));
  try {
    const objects = readdirSync(SOURCES)
      .filter((f) => f.endsWith('.c'))
      .sort()
      .map((file) => {
        const object = join(work, file.replace(/\.c$/, '.o'));
        execFileSync('clang-19', [...COMPILE, '-c', relative(ROOT, join(SOURCES, file)), '-o', object], {
          cwd: ROOT,
          stdio: 'inherit',
        });
        return object;
      });
    execFileSync('wasm-ld-19', [...LINK, '-o', output, ...objects], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function check(): void {
  const work = mkdtempSync(join(tmpdir(), 'ys-probe-check-'));
  try {
    const rebuilt = join(work, 'compiled.so');
    build(rebuilt);
    if (!readFileSync(rebuilt).equals(readFileSync(PROBE_MODULE)))
      throw new Error(
        `${relative(ROOT, PROBE_MODULE)} is not what its sources build: run npm run build:probe and commit the result`,
      );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const missing = missingImportsOfFiles(PROBE_MODULE);
  if (missing.length) throw new Error(`the installed Pyodide does not provide ${missing.join(', ')}`);
  console.log(`${relative(ROOT, PROBE_MODULE)}: rebuilt byte for byte, and Pyodide provides all it imports`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) check();
  else {
    build(PROBE_MODULE);
    console.log(`built ${relative(ROOT, PROBE_MODULE)}`);
  }
}
