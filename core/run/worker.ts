/**
 * The core worker: one warm Pyodide, one program per run. Runs on its own thread so a busy program
 * never blocks the host; the host controls it through the shared control block (control.ts).
 */
import { setFlagsFromString } from 'node:v8';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { loadProbe, probeModules, type LoadedProbe } from '../probe/load.ts';
import { schedulerHooks } from '../scheduler/hooks.ts';
import { schedulerModules } from '../scheduler/python-api.ts';
import { batchTransferables } from '../trace/batch.ts';
import { KIND_CODE, KINDS, MAIN_OBJ, NULL_INT, type EventKind } from '../trace/schema.ts';
import type { FieldValue, RunContext, SchedulerOptions } from '../scheduler/run-context.ts';
import {
  EndReason,
  endReason,
  FILE_SIGNAL,
  interruptBuffer,
  leftRun,
  pauseOutstanding,
  pausesMet,
  raiseSignal,
  waitForAnswer,
  waitForInput,
} from './control.ts';
import { flushSink } from './flush-sink.ts';
import { Watcher, type RecorderGate } from './watch.ts';
import type { FromWorker, ToWorker, WatchWindow, WorkerSetup } from './messages.ts';
import { installEntropy, seedEntropy } from './entropy.ts';
import { guardHost } from './host-guard.ts';
import { startPython } from './python.ts';
import { KeptFiles } from './kept-files.ts';
import { ProgramDirError, ProgramFolder } from './program-folder.ts';
import { recordedOptions } from './run-start.ts';
import { limitProblem, type RunLimit } from './run-limit.ts';
import { emptyScratchDirs } from './sandbox.ts';
import { DEFAULT_SEED } from '../session/protocol.ts';
import type { RunOptions, RunSummary } from './types.ts';
import { problemOf, problemText, type Problem } from '../session/problems.ts';

export const DEFAULT_MAX_EVENTS = 5_000_000;

// V8 11 (Node 20) aborts the process ("unreachable code" in Deoptimizer::DoComputeBuiltinContinuation)
// when it deoptimizes JavaScript that has inlined a call into WebAssembly returning a reference,
// while that call runs: Python calling back into JavaScript (a pause, the scheduler's loop) does
// that to Pyodide's calls. Calls into WebAssembly are not inlined, then (the flag is the process's).
setFlagsFromString('--no-turbo-inline-js-wasm-calls');

const port = parentPort!;
const setup = workerData as WorkerSetup;
const control = setup.control;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

/** Functions handed to Python lose their prototype, so a program that digs one out cannot climb to `Function`. */
function sealed<F extends (...args: never[]) => unknown>(fn: F): F {
  Object.setPrototypeOf(fn, null);
  return fn;
}

/** Pyodide's Emscripten module: the interpreter's memory and private symbols its API does not give. */
function emscriptenModule(py: PyodideAPI): {
  HEAP32: Int32Array;
  HEAPU8: Uint8Array;
  __Py_emscripten_signal_clock?: number;
} {
  return (py as unknown as { _module: ReturnType<typeof emscriptenModule> })._module;
}

/**
 * Has Python look at its interrupt buffer at its very next check, instead of up to 50 checks later
 * (CPython's Emscripten build counts down `_Py_emscripten_signal_clock` between looks): a folder's
 * change is then recorded at the line that made it. A private symbol; without it, a little later.
 */
function signalsSoon(py: PyodideAPI): () => void {
  const module = emscriptenModule(py);
  const at = module.__Py_emscripten_signal_clock;
  if (typeof at !== 'number') return () => {};
  return () => {
    module.HEAP32[at >> 2] = 1;
  };
}

function isKeyboardInterrupt(e: unknown): boolean {
  return e instanceof Error && (e as { type?: unknown }).type === 'KeyboardInterrupt';
}

/** Options left undefined (a host passing an unset flag along) take their defaults too. */
function withDefaults(options: RunOptions): RunOptions & SchedulerOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { policy: 'fifo', seed: DEFAULT_SEED, switchInterval: 5, ...given, source: options.source };
}

/** An interrupt buffer nothing writes to: Python checks it and never finds a signal. */
const NO_INTERRUPTS = new Int32Array(1);

class Recorder {
  readonly probe: LoadedProbe;
  private readonly programRun: PyProxy;
  private readonly record: PyProxy;
  private readonly emitPython: (...args: number[]) => void;
  private readonly internPython: (text: string) => number;
  /** The probe's heap walk, loaded by the first run an inspector watches. */
  private heap: PyProxy | null = null;
  private readonly checkSignalsSoon: () => void;
  /** The interpreter's memory, where the compiled probe's columns are (read at each flush: it grows). */
  private readonly memory: () => ArrayBufferLike;
  private readonly seedRandom: (seed: number) => void;

