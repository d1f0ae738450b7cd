import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/trace/schema.ts';
import { traceOf } from '../../core/trace/builder.ts';
import { lengthText } from './deques.ts';
import { TraceIndex } from './index.ts';
import { SNAPSHOT_EVERY } from './snapshots.ts';
import { dequeOp, traceFrom } from './testing.ts';

type Op =
  | { op: 'append' | 'appendleft' | 'remove'; x: number }
  | { op: 'pop' | 'popleft' | 'clear' | 'reverse' }
  | { op: 'extend' | 'extendleft'; xs: number[] }
  | { op: 'rotate'; n: number }
  | { op: 'insert'; i: number; x: number };

/** Python's deque semantics, the model the rebuilt contents must match. */
function pyDequeStep(
  d: number[],
  maxlen: number | null,
  o: Op,
): { arg: string | null; value: string | null; dropped: number[] } | null {
  const dropped: number[] = [];
  const bound = (left: boolean) => {
    while (maxlen !== null && d.length > maxlen) dropped.push(left ? d.shift()! : d.pop()!);
  };
  switch (o.op) {
    case 'append':
      d.push(o.x);
      bound(true);
      return { arg: String(o.x), value: null, dropped };
    case 'appendleft':
      d.unshift(o.x);
      bound(false);
      return { arg: String(o.x), value: null, dropped };
    case 'pop':
      return d.length ? { arg: null, value: String(d.pop()), dropped } : null;
    case 'popleft':
      return d.length ? { arg: null, value: String(d.shift()), dropped } : null;
    case 'extend':
      for (const x of o.xs) {
        d.push(x);
        bound(true);
      }
      return { arg: `[${o.xs.join(', ')}]`, value: null, dropped };
    case 'extendleft':
      for (const x of o.xs) {
        d.unshift(x);
        bound(false);
      }
      return { arg: `[${o.xs.join(', ')}]`, value: null, dropped };
    case 'rotate': {
      const n = d.length;
      if (n) {
        const k = ((o.n % n) + n) % n;
        d.unshift(...d.splice(n - k, k));
      }
      return { arg: String(o.n), value: null, dropped };
    }
    case 'insert': {
      if (maxlen !== null && d.length >= maxlen) return null;
      const j = o.i < 0 ? Math.max(0, o.i + d.length) : Math.min(o.i, d.length);
      d.splice(j, 0, o.x);
      return { arg: `(${o.i}, ${o.x})`, value: null, dropped };
    }
    case 'remove': {
      const j = d.indexOf(o.x);
      if (j < 0) return null;
      d.splice(j, 1);
      return { arg: String(o.x), value: null, dropped };
    }
    case 'clear':
      d.length = 0;
      return { arg: null, value: null, dropped };
    case 'reverse':
      d.reverse();
      return { arg: null, value: null, dropped };
  }
}

