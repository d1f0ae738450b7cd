import type { PyProxy } from 'pyodide/ffi';
import type { RunContext } from './run-context.ts';
import { KIND_CODE, KINDS, NULL_INT } from '../trace/schema.ts';
import type { Emit } from './ready-queue.ts';

/** yieldscope._emit: records one event; returns true when what it raised must end the run. */
export type PythonEmit = PyProxy & ((...args: (number | string)[]) => boolean | undefined);

/**
 * The scheduler's way into the run's event stream: the recorder's own emit (same stream, same
 * order, same string table), through yieldscope._emit, which catches on the Python side what a
 * recorded event may raise (a stop while paused, the event limit). A Python exception that
 * unwinds out of a call from the scheduler's hot JavaScript has crashed V8 (a fatal error in its
 * deoptimizer, once the code is optimized), and RunContext.emit lets it through. One call per event,
 * strings included, also makes a switch several times cheaper than one call per string field.
 *
 * `onEnding` is called when the run must end (Python keeps the exception to raise it again).
 * Without the recorder (no `_emit`), falls back to RunContext.emit; records nothing in a run with
 * recording off (a benchmark's baseline).
 */
export function makeEmitter(ctx: RunContext, pythonEmit: PythonEmit | undefined, onEnding: () => void): Emit {
  if (ctx.options.record === false) return () => {};
  if (!pythonEmit) return ctx.emit.bind(ctx);
  return (kind, obj, line, fields = []) => {
    const spec = KINDS[kind].fields;
    const args: (number | string)[] = [KIND_CODE[kind], obj, line];
    for (let i = 0; i < spec.length; i++) {
      const value = fields[i];
      const type = spec[i][1];
      if (value === null || value === undefined) args.push(NULL_INT);
      else if (type === 'str' || type === 'num') args.push(String(value));
      else if (type === 'bool') args.push(value ? 1 : 0);
      else args.push(Number(value) | 0);
    }
    if (pythonEmit(...args) === true) onEnding();
  };
}
