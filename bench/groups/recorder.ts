/**
 * The recorder's figures (issue 2): recording cost against the same program run unrecorded
 * (`record: false`: same worker, same Pyodide, probe off, output discarded) in the same run, events
 * per second, cold start-up, and the native file's size. Times are the runs' own wall time in the
 * worker (RunSummary.wallMs), so start-up counts for neither.
 */
import { readFile } from 'node:fs/promises';
import { loadPyodide } from 'pyodide';
import { Runner } from '../../core/run/runner.ts';
import { encodeNative, decodeNative } from '../../core/trace/native.ts';
import { Trace } from '../../core/trace/trace.ts';
import type { Report } from '../harness.ts';

const SWITCHES = 1_000_000;
const ITEMS = 1_000_000;

/** Two generators resumed alternately, SWITCHES resumes in all. */
const SWITCH_HEAVY = `
def ping():
    while True:
        yield 1

a = ping()
b = ping()
for _ in range(${SWITCHES / 2}):
    next(a)
    next(b)
`;

async function producerConsumer(items: number): Promise<string> {
  const lesson = await readFile(
    new URL('../../assets/lessons/06-producer_consumer/producer_consumer.py', import.meta.url),
    'utf8',
  );
  if (!lesson.includes('range(35)'))
    throw new Error('the producer/consumer lesson no longer makes range(35): update this benchmark');
  return lesson.replace('range(35)', `range(${items})`);
}

interface Measured {
  ms: number;
  trace: Trace;
}

async function measure(runner: Runner, source: string, record: boolean): Promise<Measured> {
  const trace = new Trace();
  const options = { source, fileName: 'bench.py', maxEvents: 50_000_000, timeoutMs: 900_000, record };
  const summary = await runner.run(options, (b) => trace.append(b)).done;
  if (summary.status !== 'ok')
    throw new Error(`benchmark program ended with ${summary.status}: ${summary.message}`);
  return { ms: summary.wallMs, trace };
}

interface Comparison {
  raw: number;
  recorded: Measured;
}

/** Raw, recorded, raw again: the raw figure is the better of two, so warming up never flatters recording. */
async function compare(runner: Runner, program: string): Promise<Comparison> {
  const first = await measure(runner, program, false);
  const recorded = await measure(runner, program, true);
  const second = await measure(runner, program, false);
  return { raw: Math.min(first.ms, second.ms), recorded };
}

function reportComparison(report: Report, name: string, { raw, recorded }: Comparison): void {
  report(`${name}: raw`, raw, 'ms');
  report(`${name}: recorded`, recorded.ms, 'ms');
  report(`${name}: recorded / raw`, recorded.ms / raw, '×');
  report(`${name}: events`, recorded.trace.size, 'events');
  report(`${name}: events per second`, recorded.trace.size / (recorded.ms / 1000), 'events/s');
}

export async function run(report: Report): Promise<void> {
  const started = performance.now();
  const runner = new Runner();
  try {
    await runner.ready;
    // The first Runner of a process: a new worker thread, Python restored from the memory snapshot a
    // previous start left in the temp folder (the very first start on a machine also makes it).
    report('start-up: new Runner to Python ready (fresh process)', performance.now() - started, 'ms');
    report('start-up: worker start to Python ready (fresh process)', runner.startupMs, 'ms');
    const plain = performance.now();
    await loadPyodide({ stdout: () => {}, stderr: () => {} });
    report('start-up: plain loadPyodide() here, for comparison', performance.now() - plain, 'ms');

    reportComparison(report, 'switch-heavy 1M resumes', await compare(runner, SWITCH_HEAVY));
    const pc = await compare(runner, await producerConsumer(ITEMS));
    reportComparison(report, 'producer/consumer 1M items', pc);

    let t = performance.now();
    const file = encodeNative(pc.recorded.trace);
    report('native file of producer/consumer: encode', performance.now() - t, 'ms');
    t = performance.now();
    decodeNative(file);
    report('native file of producer/consumer: decode', performance.now() - t, 'ms');
    report('native file of producer/consumer: size', file.length / 1e6, 'MB');
    report(
      'native file of producer/consumer: bytes per event',
      file.length / pc.recorded.trace.size,
      'B/event',
    );
  } finally {
    await runner.close();
  }
}
