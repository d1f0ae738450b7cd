/**
 * The recorder's figures (issue 9), for the compiled recorder and the Python one side by side in the
 * same run: recording cost against the same program run unrecorded (`record: false`: same worker,
 * same Pyodide, probe off, output discarded), events per second, what recording does to a timing
 * lesson (list against deque), the clock against the program's own, start-up, and the native
 * file's size. Times are the runs' own wall time in the worker (RunSummary.wallMs), so start-up
 * counts for neither. The worker is the one both editions of the app run (bundled, built first when
 * stale); the TypeScript worker the tests run starts slower, through tsx's loader hooks.
 */
import { readFile } from 'node:fs/promises';
import { loadPyodide } from 'pyodide';
import type { ProbeKind } from '../../core/probe/load.ts';
import { Runner } from '../../core/run/runner.ts';
import { LIST_VS_DEQUE } from '../../core/run/timing-lesson.ts';
import { appIsStale, buildApp } from '../../main/server/app-build.ts';
import { ROOT, WORKER_FILE } from '../../main/server/places.ts';
import { encodeNative, decodeNative } from '../../core/trace/native.ts';
import { Trace } from '../../core/trace/trace.ts';
import type { Report } from '../harness.ts';

const SWITCHES = 1_000_000;
const ITEMS = 1_000_000;
const PROBES: ProbeKind[] = ['compiled', 'python'];

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

/**
 * SWITCH_HEAVY unrecorded, but with sys.monitoring calling a C function that does nothing (a builtin)
 * at each of the events the recorder asks for: what CPython's own dispatch of those events costs in
 * Pyodide, a floor under any recorder built on sys.monitoring, however little its callbacks do.
 */
const SWITCH_HEAVY_DISPATCH_ONLY = `
import operator
import sys

M = sys.monitoring
E = M.events
code = compile(${JSON.stringify(SWITCH_HEAVY)}, 'switch_heavy.py', 'exec')
codes = [code] + [c for c in code.co_consts if hasattr(c, 'co_code')]
M.use_tool_id(5, 'dispatch only')
for event in (E.LINE, E.PY_START, E.PY_RESUME):
    M.register_callback(5, event, operator.is_)  # (code, offset or line): two arguments
for event in (E.PY_YIELD, E.PY_RETURN):
    M.register_callback(5, event, slice)  # (code, offset, value): three
for c in codes:
    M.set_local_events(5, c, E.LINE | E.PY_START | E.PY_RESUME | E.PY_YIELD | E.PY_RETURN)
exec(code, {'__name__': '__main__'})
`;

