/**
 * A Python module of ours, by its path in Pyodide's file system. Compiling the probe's modules took
 * 300-500 ms of every start here (CPython's compiler in WebAssembly, in a fresh worker): so a snapshot
 * carries their bytecode, compiled when it was made, and every interpreter restored from it finds
 * that bytecode beside the module's path, ready for the import.
 */
export interface PythonModule {
  path: string;
  text: string;
}
