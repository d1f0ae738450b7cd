/**
 * The core worker: one warm Pyodide, one program per run. Runs on its own thread so a busy program
 * never blocks the host; the host controls it through the shared control block (control.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { loadProbe } from '../probe/load.ts';
import { schedulerHooks } from '../scheduler/hooks.ts';
import { batchTransferables } from '../trace/batch.ts';
import { KIND_CODE, KINDS, NULL_INT, type EventKind } from '../trace/schema.ts';
import type { FieldValue, RunContext } from './context.ts';
import { EndReason, endReason, interruptBuffer, waitForAnswer } from './control.ts';
import { FlushDecoder } from './decode.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './messages.ts';
import { startPython } from './python.ts';
import { mountProgramDir } from './sandbox.ts';
import type { RunOptions, RunSummary } from './types.ts';

export const DEFAULT_MAX_EVENTS = 5_000_000;

const port = parentPort!;
const setup = workerData as WorkerSetup;
const control = setup.control;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

/** Functions handed to Python lose their prototype, so a program that digs one out cannot climb to `Function`. */
function sealed<F extends (...args: never[]) => unknown>(fn: F): F {
  Object.setPrototypeOf(fn, null);
  return fn;
}

function copyOut<T extends Int32Array | Float64Array>(proxy: PyProxy, type: 'i32' | 'f64'): T {
  const buffer = (proxy as unknown as { getBuffer(t: string): { data: T; release(): void } }).getBuffer(type);
  const copy = buffer.data.slice() as T;
  buffer.release();
  return copy;
}

function withDefaults(options: RunOptions): RunContext['options'] {
  return { policy: 'fifo', seed: 1, switchInterval: 5, ...options };
}

class Recorder {
  readonly session: PyProxy;
  private readonly record: PyProxy;

  constructor(readonly py: PyodideAPI) {
    this.session = loadProbe(py, setup.probeDir);
    this.record = py.pyimport('ys_probe.record') as PyProxy;
  }

  /** The RunContext the scheduler plugs into: same event stream, same ids, same pause gate. */
  context(options: RunOptions): RunContext {
    const record = this.record as unknown as {
      s(text: string): number;
      emit(...args: number[]): void;
      new_id(): number;
      oid(o: unknown): number;
    };
    return {
      py: this.py,
      options: withDefaults(options),
      emit(kind: EventKind, obj: number, line: number, fields: readonly FieldValue[] = []) {
        const ints = KINDS[kind].fields.map(([, type], i) => {
          const v = fields[i];
          if (v === null || v === undefined) return NULL_INT;
          if (type === 'str' || type === 'num') return record.s(String(v));
          if (type === 'bool') return v ? 1 : 0;
          return Number(v) | 0;
        });
        record.emit(KIND_CODE[kind], obj, line, ...ints);
      },
      newObjectId: () => record.new_id(),
      objectId: (pyObject: unknown) => record.oid(pyObject),
    };
  }

  run(options: RunOptions): RunSummary {
    const started = performance.now();
    const decoder = new FlushDecoder();
    let events = 0;
    const sendBatch = sealed(
      (
        first: number,
        count: number,
        e: PyProxy,
        t: PyProxy,
        f: PyProxy,
        stringBase: number,
        strings: PyProxy,
      ) => {
        const batch = decoder.decode({
          first,
          count,
          events: copyOut<Int32Array>(e, 'i32'),
          seconds: copyOut<Float64Array>(t, 'f64'),
          fields: copyOut<Int32Array>(f, 'i32'),
          stringBase,
          strings: strings.toJs() as string[],
        });
        events = first + count;
        post({ type: 'batch', batch }, batchTransferables(batch));
      },
    );
    const ctx = this.context(options);
    const workDir = mountProgramDir(this.py, options.programDir);
    const fileName = options.fileName ?? 'main.py';
    const shown = { ...options, source: undefined };
    const result = this.session.run(
      options.source,
      fileName,
      workDir,
      JSON.stringify(shown),
      options.maxEvents ?? DEFAULT_MAX_EVENTS,
      sealed(sendBatch),
      sealed(() => waitForAnswer(control)),
      sealed(() => schedulerHooks.install(ctx)),
      sealed(() => schedulerHooks.drain(ctx)),
      options.startPaused ?? false,
      options.record ?? true,
    ) as PyProxy;
    let [status, message] = result.toJs() as [RunSummary['status'], string | null];
    result.destroy();
    const decided = schedulerHooks.outcome?.(ctx);
    if (decided && status !== 'limit') [status, message] = [decided.status, decided.message];
    const reason = endReason(control);
    if (reason === EndReason.stopped) [status, message] = ['stopped', 'Stopped.'];
    if (reason === EndReason.timeout)
      [status, message] = [
        'timeout',
        `The program ran longer than ${((options.timeoutMs ?? 0) / 1000).toFixed(1)} s (the time limit).`,
      ];
    Atomics.store(control, 0, 0);
    this.session.finish(status, message);
    const summary: RunSummary = { status, events, wallMs: performance.now() - started };
    if (message) summary.message = message;
    return summary;
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  post({ type: 'progress', progress: { phase: 'starting', fraction: 0 } });
  const py = await startPython();
  post({ type: 'progress', progress: { phase: 'loading-python', fraction: 0.8 } });
  const recorder = new Recorder(py);
  py.setInterruptBuffer(interruptBuffer(control));
  post({ type: 'progress', progress: { phase: 'ready', fraction: 1 } });
  post({ type: 'ready', startupMs: performance.now() - t0 });
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'run') return;
    try {
      post({ type: 'done', summary: recorder.run(message.options) });
    } catch (e) {
      post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  });
}

main().catch((e: unknown) =>
  post({ type: 'failed', message: `Python could not start: ${e instanceof Error ? e.message : String(e)}` }),
);