  /** `hashSeed`: the PYTHONHASHSEED its interpreter was started with. */
  constructor(
    readonly py: PyodideAPI,
    readonly hashSeed: number,
  ) {
    this.checkSignalsSoon = signalsSoon(py);
    const module = emscriptenModule(py);
    this.memory = () => module.HEAPU8.buffer;
    this.seedRandom = (py.pyimport('random') as unknown as { seed: (seed: number) => void }).seed;
    this.probe = loadProbe(py, setup.probe ?? 'compiled', setup.probeDir);
    this.programRun = this.probe.programRun;
    this.record = this.probe.recorder;
    const record = this.record as unknown as { emit_from_js: PyProxy; s_from_js: PyProxy };
    this.emitPython = record.emit_from_js as unknown as (...args: number[]) => void;
    this.internPython = record.s_from_js as unknown as (text: string) => number;
  }

  /**
   * The RunContext the scheduler plugs into: same event stream, same ids, same pause gate. emit may
   * be called from hot JavaScript (a loop driving Python), where a Python exception unwinding into
   * it has crashed V8: so it goes through the recorder's *_from_js functions, which never raise (a stop
   * or the event limit is raised again at the next event), in a plain loop, with the Python
   * functions fetched once and each string interned once per run (the string table is the run's).
   */
  context(settings: RunOptions & SchedulerOptions): RunContext {
    const record = this.record as unknown as { new_id(): number; oid(o: unknown): number };
    const { emitPython, internPython } = this;
    const interned = new Map<string, number>();
    const intern = (text: string): number => {
      let i = interned.get(text);
      if (i === undefined) {
        i = internPython(text);
        if (i !== NULL_INT) interned.set(text, i);
      }
      return i;
    };
    const args: number[] = [];
    return {
      py: this.py,
      options: settings,
      emit(kind: EventKind, obj: number, line: number, fields: readonly FieldValue[] = []) {
        const spec = KINDS[kind].fields;
        args.length = 0;
        args.push(KIND_CODE[kind], obj, line);
        for (let i = 0; i < spec.length; i++) {
          const v = fields[i];
          const type = spec[i][1];
          if (v === null || v === undefined) args.push(NULL_INT);
          else if (type === 'str' || type === 'num') args.push(intern(String(v)));
          else if (type === 'bool') args.push(v ? 1 : 0);
          else args.push(Number(v) | 0);
        }
        emitPython(...args);
      },
      newObjectId: () => record.new_id(),
      objectId: (pyObject: unknown) => record.oid(pyObject),
    };
  }

