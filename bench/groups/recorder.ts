/**
 * The recorder's figures (issue 2): recording cost against the same program run unrecorded in the
 * same Pyodide in the same run, events per second, cold start-up, and native file size.
 *
 * Both variants time themselves inside Python (perf_counter around the program), so start-up and
 * run set-up count for neither. The unrecorded variant goes through the same Runner: the program is
 * compiled at run time with compile() and exec()'d, so its code objects are not the program's own
 * and the probe never instruments them; for the length of that exec the real collections.deque and
 * a plain in-memory stdout are put back in place of the recording ones.
 */
import { readFile } from 'node:fs/promises';
import { Runner } from '../../core/run/runner.ts';
import { encodeNative, decodeNative } from '../../core/trace/native.ts';
import { Trace } from '../../core/trace/trace.ts';
import type { Report } from '../harness.ts';

const SWITCHES = 1_000_000;
const ITEMS = 1_000_000;
const MARK = 'bench-seconds ';

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
    new URL('../../assets/lessons/producer_consumer.py', import.meta.url),
    'utf8',
  );
  if (!lesson.includes('range(35)'))
    throw new Error('the producer/consumer lesson no longer makes range(35): update this benchmark');
  return lesson.replace('range(35)', `range(${items})`);
}

function recordedVariant(program: string): string {
  return `import time as _bench\n_bench_t0 = _bench.perf_counter()\n${program}\nprint(${JSON.stringify(MARK)} + str(_bench.perf_counter() - _bench_t0))\n`;
}

function rawVariant(program: string): string {
  return `import collections, io, sys, time
_patched = collections.deque
collections.deque = next(k for k in _patched.__mro__ if k.__module__ == 'collections')
_out = sys.stdout
sys.stdout = io.StringIO()
_code = compile(${JSON.stringify(program)}, 'raw.py', 'exec')
_t0 = time.perf_counter()
try:
    exec(_code, {'__name__': '__main__'})
finally:
    _elapsed = time.perf_counter() - _t0
    sys.stdout = _out
    collections.deque = _patched
print(${JSON.stringify(MARK)} + str(_elapsed))
`;
}

interface Measured {
  ms: number;
  trace: Trace;
}

async function measure(runner: Runner, source: string): Promise<Measured> {
  const trace = new Trace();
  const summary = await runner.run(
    { source, fileName: 'bench.py', maxEvents: 50_000_000, timeoutMs: 900_000 },
    (b) => trace.append(b),
  ).done;
  if (summary.status !== 'ok')
    throw new Error(`benchmark program ended with ${summary.status}: ${summary.message}`);
  for (let i = trace.size - 1; i >= 0; i--) {
    const text = trace.kindName(i) === 'stdout' ? trace.str(i, 0) : null;
    if (text?.startsWith(MARK)) return { ms: Number(text.slice(MARK.length)) * 1000, trace };
  }
  throw new Error('the benchmark program did not print its time');
}

async function compare(runner: Runner, program: string): Promise<{ raw: number; recorded: Measured }> {
  const raw = (await measure(runner, rawVariant(program))).ms;
  return { raw, recorded: await measure(runner, recordedVariant(program)) };
}

export async function run(report: Report): Promise<void> {
  const started = performance.now();
  const runner = new Runner();
  try {
    await runner.ready;
    report('start-up: new Runner to Python ready (cold)', performance.now() - started, 'ms');
    report('start-up: worker start to Python ready (cold)', runner.startupMs, 'ms');

    const switches = await compare(runner, SWITCH_HEAVY);
    report('switch-heavy 1M resumes: raw', switches.raw, 'ms');
    report('switch-heavy 1M resumes: recorded', switches.recorded.ms, 'ms');
    report('switch-heavy 1M resumes: recorded / raw', switches.recorded.ms / switches.raw, '×');
    report('switch-heavy 1M resumes: events', switches.recorded.trace.size, 'events');
    report(
      'switch-heavy 1M resumes: events per second',
      switches.recorded.trace.size / (switches.recorded.ms / 1000),
      'events/s',
    );

    const pc = await compare(runner, await producerConsumer(ITEMS));
    report('producer/consumer 1M items: raw', pc.raw, 'ms');
    report('producer/consumer 1M items: recorded', pc.recorded.ms, 'ms');
    report('producer/consumer 1M items: recorded / raw', pc.recorded.ms / pc.raw, '×');
    report('producer/consumer 1M items: events', pc.recorded.trace.size, 'events');

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
