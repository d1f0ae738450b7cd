import { readFileSync } from 'node:fs';
import type { PyProxy } from 'pyodide/ffi';
import type { PythonModule } from '../run/python-module.ts';
import type { RunContext } from './run-context.ts';
import { makeEmitter, type PythonEmit } from './emitter.ts';
import type { Emit } from './ready-queue.ts';
import { pickReason, waitDetail, type WaitOn, type WakeCause } from './reasons.ts';
import { deadlockMessage, deadlockReason, Scheduler, type Waiting } from './scheduler.ts';
import { NULL_INT, READY_QUEUE_NAME } from '../trace/schema.ts';

/** The tasks the program left to run after its last line deadlocked. */
export class DeadlockError extends Error {
  override name = 'Deadlock';
}

/** The run was interrupted (stopped, over a limit) while the scheduler ran the program's tasks. */
export class RunInterrupted extends Error {
  override name = 'RunInterrupted';
}

/** Where the scheduler's Python modules live inside Pyodide's file system. */
const LIBRARY_DIR = '/yieldscope/scheduler';
const MODULES = ['yieldscope.py', 'yieldscope_asyncio.py'];
/** The name under which the loop's functions are importable from Python. */
const LOOP_MODULE = '_yieldscope_loop';

type PyCallable = PyProxy & ((...args: unknown[]) => unknown);

/**
 * Interpreters that already hold the modules' files. Every run imports the modules afresh (a run's
 * state must not reach the next one), but compiling them took 60-180 ms of every run's start here,
 * against 1 ms to load their bytecode: so the files are written once per interpreter, leaving their
 * time stamps and so the bytecode cached beside them valid.
 */
const holdsModules = new WeakSet<object>();

