import { readFileSync } from 'node:fs';
import type { PyProxy } from 'pyodide/ffi';
import type { RunContext } from '../run/context.ts';
import { deadlockMessage, Scheduler, type Waiting } from './scheduler.ts';

/** Where the scheduler's Python modules live inside Pyodide's file system. */
const LIBRARY_DIR = '/yieldscope/scheduler';
const MODULES = ['yieldscope.py', 'yieldscope_asyncio.py'];
/** The name under which the loop's functions are importable from Python. */
const LOOP_MODULE = '_yieldscope_loop';

type PyCallable = PyProxy & ((...args: unknown[]) => unknown);

function readModule(file: string): string {
  return readFileSync(new URL(`./python/${file}`, import.meta.url), 'utf8');
}

/**
 * Python sees these functions; without a prototype a program that digs one out cannot climb to
 * `Function` and run JavaScript in the worker.
 */
function sealed(functions: Record<string, unknown>): Record<string, unknown> {
  const module = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(functions)) {
    if (typeof value === 'function') Object.setPrototypeOf(value, null);
    module[name] = value;
  }
  return module;
}

function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

/**
 * One run's scheduler, reachable from the program as `import yieldscope` (and underneath
 * asyncio): the Python modules call the functions of `_yieldscope_loop` below, which drive the
 * TypeScript Scheduler and emit into the run's event stream.
 */
export class PythonScheduler {
  readonly scheduler: Scheduler;
  private readonly step: PyCallable;
  private readonly drainProgram: PyCallable;

  constructor(private readonly ctx: RunContext) {
    this.scheduler = new Scheduler(ctx.emit.bind(ctx), ctx.newObjectId.bind(ctx), {
      policy: ctx.options.policy,
      seed: ctx.options.seed,
    });
    const py = ctx.py;
    py.FS.mkdirTree(LIBRARY_DIR);
    for (const file of MODULES) py.FS.writeFile(`${LIBRARY_DIR}/${file}`, readModule(file));
    py.registerJsModule(LOOP_MODULE, sealed(this.loopModule()));
    const sys = py.pyimport('sys') as PyProxy & { modules: PyProxy; path: PyProxy };
    for (const name of [LOOP_MODULE, 'yieldscope', 'yieldscope_asyncio'])
      (sys.modules as unknown as { pop(k: string, d: null): void }).pop(name, null);
    sys.destroy();
    const module = py.runPython(
      `import sys\nif ${JSON.stringify(LIBRARY_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(LIBRARY_DIR)})\n` +
        'import yieldscope, yieldscope_asyncio\nyieldscope_asyncio.install()\nyieldscope',
    ) as PyProxy & { _step: PyCallable; _drain: PyCallable };
    this.step = module._step.copy();
    this.drainProgram = module._drain.copy();
    module.destroy();
  }

  /** After the program's last line: runs tasks never run, reports failures nobody saw. */
  drain(): void {
    this.drainProgram();
  }

  /** The functions Python sees as `_yieldscope_loop.*` (names in Python's style). */
  private loopModule(): Record<string, unknown> {
    const { ctx, scheduler } = this;
    return {
      switch_interval: ctx.options.switchInterval,
      program_file: () => ctx.options.fileName ?? 'main.py',
      program_source: () => ctx.options.source,
      object_id: (obj: unknown) => ctx.objectId(obj),
      spawn: (handle: PyProxy, name: string, wraps: string, priority: number, target: number, line: number) => {
        const task = handle.copy();
        return scheduler.spawn(
          { resume: () => this.step(task), release: () => task.destroy() },
          { name, wraps, target, priority, line },
        );
      },
      name_of: (id: number) => scheduler.nameOf(id),
      unfinished: () => scheduler.unfinished,
      run: () => {
        const outcome = scheduler.run();
        return outcome.kind === 'deadlock' ? outcome.message : undefined;
      },
      sleep: (seconds: number, line: number) => scheduler.sleep(seconds, line),
      park: (on: string, key: string, detail: string, line: number) => scheduler.park(on, key, detail, line),
      wake_one: (key: string, reason: string) => scheduler.wakeOne(key, reason),
      wake_all: (key: string, reason: string) => scheduler.wakeAll(key, reason),
      finish: (result: string | undefined, exc: string | undefined) => scheduler.finish(orNull(result), orNull(exc)),
      deque_create: (maxlen: number | undefined, name: string, line: number) => {
        const id = ctx.newObjectId();
        ctx.emit('deque.create', id, line, [orNull(maxlen), '[]', name]);
        return id;
      },
      deque_op: (id: number, op: string, arg: string | undefined, value: string | undefined, len: number) =>
        ctx.emit('deque.op', id, 0, [op, orNull(arg), orNull(value), null, len]),
      now: () => scheduler.clock.now,
      advance: (to: number) => scheduler.advanceClock(to),
      announce: (name: string, wraps: string, target: number, line: number) =>
        scheduler.announce({ name, wraps, target, priority: 0, line }),
      pick: (id: number, reason: string) => ctx.emit('sched.pick', id, 0, [reason]),
      done: (id: number, result: string | undefined, exc: string | undefined) =>
        ctx.emit('sched.done', id, 0, [orNull(result), orNull(exc)]),
      deadlock: (waitingJson: string) => {
        const waiting = JSON.parse(waitingJson) as Waiting[];
        const message = deadlockMessage(waiting);
        ctx.emit('sched.deadlock', 0, 0, [message, waitingJson]);
        return message;
      },
    };
  }
}
