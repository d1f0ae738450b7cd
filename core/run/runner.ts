import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EventBatch } from '../trace/batch.ts';
import { FIELD_COLUMNS, KIND_CODE, NULL_INT } from '../trace/schema.ts';
import {
  Action,
  EndReason,
  answer,
  createControl,
  hasLeftRun,
  moveWindow,
  inputSent,
  repeatPause,
  requestEnd,
  requestPause,
  resetControl,
} from './control.ts';
import type { ProbeKind } from '../probe/load.ts';
import { problemText, type Problem } from '../session/problems.ts';
import type { FromWorker, ToWorker, WatchWindow, WorkerSetup } from './messages.ts';
import { decodeStrings } from './encoded-strings.ts';
import type {
  BatchListener,
  HoldListener,
  ReadyProgress,
  RunHandle,
  RunHooks,
  RunOptions,
  RunSummary,
  SnapshotListener,
  StepTo,
  WatchedRun,
} from './types.ts';

/** How long a stopped program may keep running (say, swallowing KeyboardInterrupt) before its worker is ended. */
const STOP_GRACE_MS = 1000;
const TIMER_TICK_MS = 25;

export class RunnerError extends Error {
  /** What went wrong as a problem, when Yieldscope said it, so the page says it in the user's language. */
  constructor(
    message: string,
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

/** A run refused because of what it was given (say, a program folder it cannot read): the user can fix it. */
export class RunInputError extends RunnerError {}

const DEFAULT_WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const TS_ENTRY = new URL('./ts-entry.mjs', import.meta.url);

/**
 * One run as the host sees it: where its batches go, its pause state, its limits.
 *
 * The host answers a hold only once the worker has acknowledged it, and once per hold: an answer
 * written ahead (say, a resume while a pause is on its way) would be taken by a later hold, and that
 * hold reported as a pause the worker did not keep.
 */
class ActiveRun implements WatchedRun {
  readonly done: Promise<RunSummary>;
  events = 0;
  strings = 0;
  lastT = 0;
  /** The host wants the run held: paused, started paused, or stepping. */
  private wanted: boolean;
  /** The event count the worker holds at, waiting for an answer; null while it runs. */
  private heldAt: number | null = null;
  /** A watched run's window (the event counts it shows, holding at the last), as the worker has it. */
  private window: [first: number, last: number];
  /** A watched run's next window, named before it held at the end of this one. */
  private nextWindow: [first: number, last: number] | null = null;
  private holdWaiters: ((events: number | null) => void)[] = [];
  /** Steps asked for before the previous one held (a key held down, a lesson's steps): each is taken at the hold before it. */
  private queuedSteps: { to: StepTo; held: (events: number | null) => void }[] = [];
  started = false;
  ended = false;
  private stopRequested = false;
  /** The worker is starting an interpreter for this run's seed: not the program's time. */
  preparing = false;
  /** The program waits for a line of input: not its time either. */
  private waitingForInput = false;
  private readonly stdin: string[] | undefined;
  private inputPort?: MessagePort;
  private ranMs = 0;
  private timer?: NodeJS.Timeout;
  private graceTimer?: NodeJS.Timeout;
  private finishRun!: (s: RunSummary) => void;
  private failRun!: (e: Error) => void;

  constructor(
    readonly options: RunOptions,
    private readonly onBatch: BatchListener,
    private readonly onHold: HoldListener | undefined,
    private readonly control: Int32Array,
    private readonly kill: (run: ActiveRun) => void,
    private readonly hooks: RunHooks,
    private readonly watching?: WatchWindow & { onSnapshot: SnapshotListener },
  ) {
    this.wanted = options.startPaused ?? false;
    this.window = watching ? [watching.first, watching.last] : [0, 0];
    this.stdin = options.stdin && [...options.stdin];
    this.done = new Promise((resolve, reject) => {
      this.finishRun = resolve;
      this.failRun = reject;
    });
  }

  begin(post: (m: ToWorker) => void, inputPort: MessagePort): void {
    resetControl(this.control);
    this.started = true;
    this.inputPort = inputPort;
    const watch = this.watching && { first: this.watching.first, last: this.watching.last };
    post({ type: 'run', options: { ...this.options, startPaused: this.wanted }, watch });
    if (this.stopRequested) this.requestEnd(EndReason.stopped);
    const limit = this.options.timeoutMs;
    let last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      if (this.heldAt === null && !this.preparing && !this.waitingForInput) this.ranMs += now - last;
      last = now;
      // a pause signal can be lost: raised again until a hold meets it
      if (this.wanted && this.heldAt === null && !this.stopRequested) repeatPause(this.control);
      if (limit !== undefined && this.ranMs > limit && !this.stopRequested)
        this.requestEnd(EndReason.timeout);
    }, TIMER_TICK_MS);
  }

