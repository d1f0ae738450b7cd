import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { recordTrace } from '../run/record.ts';
import { Runner } from '../run/runner.ts';
import { traceOf } from './builder.ts';
import { chromeChunks, encodeChrome } from './chrome.ts';
import { eventsArbitrary } from './event-arbitrary.ts';
import type { TraceEvent } from './schema.ts';
import type { Trace } from './trace.ts';

interface ChromeEvent {
  ph: string;
  name?: string;
  cat?: string;
  id?: number;
  bp?: string;
  s?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: Record<string, unknown>;
}

interface Slice {
  tid: number;
  name: string;
  start: number;
  end: number;
  args: Record<string, unknown>;
}

interface Flow {
  from: Slice;
  to: Slice;
}

/**
 * Reads a Chrome Trace Event document the way the format specifies, and throws naming the first
 * rule it breaks: events in time order (ties in file order), B/E/X well nested on each thread, every
 * flow start (s) bound to the slice enclosing it and matched by a flow end (f) of the same category
 * and id, bound with bp "e" to the slice enclosing it (without bp, to the next slice that begins).
 */
function readChrome(text: string): { slices: Slice[]; flows: Flow[]; events: ChromeEvent[] } {
  const events = (JSON.parse(text) as { traceEvents: ChromeEvent[] }).traceEvents;
  const ordered = events
    .map((event, at) => ({ event, at }))
    .filter(({ event }) => event.ph !== 'M')
    .sort((a, b) => a.event.ts - b.event.ts || a.at - b.at)
    .map(({ event }) => event);
  const slices: Slice[] = [];
  const flows: Flow[] = [];
  const stacks = new Map<number, Slice[]>();
  const started = new Map<string, Slice>();
  const awaitingNext = new Map<number, string[]>();
  const stackOf = (tid: number): Slice[] => stacks.get(tid) ?? stacks.set(tid, []).get(tid)!;
  const fail = (why: string, e: ChromeEvent): never => {
    throw new Error(`${why}: ${JSON.stringify(e)}`);
  };
  /** The slice open on the thread at ts (complete slices that ended before it are closed first). */
  const enclosing = (tid: number, ts: number): Slice | undefined => {
    const stack = stackOf(tid);
    while (stack.length && stack.at(-1)!.end <= ts && stack.at(-1)!.end !== Infinity) stack.pop();
    return stack.at(-1);
  };
  const open = (e: ChromeEvent, end: number): void => {
    const parent = enclosing(e.tid, e.ts);
    if (parent && end > parent.end) fail('a slice ends after the one enclosing it', e);
    const slice = { tid: e.tid, name: e.name ?? '', start: e.ts, end, args: e.args ?? {} };
    slices.push(slice);
    stackOf(e.tid).push(slice);
    for (const key of awaitingNext.get(e.tid) ?? []) flows.push({ from: started.get(key)!, to: slice });
    awaitingNext.delete(e.tid);
  };
  for (const e of ordered) {
    if (typeof e.pid !== 'number' || !Number.isFinite(e.ts) || e.ts < 0) fail('no pid or time', e);
    if (e.ph !== 'C' && typeof e.tid !== 'number') fail('no thread', e);
    const key = `${e.cat}/${e.id}`;
    switch (e.ph) {
      case 'B':
        open(e, Infinity);
        break;
      case 'X':
        if (!(typeof e.dur === 'number' && e.dur >= 0)) fail('a complete slice without a duration', e);
        open(e, e.ts + e.dur!);
        break;
      case 'E': {
        const slice = enclosing(e.tid, e.ts);
        if (!slice || slice.end !== Infinity) fail('an end with no begun slice open', e);
        slice!.end = e.ts;
        Object.assign(slice!.args, e.args);
        stackOf(e.tid).pop();
        break;
      }
      case 's': {
        const from = enclosing(e.tid, e.ts);
        if (!from) fail('a flow starts outside any slice', e);
        if (started.has(key)) fail('a flow starts twice', e);
        started.set(key, from!);
        break;
      }
      case 'f': {
        if (!started.has(key)) fail('a flow ends that never started', e);
        if (e.bp === 'e') {
          const to = enclosing(e.tid, e.ts);
          if (!to) fail('a flow ends outside any slice', e);
          flows.push({ from: started.get(key)!, to: to! });
        } else awaitingNext.set(e.tid, [...(awaitingNext.get(e.tid) ?? []), key]);
        break;
      }
      case 'i':
        if (!['t', 'p', 'g'].includes(e.s ?? 't')) fail('an instant of no scope', e);
        break;
      case 'C':
        if (!Object.values(e.args ?? {}).every((v) => typeof v === 'number'))
          fail('a counter not a number', e);
        break;
      default:
        fail('an unknown phase', e);
    }
  }
  for (const [tid, stack] of stacks)
    if (stack.some((s) => s.end === Infinity)) throw new Error(`a slice on thread ${tid} never ends`);
  if (awaitingNext.size) throw new Error('a flow ends before no slice');
  const ended = new Set(flows.map((f) => f.from));
  if (started.size !== flows.length || [...started.values()].some((s) => !ended.has(s)))
    throw new Error('a flow starts and never ends');
  return { slices, flows, events };
}

