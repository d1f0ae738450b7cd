import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceOf } from './builder.ts';
import { chromeChunks, encodeChrome } from './chrome.ts';
import { eventsArbitrary } from './event-arbitrary.ts';
import type { TraceEvent } from './schema.ts';

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

interface ChromeEvent {
  ph: string;
  name: string;
  tid: number;
  ts: number;
  dur: number;
  args: Record<string, unknown>;
}

function exported(): ChromeEvent[] {
  const doc = JSON.parse(encodeChrome(traceOf(rows.map((r, seq) => ({ seq, ...r }) as TraceEvent))));
  return doc.traceEvents;
}

describe('Chrome trace export', () => {
  const out = exported();
  const of = (ph: string, tid?: number) =>
    out.filter((e) => e.ph === ph && (tid === undefined || e.tid === tid));

  it('names one track per generator and one for the main program', () => {
    const names = of('M')
      .filter((e) => e.name === 'thread_name')
      .map((e) => [e.tid, e.args.name]);
    expect(names).toEqual([
      [0, 'main program (chain.py)'],
      [1, 'generator outer #1'],
      [2, 'generator inner #2'],
    ]);
  });

  it('has a slice per running span, in microseconds, the delegating one around the inner one', () => {
    expect(of('X', 1).map((e) => [e.ts, e.dur, e.args.ended])).toEqual([
      [4, 3, 'yield'],
      [9, 4, 'return'],
    ]);
    expect(of('X', 2).map((e) => [e.ts, e.dur, e.args.via])).toEqual([
      [5, 1, 'yield from'],
      [10, 1, 'yield from'],
    ]);
    expect(of('X', 0).map((e) => [e.ts, e.dur])).toEqual([[0, 14]]);
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
    expect(of('C').map((e) => [e.name, e.ts, e.args.len])).toEqual([
      ['deque q #3 len', 3, 0],
      ['deque q #3 len', 8, 1],
    ]);
  });

  it('never lets two slices of one track partly overlap, whatever the events', () => {
    fc.assert(
      fc.property(eventsArbitrary(80), (events) => {
        const doc = JSON.parse(encodeChrome(traceOf(events))) as { traceEvents: ChromeEvent[] };
        const byTrack = new Map<number, ChromeEvent[]>();
        for (const e of doc.traceEvents.filter((e) => e.ph === 'X')) {
          expect(Number.isFinite(e.ts) && e.dur >= 0).toBe(true);
          byTrack.set(e.tid, [...(byTrack.get(e.tid) ?? []), e]);
        }
        for (const slices of byTrack.values())
          for (const a of slices)
            for (const b of slices) {
              // ts + dur is float arithmetic on microseconds: allow a rounding error
              const end = (e: ChromeEvent) => e.ts + e.dur - 1e-6;
              const disjoint = end(a) <= b.ts || end(b) <= a.ts;
              const nested =
                (a.ts <= b.ts && b.ts + b.dur <= a.ts + a.dur) ||
                (b.ts <= a.ts && a.ts + a.dur <= b.ts + b.dur);
              expect(disjoint || nested).toBe(true);
            }
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
    const doc = JSON.parse(chunks.join('')) as { traceEvents: ChromeEvent[] };
    expect(doc.traceEvents.filter((e) => e.ph === 'X')).toHaveLength(12_501);
  });

  it('ends the span of a generator closed while suspended at its gen.close', () => {
    const closing: Row[] = [
      { t: 0, kind: 'gen.create', obj: 1, line: 1, name: 'g', genkind: 'generator' },
      { t: 1000, kind: 'gen.resume', obj: 1, line: 1, by: 0, via: 'close', value: 'GeneratorExit()' },
      { t: 2000, kind: 'gen.close', obj: 1 },
      { t: 50_000, kind: 'run.end', obj: 0, status: 'ok', message: null },
    ];
    const doc = JSON.parse(encodeChrome(traceOf(closing.map((r, seq) => ({ seq, ...r }) as TraceEvent))));
    const slices = (doc.traceEvents as ChromeEvent[]).filter((e) => e.ph === 'X' && e.tid === 1);
    expect(slices.map((e) => [e.ts, e.dur, e.args.ended])).toEqual([[1, 1, 'close']]);
  });
});