/** A busy wait of 100 ms between two readings of the program's own clock, each printed. */
const BUSY_WAIT = `
import time

print('warm')
print(time.perf_counter())
end = time.perf_counter() + 0.1
while time.perf_counter() < end:
    pass
print(time.perf_counter())
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

/** What the program printed to stdout, line by line. */
function printed(trace: Trace): string[] {
  return [...trace.events()].filter((e) => e.kind === 'stdout').map((e) => String(e.text).trim());
}

/** The list's slowness against the deque's, as the timing lesson printed it. */
function listSlowerBy(output: string): number {
  const match = /^list slower by factor (\S+)$/.exec(output);
  if (!match) throw new Error(`the timing lesson printed ${JSON.stringify(output)}`);
  return Number(match[1]);
}

/** The timing lesson's factor in a run unrecorded, as it printed it. */
async function unrecordedFactor(runner: Runner): Promise<number> {
  const summary = await runner.run({ source: LIST_VS_DEQUE, record: false }, () => {}).done;
  if (summary.status !== 'ok' || !summary.captured)
    throw new Error(`the unrecorded timing lesson ended with ${summary.status}: ${summary.message}`);
  return listSlowerBy(summary.captured.stdout.trim());
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const TIMING_RUNS = 3;

/**
 * The timing lesson's list/deque factor recorded, against the same factor unrecorded (1 is no
 * distortion), as the median of TIMING_RUNS runs of each, alternated: the lesson times its deque for
 * about 5 ms, and a single run whose deque timing another process interrupted says nothing of
 * recording. An unrecorded run comes first and one last, so that warming Python up never flatters
 * recording. Also the lowest recorded factor against the same median, to show the spread.
 */
async function timingLesson(runner: Runner): Promise<{ median: number; lowest: number }> {
  const unrecorded = [await unrecordedFactor(runner)];
  const recorded: number[] = [];
  for (let i = 0; i < TIMING_RUNS; i++) {
    recorded.push(listSlowerBy(printed((await measure(runner, LIST_VS_DEQUE, true)).trace)[0]));
    unrecorded.push(await unrecordedFactor(runner));
  }
  const base = median(unrecorded);
  return { median: median(recorded) / base, lowest: Math.min(...recorded) / base };
}

/** How far the recorded interval around a busy wait is from the program's own measure of it, in %. */
async function clockError(runner: Runner): Promise<number> {
  const { trace } = await measure(runner, BUSY_WAIT, true);
  const prints = [...trace.events()].filter((e) => e.kind === 'stdout');
  const own = (Number(prints[2].text) - Number(prints[1].text)) * 1e9;
  return ((prints[2].t - prints[1].t - own) / own) * 100;
}

/** The start of a worker as the tests run it: TypeScript, through tsx's loader hooks. */
async function typeScriptWorkerStart(report: Report): Promise<void> {
  const started = performance.now();
  const runner = new Runner({ probe: 'compiled' });
  try {
    await runner.ready;
    report(
      "compiled, TypeScript worker (the tests' own): start-up: new Runner to Python ready",
      performance.now() - started,
      'ms',
    );
    report(
      "compiled, TypeScript worker (the tests' own): start-up: worker start to Python ready",
      runner.startupMs,
      'ms',
    );
  } finally {
    await runner.close();
  }
}

async function recorderFigures(report: Report, probe: ProbeKind): Promise<Comparison> {
  const started = performance.now();
  const runner = new Runner({ probe, workerFile: WORKER_FILE });
  try {
    await runner.ready;
    if (runner.probe !== probe) throw new Error(`the ${probe} recorder did not load: ${runner.probeNotice}`);
    // A new worker thread, Python restored from the memory snapshot a previous start left in the
    // temp folder (the very first start on a machine also makes it).
    report(`${probe}: start-up: new Runner to Python ready`, performance.now() - started, 'ms');
    report(`${probe}: start-up: worker start to Python ready`, runner.startupMs, 'ms');
    const switchHeavy = await compare(runner, SWITCH_HEAVY);
    reportComparison(report, `${probe}: switch-heavy 1M resumes`, switchHeavy);
    if (probe === 'compiled') {
      const dispatch = await measure(runner, SWITCH_HEAVY_DISPATCH_ONLY, false);
      report(
        'switch-heavy 1M resumes: sys.monitoring dispatch alone (no-op C callbacks) / raw',
        dispatch.ms / switchHeavy.raw,
        '×',
      );
    }
    const pc = await compare(runner, await producerConsumer(ITEMS));
    reportComparison(report, `${probe}: producer/consumer 1M items`, pc);
    const timing = await timingLesson(runner);
    report(`${probe}: list vs deque (N = 20,000): ratio recorded / ratio unrecorded`, timing.median, '×');
    report(
      `${probe}: list vs deque (N = 20,000): lowest recorded ratio / ratio unrecorded`,
      timing.lowest,
      '×',
    );
    report(
      `${probe}: 100 ms busy wait: recorded interval vs the program's own`,
      await clockError(runner),
      '%',
    );
    return pc;
  } finally {
    await runner.close();
  }
}

export async function run(report: Report): Promise<void> {
  const plain = performance.now();
  await loadPyodide({ stdout: () => {}, stderr: () => {} });
  report('start-up: plain loadPyodide() here, for comparison', performance.now() - plain, 'ms');

  // Both editions run the bundled worker (out/main/worker.js), as the figures below do.
  if (appIsStale(ROOT)) buildApp(ROOT);
  await typeScriptWorkerStart(report);
  let pc: Comparison | undefined;
  for (const probe of PROBES) {
    const figures = await recorderFigures(report, probe);
    pc ??= figures;
  }
  const trace = pc!.recorded.trace;
  let t = performance.now();
  const file = encodeNative(trace);
  report('native file of producer/consumer: encode', performance.now() - t, 'ms');
  t = performance.now();
  decodeNative(file);
  report('native file of producer/consumer: decode', performance.now() - t, 'ms');
  report('native file of producer/consumer: size', file.length / 1e6, 'MB');
  report('native file of producer/consumer: bytes per event', file.length / trace.size, 'B/event');
}
