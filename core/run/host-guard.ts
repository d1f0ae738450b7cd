/**
 * Guards of the Python worker's thread against a program reaching the host through the C functions
 * of the interpreter, whose Emscripten glue in Node can run commands, JavaScript and connections.
 * The Python side refuses the same things with a message a student understands (ys_probe/sandbox.py);
 * these hold even against a program that goes around Python's modules. They do not make the worker
 * a security boundary: a program can still reach JavaScript through Pyodide's own objects.
 */
import childProcess from 'node:child_process';
import type { PyodideAPI } from 'pyodide';

/** Emscripten's errno numbers, as Python's errno module holds them in Pyodide. */
const ENETUNREACH = 40;

interface EmscriptenModule {
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  _PyImport_Inittab?: number;
  UTF8ToString(at: number): string;
  SOCKFS?: { websocket_sock_ops: Record<string, unknown> };
  FS: { ErrnoError: new (errno: number) => Error };
}

export function guardHost(py: PyodideAPI): void {
  const module = (py as unknown as { _module: EmscriptenModule })._module;
  // ctypes calls any C function, emscripten_run_script among them (JavaScript from a string)
  forgetBuiltin(module, '_ctypes');
  // system() runs a shell command with child_process in Node
  const refused = (): never => {
    throw new Error("Yieldscope's sandbox cannot start programs");
  };
  Object.assign(childProcess, {
    spawnSync: () => ({ pid: 0, output: [], stdout: '', stderr: '', status: 127, signal: null }),
    spawn: refused,
    exec: refused,
    execFile: refused,
    execSync: refused,
    execFileSync: refused,
    fork: refused,
  });
  // a socket is a WebSocket in Node: a connection would reach the network, a listening one open a port
  const sockets = module.SOCKFS?.websocket_sock_ops;
  if (sockets) {
    const unreachable = (): never => {
      throw new module.FS.ErrnoError(ENETUNREACH);
    };
    sockets.createPeer = unreachable;
    sockets.listen = unreachable;
  }
}

/**
 * Makes a built-in module unfindable: its name in the interpreter's table of built-in modules (and
 * in the copies the interpreter made of it, which share the name's bytes) no longer matches.
 */
function forgetBuiltin(module: EmscriptenModule, name: string): void {
  const table = module._PyImport_Inittab;
  if (table === undefined) return;
  const u32 = module.HEAPU32;
  for (let entry = u32[table >> 2]; u32[entry >> 2] !== 0; entry += 8) {
    const at = u32[entry >> 2];
    if (module.UTF8ToString(at) === name) module.HEAPU8[at] = '!'.charCodeAt(0);
  }
}