  batch(batch: EventBatch): void {
    this.events = batch.first + batch.count;
    this.strings = batch.stringBase + batch.strings.length;
    if (batch.count > 0) this.lastT = batch.t[batch.count - 1];
    this.onBatch(batch);
  }

  /** The worker's acknowledgement that it holds after `events` events. */
  held(events: number): void {
    // a stop is already the answer
    if (this.ended || this.stopRequested) return;
    if (this.watching) {
      // an inspector's run holds at the end of each window, until watch() names the next; a pause
      // holds it anywhere, until resumed (a pause that lands after its resume is resumed at once)
      const next = this.nextWindow;
      this.nextWindow = null;
      if (next) this.window = next;
      if (this.wanted || (!next && events >= this.window[1])) {
        this.heldAt = events;
        this.settleWaiters(events);
      } else moveWindow(this.control, ...this.window);
      return;
    }
    // the hold the run was asked to make at an event count is wanted
    if (events === this.options.pauseAtEvent) this.wanted = true;
    if (!this.wanted) {
      answer(this.control, Action.resume);
      return;
    }
    this.heldAt = events;
    this.onHold?.(events);
    this.settleWaiters(events);
    const next = this.queuedSteps.shift();
    if (next) {
      this.holdWaiters.push(next.held);
      this.takeStep(next.to);
    }
  }

  snapshot(at: number, json: string, final: boolean): void {
    if (!this.stopRequested) this.watching?.onSnapshot(at, json, final);
  }

  /**
   * Moves a watched run on to its next window, as soon as it holds at the end of this one; a paused
   * one, once resumed.
   */
  watch(first: number, last: number): void {
    if (this.ended || this.stopRequested) return;
    if (this.heldAt === null) {
      this.nextWindow = [first, last];
      return;
    }
    this.window = [first, last];
    if (this.wanted) return;
    this.heldAt = null;
    moveWindow(this.control, first, last);
  }

  /** The program asks for a line: from the lines given in advance, else from the host. */
  askForInput(): void {
    this.waitingForInput = true;
    if (this.stdin) this.input(this.stdin.shift() ?? null);
    else if (this.hooks.onInput) this.hooks.onInput();
    else this.input(null);
  }

  input(text: string | null): void {
    if (this.ended || !this.waitingForInput || !this.inputPort) return;
    this.waitingForInput = false;
    this.inputPort.postMessage({ text });
    inputSent(this.control);
  }

  finish(summary: RunSummary): void {
    this.cleanup();
    this.finishRun(summary);
  }

  fail(error: Error): void {
    this.cleanup();
    this.failRun(error);
  }

  private cleanup(): void {
    this.ended = true;
    this.heldAt = null;
    this.dropQueuedSteps();
    clearInterval(this.timer);
    clearTimeout(this.graceTimer);
    this.settleWaiters(null);
  }

  private nextHold(): Promise<number | null> {
    return new Promise((resolve) => this.holdWaiters.push(resolve));
  }

  private dropQueuedSteps(): void {
    const dropped = this.queuedSteps;
    this.queuedSteps = [];
    for (const step of dropped) step.held(null);
  }

  private settleWaiters(events: number | null): void {
    const waiters = this.holdWaiters;
    this.holdWaiters = [];
    for (const resolve of waiters) resolve(events);
  }

  /**
   * Ends a run whose worker had to be killed: the run.end event is written here instead. Its
   * reason is a problem when the page shows it; a stop's sentence is not shown (the page counts events).
   */
  abandon(status: RunSummary['status'], reason: string | Problem): void {
    const problem = typeof reason === 'string' ? undefined : reason;
    const message = typeof reason === 'string' ? reason : problemText('en', reason);
    const base = this.strings;
    const f = new Int32Array(FIELD_COLUMNS).fill(NULL_INT);
    f[0] = base;
    f[1] = base + 1;
    this.batch({
      first: this.events,
      count: 1,
      t: new Float64Array([this.lastT]),
      kind: new Uint8Array([KIND_CODE['run.end']]),
      obj: new Int32Array([0]),
      line: new Int32Array([0]),
      f,
      stringBase: base,
      strings: [status, message],
    });
    this.finish({ status, events: this.events, wallMs: this.ranMs, message, ...(problem && { problem }) });
  }