/** Runs ops on the model, recording the trace the recorder would and the contents after every event. */
function record(maxlen: number | null, ops: Op[]) {
  const d: number[] = [];
  const events: TraceEvent[] = [
    { seq: 0, t: 0, kind: 'deque.create', obj: 1, maxlen, items: '[]', name: 'd' },
  ];
  const after: string[][] = [[]];
  for (const o of ops) {
    const r = pyDequeStep(d, maxlen, o);
    if (!r) continue;
    const seq = events.length;
    events.push({
      seq,
      t: seq,
      kind: 'deque.op',
      obj: 1,
      op: o.op,
      arg: r.arg,
      value: r.value,
      dropped: r.dropped.length ? `[${r.dropped.join(', ')}]` : null,
      len: d.length,
    });
    after.push(d.map(String));
  }
  return { trace: traceOf(events), after };
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constantFrom('append' as const, 'appendleft' as const, 'remove' as const),
    x: fc.integer({ min: 0, max: 20 }),
  }),
  fc.record({
    op: fc.constantFrom('pop' as const, 'popleft' as const, 'clear' as const, 'reverse' as const),
  }),
  fc.record({
    op: fc.constantFrom('extend' as const, 'extendleft' as const),
    xs: fc.array(fc.integer({ min: -5, max: 99 }), { maxLength: 5 }),
  }),
  fc.record({ op: fc.constant('rotate' as const), n: fc.integer({ min: -7, max: 7 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    i: fc.integer({ min: -4, max: 4 }),
    x: fc.integer({ min: 0, max: 9 }),
  }),
);

describe('deque contents at any instant', () => {
  it('equals the real deque after every operation, bounded or not', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
        fc.array(opArb, { maxLength: 60 }),
        (maxlen, ops) => {
          const { trace, after } = record(maxlen, ops);
          const deques = new TraceIndex(trace).update().deques;
          after.forEach((items, seq) => expect(deques.at(seq)[0].items).toEqual(items));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rebuilds from snapshots far into a long run', () => {
    const ops: Op[] = [];
    for (let i = 0; i < SNAPSHOT_EVERY * 3 + 17; i++)
      ops.push(i % 3 === 2 ? { op: 'popleft' } : { op: 'append', x: i });
    const { trace, after } = record(10, ops);
    const deques = new TraceIndex(trace).update().deques;
    for (const seq of [0, 1, SNAPSHOT_EVERY - 1, SNAPSHOT_EVERY, SNAPSHOT_EVERY + 1, 2500, after.length - 1])
      expect(deques.at(seq)[0].items).toEqual(after[seq]);
  });

  it('reports the op on the cursor with what it dropped, and the length over time', () => {
    const { trace } = record(2, [
      { op: 'append', x: 1 },
      { op: 'append', x: 2 },
      { op: 'append', x: 3 },
    ]);
    const deques = new TraceIndex(trace).update().deques;
    const [s] = deques.at(3);
    expect(s.items).toEqual(['2', '3']);
    expect(s.op).toMatchObject({ op: 'append', arg: '3', dropped: ['1'], len: 2 });
    expect(deques.at(2)[0].op?.dropped).toEqual([]);
    expect([0, 1, 2, 3].map((seq) => deques.lengthAt(s.track, seq))).toEqual([0, 1, 2, 2]);
  });

  it('labels the scheduler ready queue and does not show a deque before it exists', () => {
    const trace = traceOf([
      { seq: 0, t: 0, kind: 'run.start', python: '3.14', program: 'p.py', options: '{}' },
      {
        seq: 1,
        t: 1,
        kind: 'deque.create',
        obj: 7,
        maxlen: null,
        items: "['a', 'b, c']",
        name: 'ready queue',
      },
    ]);
    const deques = new TraceIndex(trace).update().deques;
    expect(deques.at(0)).toEqual([]);
    const [s] = deques.at(1);
    expect(s.track.readyQueue).toBe(true);
    expect(s.items).toEqual(["'a'", "'b, c'"]);
  });

  it('applies each op to the deque it names, also when a new deque takes the id of one gone', () => {
    type Event = Parameters<typeof traceFrom>[0][number];
    const create = (obj: number, name: string): Event => [
      'deque.create',
      { obj, maxlen: null, items: '[]', name },
    ];
    const op = (obj: number, arg: string, len: number): Event => [
      'deque.op',
      { ...dequeOp('append', arg, null, len), obj },
    ];
    const trace = traceFrom([
      create(1, 'a'),
      op(1, "'a1'", 1),
      create(2, 'b'),
      op(2, "'b1'", 1),
      op(1, "'a2'", 2),
      create(1, 'c'),
      op(1, "'c1'", 1),
    ]);
    const states = new TraceIndex(trace).update().deques.at(trace.size - 1);
    expect(states.map((s) => [s.track.name, s.items])).toEqual([
      ['a', ["'a1'", "'a2'"]],
      ['b', ["'b1'"]],
      ['c', ["'c1'"]],
    ]);
  });

  it('does not take a program deque for the ready queue, whatever its name', () => {
    const create = (obj: number, name: string, line: number) =>
      ({ seq: obj, t: obj, kind: 'deque.create', obj, line, maxlen: null, items: '[]', name }) as const;
    const trace = traceOf([
      { seq: 0, t: 0, kind: 'run.start', python: '3.14', program: 'p.py', options: '{}' },
      create(1, 'ready', 14),
      create(2, 'run_queue', 15),
      create(3, 'ready queue', 16),
    ]);
    const tracks = new TraceIndex(trace).update().deques.tracks;
    expect(tracks.map((t) => [t.name, t.readyQueue])).toEqual([
      ['ready', false],
      ['run_queue', false],
      ['ready queue', false],
    ]);
  });

  it('writes the length, or how many are named and that there are more before an op reports it', () => {
    const create = { seq: 1, t: 1, kind: 'deque.create', obj: 7, line: 2, maxlen: null, name: 'd' } as const;
    const start = {
      seq: 0,
      t: 0,
      kind: 'run.start',
      python: '3.14',
      program: 'p.py',
      options: '{}',
    } as const;
    const abbreviated = traceOf([start, { ...create, items: '[0, 1, 2, ...]' }]);
    const [s] = new TraceIndex(abbreviated).update().deques.at(1);
    expect([s.length, lengthText(s)]).toEqual([null, '3+']);
    const whole = traceOf([start, { ...create, items: '[0, 1, 2]' }]);
    const [t] = new TraceIndex(whole).update().deques.at(1);
    expect([t.length, lengthText(t)]).toEqual([3, '3']);
  });
});