type Row = Omit<TraceEvent, 'seq'>;
const rows: Row[] = [
  { t: 0, kind: 'run.start', obj: 0, python: '3.14', program: 'chain.py', options: '{}' },
  { t: 1000, kind: 'gen.create', obj: 1, line: 1, name: 'outer', genkind: 'generator' },
  { t: 2000, kind: 'gen.create', obj: 2, line: 5, name: 'inner', genkind: 'generator' },
  { t: 3000, kind: 'deque.create', obj: 3, line: 9, maxlen: 2, items: '[]', name: 'q' },
  { t: 4000, kind: 'gen.resume', obj: 1, line: 1, by: 0, via: 'next', value: null },
  { t: 5000, kind: 'gen.resume', obj: 2, line: 5, by: 1, via: 'yield from', value: null },
  { t: 6000, kind: 'gen.yield', obj: 2, line: 6, value: '42' },
  { t: 7000, kind: 'gen.yield', obj: 1, line: 2, value: '42' },
  {
    t: 8000,
    kind: 'deque.op',
    obj: 3,
    line: 10,
    op: 'append',
    arg: '42',
    value: null,
    dropped: null,
    len: 1,
  },
  { t: 9000, kind: 'gen.resume', obj: 1, line: 2, by: 0, via: 'next', value: null },
  { t: 10000, kind: 'gen.resume', obj: 2, line: 6, by: 1, via: 'yield from', value: null },
  { t: 11000, kind: 'gen.return', obj: 2, line: 7, value: 'None' },
  { t: 12000, kind: 'iter.stop', obj: 4, line: 3, again: false },
  { t: 13000, kind: 'gen.return', obj: 1, line: 3, value: 'None' },
  { t: 14000, kind: 'run.end', obj: 0, status: 'ok', message: null },
];

const traceOfRows = (given: Row[]) => traceOf(given.map((r, seq) => ({ seq, ...r }) as TraceEvent));
const spans = (slices: Slice[], tid: number) =>
  slices.filter((s) => s.tid === tid).map((s) => [s.start, s.end, s.args.ended ?? s.args.status]);