  private requestEnd(reason: number): void {
    this.stopRequested = true;
    if (!this.started || this.ended) return;
    requestEnd(this.control, reason);
    this.graceTimer = setTimeout(() => {
      if (!this.ended && !hasLeftRun(this.control)) this.kill(this);
    }, STOP_GRACE_MS);
  }

  pause(): Promise<number | null> {
    if (this.ended) return Promise.resolve(null);
    if (this.heldAt !== null) return Promise.resolve(this.heldAt);
    // a pause holds at the step on its way, not after the ones asked for behind it
    this.dropQueuedSteps();
    if (!this.wanted) {
      this.wanted = true;
      if (this.started) requestPause(this.control);
    }
    return this.nextHold();
  }

  resume(): void {
    if (this.ended || !this.wanted) return;
    this.wanted = false;
    // a pause still on its way is answered by held() when it lands
    this.dropQueuedSteps();
    this.settleWaiters(null);
    if (this.heldAt === null) return;
    if (this.watching) {
      // held at the end of its window, it waits there for the next
      if (this.heldAt >= this.window[1]) return;
      this.heldAt = null;
      moveWindow(this.control, ...this.window);
      return;
    }
    this.heldAt = null;
    answer(this.control, Action.resume);
  }

  /**
   * Steps from the hold, or, while a step or pause is on its way to its hold, from the hold after
   * it: a step is never dropped for coming early. Resolves with the hold it ends at (null: none).
   */
  step(to: StepTo = 'event'): Promise<number | null> {
    if (this.ended || !this.wanted) return Promise.resolve(null);
    if (this.heldAt === null) return new Promise((held) => this.queuedSteps.push({ to, held }));
    this.takeStep(to);
    return this.nextHold();
  }

  private takeStep(to: StepTo): void {
    this.heldAt = null;
    answer(this.control, to === 'switch' ? Action.stepSwitch : Action.stepEvent);
  }

  stop(): void {
    if (this.ended || this.stopRequested) return;
    this.requestEnd(EndReason.stopped);
  }

  get stopping(): boolean {
    return this.stopRequested;
  }
}

/**
 * Runs Python programs, one at a time, in a worker thread with a warm Pyodide. A run is source and
 * options in, event batches out, plus control (pause, step, resume, stop).
 */
export class Runner {
  private worker!: Worker;
  private readyPromise!: Promise<void>;
  private active?: ActiveRun;
  private readonly control = createControl();
  /** The host's end of the current worker's input port. */
  private inputPort?: MessagePort;
  private closed = false;
  /** How long the last worker took from start to Python ready, in ms. */
  startupMs = NaN;
  /** Which recorder records, once ready. */
  probe: ProbeKind | undefined;
  /** Why the slower Python recorder records although the compiled one was wanted (one sentence), or null. */
  probeNotice: string | null = null;

  constructor(
    private readonly opts: {
      onProgress?: (p: ReadyProgress) => void;
      workerFile?: string;
      /** The recorder to use (default compiled, falling back to the Python one when it cannot load). */
      probe?: ProbeKind;
      /** The seed the first run will likely have, so its interpreter is started first. */
      seed?: number;
    } = {},
  ) {
    this.startWorker();
  }

  get ready(): Promise<void> {
    return this.readyPromise;
  }