/** The scheduler's Python modules, by where they are imported from in Pyodide's file system. */
export function schedulerModules(): PythonModule[] {
  return MODULES.map((file) => ({
    path: `${LIBRARY_DIR}/${file}`,
    text: readFileSync(new URL(`./python/${file}`, import.meta.url), 'utf8'),
  }));
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
 *
 * No Python exception may unwind through these JavaScript frames: with a warm JIT that has
 * crashed V8 (a fatal error in its deoptimizer). So the Python functions the loop calls on its hot
 * path (yieldscope._step, yieldscope._emit) catch what ends the run (a stop, the event limit) and
 * return a flag, and any Python exception that still reaches JavaScript here is caught at once.
 * Either way the run is marked `abort`, the loop halts, and Python raises the exception again on
 * its own side (yieldscope._raise_if_aborted), or drain() ends the run with a JavaScript error.
 */
export class PythonScheduler {
  readonly scheduler: Scheduler;
  /** What is ending the run (a Python exception's type name, or where it was caught), once something is. */
  private abort: string | null = null;
  /** The tasks left waiting by the deadlock the run ended in, if it did. */
  deadlock: Waiting[] | null = null;
  /** Where the loop's events go: the recorder, through yieldscope._emit (see emitter.ts). */
  private readonly emit: Emit;
  private readonly step: PyCallable;
  private readonly drainProgram: PyCallable;
  private readonly pythonEmit: PythonEmit | undefined;

  constructor(private readonly ctx: RunContext) {
    let emit: Emit = () => {};
    const guardedEmit = this.guarded((...args: Parameters<Emit>) => emit(...args));
    this.emit = (...args) => void guardedEmit(...args);
    this.scheduler = new Scheduler(this.emit, ctx.newObjectId.bind(ctx), {
      policy: ctx.options.policy,
      seed: ctx.options.seed,
    });
    const py = ctx.py;
    if (!holdsModules.has(py)) {
      py.FS.mkdirTree(LIBRARY_DIR);
      for (const { path, text } of schedulerModules()) py.FS.writeFile(path, text);
      holdsModules.add(py);
    }
    py.registerJsModule(LOOP_MODULE, sealed(this.loopModule()));
    // Pyodide turns bytecode caching off; it is on for this import only (the program sees it as it was).
    const module = py.runPython(
      `import sys\nfor name in (${JSON.stringify(LOOP_MODULE)}, 'yieldscope', 'yieldscope_asyncio'): sys.modules.pop(name, None)\n` +
        `if ${JSON.stringify(LIBRARY_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(LIBRARY_DIR)})\n` +
        'caching, sys.dont_write_bytecode = sys.dont_write_bytecode, False\n' +
        'try:\n    import yieldscope, yieldscope_asyncio\nfinally:\n    sys.dont_write_bytecode = caching\n    del caching\n' +
        'yieldscope_asyncio.install()\nyieldscope',
    ) as PyProxy & { _step: PyCallable; _drain: PyCallable; _emit: PyCallable; _probe: unknown };
    this.step = module._step.copy() as PyCallable;
    this.drainProgram = module._drain.copy() as PyCallable;
    this.pythonEmit = module._probe ? (module._emit.copy() as PythonEmit) : undefined;
    module.destroy();
    emit = makeEmitter(ctx, this.pythonEmit, () => this.abortWith('the recorder'));
  }

  /** After the program's last line: runs tasks never run, reports failures nobody saw. */
  drain(): void {
    const deadlock = this.drainProgram() as string | undefined;
    if (this.abort) throw new RunInterrupted(`the run was interrupted (${this.abort})`);
    if (deadlock !== undefined) throw new DeadlockError(deadlock);
  }

  /** Frees the Python objects this run's scheduler still holds (tasks left waiting by a deadlock or a stop). */
  dispose(): void {
    this.scheduler.dispose();
    this.pythonEmit?.destroy();
    this.step.destroy();
    this.drainProgram.destroy();
  }

  /** fn, with a Python exception it lets through turned into `abort` (see the class comment). */
  private guarded<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
    const PythonError = this.ctx.py.ffi.PythonError;
    return (...args) => {
      if (this.abort) return undefined;
      try {
        return fn(...args);
      } catch (e) {
        if (!(e instanceof PythonError)) throw e;
        this.abortWith(e.type);
        return undefined;
      }
    };
  }

  private abortWith(type: string): void {
    this.abort = type;
    this.scheduler.halt();
  }

  /** The functions Python sees as `_yieldscope_loop.*` (names in Python's style). */
  private loopModule(): Record<string, unknown> {
    const { ctx, scheduler, emit } = this;
    return {
      switch_interval: ctx.options.switchInterval,
      // Facts of the schema, handed over rather than copied into Python by hand.
      null_int: NULL_INT,
      ready_queue_name: READY_QUEUE_NAME,
      program_file: () => ctx.options.fileName ?? 'main.py',
      program_source: () => ctx.options.source,
      object_id: (obj: unknown) => ctx.objectId(obj),
      spawn: (
        handle: PyProxy,
        name: string,
        wraps: string,
        priority: number,
        target: number,
        line: number,
      ) => {
        const task = handle.copy();
        const resume = this.guarded(() => {
          // True: the task raised what ends the run (Python keeps the exception to raise it again).
          if (this.step(task) === true) this.abortWith('the task');
        });
        return scheduler.spawn(
          { resume, release: () => task.destroy() },
          { name, wraps, target, priority, line },
        );
      },
      name_of: (id: number) => scheduler.nameOf(id),
      unfinished: () => scheduler.unfinished,
      run: () => {
        const outcome = scheduler.run();
        if (outcome.kind !== 'deadlock') return undefined;
        this.deadlock = outcome.waiting;
        return deadlockReason(outcome.waiting);
      },
      aborted: () => this.abort ?? undefined,
      sleep: (seconds: number, line: number) => scheduler.sleep(seconds, line),
      work: (seconds: number, line: number) => scheduler.work(seconds, line),
      set_cores: (cores: number) => scheduler.setCores(cores),
      park: (on: WaitOn, key: string, what: string, amount: number | undefined, line: number) =>
        scheduler.park({ on, what, amount: orNull(amount) }, key, line),
      wake_one: (key: string, cause: WakeCause, what: string) =>
        scheduler.wakeOne(key, { cause, what, at: null }),
      wake_all: (key: string, cause: WakeCause, what: string) =>
        scheduler.wakeAll(key, { cause, what, at: null }),
      finish: (result: string | undefined, exc: string | undefined) =>
        scheduler.finish(orNull(result), orNull(exc)),
      deque_create: (maxlen: number | undefined, name: string, line: number) => {
        const id = ctx.newObjectId();
        emit('deque.create', id, line, [orNull(maxlen), '[]', name]);
        return id;
      },
      deque_op: (
        id: number,
        op: string,
        arg: string | undefined,
        value: string | undefined,
        len: number,
        line: number,
      ) => emit('deque.op', id, line, [op, orNull(arg), orNull(value), null, len]),
      now: () => scheduler.clock.now,
      advance: (to: number) => scheduler.advanceClock(to),
      announce: (name: string, wraps: string, target: number, line: number) =>
        scheduler.announce({ name, wraps, target, priority: 0, line }),
      pick: (id: number) => emit('sched.pick', id, 0, [pickReason('asyncio', null), 'asyncio', null]),
      done: (id: number, result: string | undefined, exc: string | undefined) =>
        emit('sched.done', id, 0, [orNull(result), orNull(exc)]),
      deadlock: (waitingJson: string) => {
        const waits = JSON.parse(waitingJson) as Omit<Waiting, 'detail'>[];
        const waiting = waits.map((w) => ({ ...w, detail: waitDetail(w) }));
        emit('sched.deadlock', 0, 0, [deadlockMessage(waiting), JSON.stringify(waiting)]);
        this.deadlock = waiting;
        return deadlockReason(waiting);
      },
    };
  }
}