describe('Chrome trace export', () => {
  const { slices, flows, events } = readChrome(encodeChrome(traceOfRows(rows)));
  const of = (ph: string) => events.filter((e) => e.ph === ph);

  it('names one track per generator and one for the main program', () => {
    const names = events.filter((e) => e.name === 'thread_name').map((e) => [e.tid, e.args!.name]);
    expect(names).toEqual([
      [0, 'main program (chain.py)'],
      [1, 'generator outer #1'],
      [2, 'generator inner #2'],
    ]);
  });

  it('has a slice per running stretch, in microseconds, the delegating one around the inner one', () => {
    expect(spans(slices, 1)).toEqual([
      [4, 7, 'yield'],
      [9, 13, 'return'],
    ]);
    expect(spans(slices, 2)).toEqual([
      [5, 6, 'yield'],
      [10, 11, 'return'],
    ]);
    expect(spans(slices, 0)).toEqual([[0, 14, 'ok']]);
  });

  it('draws each resume as a flow from the resumer’s slice to the slice it starts', () => {
    expect(flows.map((f) => [f.from.tid, f.to.tid, f.to.start])).toEqual([
      [0, 1, 4],
      [1, 2, 5],
      [0, 1, 9],
      [1, 2, 10],
    ]);
  });

  it('marks yields, returns and exhaustion with instants on the right track', () => {
    expect(of('i').map((e) => [e.tid, e.name, e.ts])).toEqual([
      [2, 'yield 42', 6],
      [1, 'yield 42', 7],
      [2, 'return None', 11],
      [1, 'exhausted', 12],
      [1, 'return None', 13],
    ]);
  });

  it('keeps a counter of each deque length', () => {
    expect(of('C').map((e) => [e.name, e.ts, e.args!.len])).toEqual([
      ['deque q #3 len', 3, 0],
      ['deque q #3 len', 8, 1],
    ]);
  });

  it('keeps events stamped at one instant in order, a nanosecond apart', () => {
    const sameTime = rows.map((r) => ({ ...r, t: 5000 }));
    const read = readChrome(encodeChrome(traceOfRows(sameTime)));
    expect(spans(read.slices, 1).map(([start, end]) => [start, end])).toEqual([
      [5.004, 5.007],
      [5.009, 5.013],
    ]);
    expect(read.flows).toHaveLength(4);
  });

  it('is well nested, with every flow matched and bound, whatever the events', () => {
    fc.assert(
      fc.property(eventsArbitrary(80), (generated) => {
        readChrome(encodeChrome(traceOf(generated)));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes a big trace in pieces that join into one valid document', () => {
    const many = Array.from({ length: 25_001 }, (_, seq): TraceEvent =>
      seq % 2 === 0
        ? { seq, t: seq * 10, kind: 'gen.resume', obj: 1, by: 0, via: 'next', value: null }
        : { seq, t: seq * 10, kind: 'gen.yield', obj: 1, value: String(seq) },
    );
    const chunks = [...chromeChunks(traceOf(many))];
    expect(chunks.length).toBeGreaterThan(2);
    expect(readChrome(chunks.join('')).slices).toHaveLength(12_501);
  });

  it('ends the slice of a generator closed while suspended at its gen.close', () => {
    const read = readChrome(
      encodeChrome(
        traceOfRows([
          { t: 0, kind: 'gen.create', obj: 1, line: 1, name: 'g', genkind: 'generator' },
          { t: 1000, kind: 'gen.resume', obj: 1, line: 1, by: 0, via: 'close', value: 'GeneratorExit()' },
          { t: 2000, kind: 'gen.close', obj: 1 },
          { t: 50_000, kind: 'run.end', obj: 0, status: 'ok', message: null },
        ]),
      ),
    );
    expect(spans(read.slices, 1)).toEqual([[1, 2, 'close']]);
  });
});

describe('Chrome trace export of real runs', () => {
  const runner = new Runner();
  afterAll(() => runner.close());
  const exportOf = async (source: string): Promise<{ trace: Trace } & ReturnType<typeof readChrome>> => {
    const { trace, summary } = await recordTrace({ source }, runner);
    expect(summary.status).toBe('ok');
    return { trace, ...readChrome(encodeChrome(trace)) };
  };
  const resumes = (trace: Trace) => [...trace.events()].filter((e) => e.kind === 'gen.resume');

  it('links every resume of generators handing values to each other', async () => {
    const { trace, slices, flows } = await exportOf(`
def inner():
    got = yield 'ready'
    while got is not None:
        got = yield got * 2

def outer():
    result = yield from inner()
    return result

pipe = outer()
print(next(pipe))
for n in (1, 2, 3):
    print(pipe.send(n))
pipe.close()
`);
    expect(flows).toHaveLength(resumes(trace).length);
    const named = (tid: number) => slices.find((s) => s.tid === tid)!.name;
    const pairs = new Set(
      flows.map((f) => `${f.from.tid === 0 ? 'main' : named(f.from.tid)} → ${named(f.to.tid)}`),
    );
    // closing the pipe closes the inner generator first, from the main program, as the trace records
    expect([...pairs].sort()).toEqual([
      'generator outer #1 → generator inner #2',
      'main → generator inner #2',
      'main → generator outer #1',
    ]);
  });

  it('puts scheduler tasks on the virtual clock: a sleep is as long as it says', async () => {
    const { slices, flows } = await exportOf(`
from yieldscope import spawn, sleep

def napper():
    yield sleep(2)
    print('awake')

def busy():
    for _ in range(3):
        yield

spawn(napper)
spawn(busy)
`);
    const tasks = slices.filter((s) => s.tid >= 1_000_000 && s.name.startsWith('task napper'));
    expect(tasks).toHaveLength(2);
    // parked at virtual time 0 (the code before it took a few of the nanoseconds that keep events
    // in order), woken at 2 virtual seconds
    expect(tasks[0].end).toBeLessThan(1);
    expect(tasks[1].start).toBeGreaterThanOrEqual(2e6);
    expect(tasks[1].start).toBeLessThan(2e6 + 1);
    expect(flows.length).toBeGreaterThan(0);
  });

  it('puts asyncio on the virtual clock too, with its hand-offs', async () => {
    const { trace, slices, flows } = await exportOf(`
import asyncio

async def tick(name, pause):
    for _ in range(2):
        await asyncio.sleep(pause)

async def main():
    await asyncio.gather(tick('a', 60), tick('b', 90))

asyncio.run(main())
`);
    const end = Math.max(...slices.map((s) => s.end));
    expect(end).toBeGreaterThanOrEqual(180e6);
    expect(end).toBeLessThan(181e6);
    expect(flows).toHaveLength(resumes(trace).length);
  });
});