  private startWorker(): void {
    const file = this.opts.workerFile ?? DEFAULT_WORKER;
    const { port1, port2 } = new MessageChannel();
    this.inputPort?.close(); // a killed worker's
    this.inputPort = port1;
    const setup: WorkerSetup = {
      control: this.control,
      input: port2,
      seed: this.opts.seed,
      probe: this.opts.probe,
    };
    const transferList = [port2];
    const worker = file.endsWith('.ts')
      ? new Worker(TS_ENTRY, { workerData: { ...setup, entry: pathToFileURL(file).href }, transferList })
      : // A bundled worker needs none of the host's loader flags: tsx's (the browser edition's server
        // runs under it) would map Pyodide's stack back to its TypeScript sources, where Pyodide then
        // looks for its own files.
        new Worker(file, { workerData: setup, transferList, execArgv: [] });
    this.worker = worker;
    this.readyPromise = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: FromWorker) => {
        // a killed worker's queued batches still arrive after its run was abandoned (run.end written)
        if (this.worker !== worker) return;
        if (m.type === 'progress') {
          if (this.active) this.active.preparing = m.progress.phase !== 'ready';
          this.opts.onProgress?.(m.progress);
        } else if (m.type === 'ready') {
          this.startupMs = m.startupMs;
          this.probe = m.probe;
          this.probeNotice = m.probeNotice;
          resolve();
        } else if (m.type === 'batch')
          this.active?.batch(m.encoded ? { ...m.batch, strings: decodeStrings(m.encoded) } : m.batch);
        else if (m.type === 'held') this.active?.held(m.events);
        else if (m.type === 'snapshot') this.active?.snapshot(m.at, m.json, m.final);
        else if (m.type === 'input') this.active?.askForInput();
        else if (m.type === 'done') this.active?.finish(m.summary);
        else if (m.type === 'failed') {
          const error = m.input
            ? new RunInputError(m.message, m.problem)
            : new RunnerError(m.message, m.problem);
          if (this.active && !this.active.ended && this.active.started) this.active.fail(error);
          else reject(error);
        }
      });
      worker.on('error', (e) => {
        if (this.worker !== worker) return;
        reject(new RunnerError(`the Python worker failed: ${e.message}`));
        if (this.active && !this.active.ended && this.active.started)
          this.active.fail(new RunnerError(`the Python worker failed: ${e.message}`));
      });
      worker.on('exit', (code) => {
        if (this.worker !== worker) return;
        reject(new RunnerError(`the Python worker exited (code ${code}) before it was ready`));
        const run = this.active;
        if (run && run.started && !run.ended)
          run.abandon('error', { key: 'workerExited', values: { exitCode: String(code) } });
      });
    });
    this.readyPromise.catch(() => {});
  }

  /**
   * Ends a worker that does not stop (a program that swallows KeyboardInterrupt), then starts a fresh
   * one. The runner is ready again once the old one has exited too: nothing of it arrives after that.
   */
  private kill(run: ActiveRun): void {
    const old = this.worker;
    this.startWorker();
    const exited = old.terminate();
    this.readyPromise = Promise.all([this.readyPromise, exited]).then(() => undefined);
    this.readyPromise.catch(() => {});
    run.abandon('stopped', 'Stopped (the program ignored the stop request, so its Python was ended).');
  }

  run(options: RunOptions, onBatch: BatchListener, onHold?: HoldListener, hooks: RunHooks = {}): RunHandle {
    return this.start(options, onBatch, onHold, hooks);
  }

  /**
   * Runs a program again for an inspector (core/inspect): recorded as any run, and at each event
   * count of the window a snapshot of its heap is taken; it holds at the window's last count until
   * `watch` names the next window, or it is stopped.
   */
  watch(
    options: RunOptions,
    window: WatchWindow,
    onBatch: BatchListener,
    onSnapshot: SnapshotListener,
  ): WatchedRun {
    return this.start(options, onBatch, undefined, {}, { ...window, onSnapshot });
  }

  private start(
    options: RunOptions,
    onBatch: BatchListener,
    onHold: HoldListener | undefined,
    hooks: RunHooks,
    watching?: WatchWindow & { onSnapshot: SnapshotListener },
  ): ActiveRun {
    if (this.closed) throw new RunnerError('this Runner is closed');
    const previous = this.active;
    previous?.stop();
    const run = new ActiveRun(options, onBatch, onHold, this.control, (r) => this.kill(r), hooks, watching);
    const waitFor = previous
      ? previous.done.then(
          () => undefined,
          () => undefined,
        )
      : Promise.resolve();
    void waitFor
      .then(() => this.ready)
      .then(() => {
        this.active = run;
        if (run.stopping) run.abandon('stopped', 'Stopped before it started.');
        else run.begin((m) => this.worker.postMessage(m), this.inputPort!);
      })
      .catch((e: unknown) => run.fail(e instanceof Error ? e : new RunnerError(String(e))));
    this.active = previous && !previous.ended ? previous : run;
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    const active = this.active;
    active?.stop();
    if (active) await active.done.catch(() => undefined);
    await this.worker.terminate();
    this.inputPort?.close();
  }
}