  run(options: RunOptions, watch?: WatchWindow): RunSummary {
    const started = performance.now();
    const watcher =
      watch &&
      new Watcher(
        watch,
        (this.heap ??= this.py.pyimport('ys_probe.heap') as PyProxy),
        this.record as unknown as RecorderGate,
        control,
        post,
        (walk) => {
          this.py.setInterruptBuffer(NO_INTERRUPTS);
          try {
            return walk();
          } finally {
            this.py.setInterruptBuffer(interruptBuffer(control));
          }
        },
      );
    let events = 0;
    const sendBatch = sealed(
      flushSink(
        this.probe.kind,
        (batch, encoded) => {
          events = batch.first + batch.count;
          watcher?.saw(batch);
          // the encoded strings are copied, not transferred: the sink keeps them for a flush sent again
          post({ type: 'batch', batch, encoded }, batchTransferables(batch));
        },
        this.memory,
      ),
    );
    // Setting a run up runs Python (seeding random, mounting the folder), where a stop must not strike:
    // it waits in the control block, to strike the program's first instruction, where it is handled.
    this.py.setInterruptBuffer(NO_INTERRUPTS);
    const settings = withDefaults(options);
    const ctx = this.context(settings);
    seedEntropy(settings.seed);
    this.seedRandom(settings.seed);
    const recording = options.record ?? true;
    const fileName = options.fileName ?? 'main.py';
    emptyScratchDirs(this.py);
    let live = recording;
    const askForFiles = (): void => {
      if (!live) return;
      raiseSignal(control, FILE_SIGNAL);
      this.checkSignalsSoon();
    };
    const folder = new ProgramFolder(this.py, {
      hostDir: options.programDir,
      fileName,
      source: options.source,
      withContent: recording,
      onChange: askForFiles,
    });
    const workDir = folder.mount();
    const kept = new KeptFiles();
    const takeFiles = sealed((line: number) => {
      for (const change of folder.take()) ctx.emit('file', MAIN_OBJ, line, kept.fields(change));
    });
    const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    // The probe flushes before it holds, so the acknowledgement follows the batches it counts.
    const waiter = sealed((events: number) => {
      const paused = pauseOutstanding(control);
      pausesMet(control);
      if (watcher) return watcher.held(events, paused);
      post({ type: 'held', events });
      return waitForAnswer(control);
    });
    while (receiveMessageOnPort(setup.input)); // a line sent as the last run ended
    const readLine = sealed((): string | false | undefined => {
      post({ type: 'input' });
      const got = waitForInput(
        control,
        () => receiveMessageOnPort(setup.input)?.message as { text: string | null } | undefined,
      );
      if (got === false) return false;
      return got.text ?? undefined; // None in Python: the input has ended
    });
    const noteLine = sealed((line: number, text: string | undefined) => {
      if (recording) ctx.emit('stdin', MAIN_OBJ, line, [text ?? null]);
    });
    let status: RunSummary['status'];
    let message: string | null;
    let limit: RunLimit | null = null;
    let [stdout, stderr] = ['', ''];
    let decided: ReturnType<NonNullable<typeof schedulerHooks.finish>>;
    this.py.setInterruptBuffer(interruptBuffer(control));
    try {
      const result = this.programRun.run(
        options.source,
        fileName,
        workDir,
        recordedOptions(settings, maxEvents),
        JSON.stringify(folder.listing()),
        maxEvents,
        sendBatch,
        waiter,
        sealed(() => pauseOutstanding(control)),
        sealed(() => {
          schedulerHooks.install(ctx);
          watcher?.installed();
        }),
        sealed(() => schedulerHooks.drain(ctx)),
        options.startPaused ?? false,
        recording,
        watcher?.start ?? options.pauseAtEvent, // undefined reaches Python as None (null would not)
        recording ? takeFiles : undefined,
        readLine,
        noteLine,
      ) as PyProxy;
      [status, message, stdout, stderr, limit] = result.toJs() as [
        RunSummary['status'],
        string | null,
        string,
        string,
        RunLimit | null,
      ];
      result.destroy();
    } catch (e) {
      // a stop that struck the run's very first instruction, before Python could catch anything
      if (!isKeyboardInterrupt(e) || endReason(control) === EndReason.none) throw e;
      // The recorder still holds the last run's counters and sink: it is reset for this one, or
      // run.end would go out as the last run's next event. The stop is spent, so nothing interrupts it.
      Atomics.store(control, 0, 0);
      this.record.start(sendBatch, waiter, maxEvents);
      [status, message] = ['stopped', 'Stopped.'];
    } finally {
      live = false; // the folder's last changes are taken below, not signalled
      // with the probe off and no interrupt pending, so the tasks it releases end quietly
      Atomics.store(control, 0, 0);
      decided = schedulerHooks.finish?.(ctx);
    }
    leftRun(control);
    let problem: Problem | undefined;
    if (decided && status !== 'limit')
      [status, message, problem] = [decided.status, decided.message, decided.problem];
    const reason = endReason(control);
    const final = reason === EndReason.none ? watcher?.ended() : null;
    if (reason === EndReason.stopped) [status, message, problem] = ['stopped', 'Stopped.', undefined];
    if (reason === EndReason.timeout) {
      problem = { key: 'timeLimit', values: { seconds: ((options.timeoutMs ?? 0) / 1000).toFixed(1) } };
      [status, message] = ['timeout', problemText('en', problem)];
    }
    if (status === 'limit' && limit) {
      problem = limitProblem(limit);
      message = problemText('en', problem);
    }
    const files = folder.finish();
    // undefined reaches Python as None (null would not)
    this.programRun.finish(status, message ?? undefined, recording ? takeFiles : undefined);
    if (final) post(final);
    const summary: RunSummary = { status, events, wallMs: performance.now() - started };
    if (message) summary.message = message;
    if (problem) summary.problem = problem;
    if (!recording) summary.captured = { stdout, stderr, files };
    return summary;
  }
}

/** A warm interpreter for a hash seed, with the probe loaded. */
async function prepare(hashSeed: number): Promise<Recorder> {
  const py = await startPython(hashSeed, [...probeModules(setup.probeDir), ...schedulerModules()]);
  guardHost(py);
  post({ type: 'progress', progress: { phase: 'loading-python', fraction: 0.8 } });
  const recorder = new Recorder(py, hashSeed);
  py.setInterruptBuffer(interruptBuffer(control));
  // input() and sys.stdin are the program's input (stdin.py); file descriptor 0 itself reads nothing
  py.setStdin({ stdin: () => undefined });
  post({ type: 'progress', progress: { phase: 'ready', fraction: 1 } });
  return recorder;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  installEntropy();
  post({ type: 'progress', progress: { phase: 'starting', fraction: 0 } });
  let recorder = await prepare(setup.seed ?? DEFAULT_SEED);
  post({
    type: 'ready',
    startupMs: performance.now() - t0,
    probe: recorder.probe.kind,
    probeNotice: recorder.probe.notice,
  });
  let runs = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'run') return;
    runs = runs.then(async () => {
      try {
        // a run with another seed needs another interpreter (python.ts): the run's clock waits
        const seed = message.options.seed ?? DEFAULT_SEED;
        if (seed !== recorder.hashSeed) {
          post({ type: 'progress', progress: { phase: 'starting', fraction: 0 } });
          recorder = await prepare(seed);
        }
        post({ type: 'done', summary: recorder.run(message.options, message.watch) });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        post({ type: 'failed', message, input: e instanceof ProgramDirError, problem: problemOf(e) });
      }
    });
  });
}

main().catch((e: unknown) =>
  post({ type: 'failed', message: `Python could not start: ${e instanceof Error ? e.message : String(e)}` }),
);
