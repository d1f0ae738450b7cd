import { describe, expect, it } from 'vitest';
import { TraceIndex } from './index.ts';
import { traceFrom } from './testing.ts';

describe('iterator lifecycle', () => {
  const trace = traceFrom([
    ['iter.create', { obj: 4, of: "['a', 'b']", how: '__iter__', name: 'list_iterator', line: 2 }],
    ['iter.next', { obj: 4, value: "'a'" }],
    ['iter.next', { obj: 4, value: "'b'" }],
    ['iter.stop', { obj: 4, again: false, line: 3 }],
    ['line', { obj: 0, line: 5 }],
    ['iter.stop', { obj: 4, again: true, line: 5 }],
  ]);
  const iterators = new TraceIndex(trace).update().iterators;

  it('is fresh before its first value, active while producing, exhausted after StopIteration', () => {
    expect(iterators.at(0)[0]).toMatchObject({
      state: 'fresh',
      count: 0,
      values: [],
      stoppedAt: null,
      again: false,
    });
    expect(iterators.at(2)[0]).toMatchObject({ state: 'active', count: 2, values: ["'a'", "'b'"] });
    expect(iterators.at(3)[0]).toMatchObject({
      state: 'exhausted',
      stoppedAt: { seq: 3, line: 3 },
      again: false,
    });
  });

  it('flags iterating again after exhaustion from that moment on', () => {
    expect(iterators.at(4)[0].again).toBe(false);
    expect(iterators.at(5)[0].again).toBe(true);
  });

  it('keeps only the latest values when asked for a few', () => {
    expect(iterators.at(2, 1)[0].values).toEqual(["'b'"]);
  });
});

describe('generator states', () => {
  it('names states as inspect.getgeneratorstate does', () => {
    const trace = traceFrom([
      ['gen.create', { obj: 1, name: 'g', genkind: 'generator' }],
      ['gen.resume', { obj: 1, by: 0, via: 'next', value: null }],
      ['gen.yield', { obj: 1, value: '1' }],
      ['gen.resume', { obj: 1, by: 0, via: 'close', value: null }],
      ['gen.close', { obj: 1 }],
    ]);
    const gens = new TraceIndex(trace).update().generators;
    const g = gens.get(1)!;
    expect([0, 1, 2, 3, 4].map((seq) => gens.stateAt(g, seq))).toEqual([
      'GEN_CREATED',
      'GEN_RUNNING',
      'GEN_SUSPENDED',
      'GEN_RUNNING',
      'GEN_CLOSED',
    ]);
  });
});

describe('iter() of an iterator', () => {
  it('keeps the one iterator with its origin and history', () => {
    const trace = traceFrom([
      ['iter.create', { obj: 1, of: '[1]', how: '__iter__', name: 'list_iterator' }],
      ['iter.create', { obj: 1, of: '<list_iterator object>', how: 'self', name: 'list_iterator' }],
      ['iter.next', { obj: 1, value: '1' }],
    ]);
    const [only, ...rest] = new TraceIndex(trace).update().iterators.at(2);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ count: 1, track: { of: '[1]', how: '__iter__' } });
  });
});

describe('many iterators', () => {
  it('shows the most recent ones and every one iterated again, however old', () => {
    const events: Parameters<typeof traceFrom>[0] = [];
    for (let k = 0; k < 100; k++)
      events.push(['iter.create', { obj: k + 1, of: `[${k}]`, how: '__iter__', name: 'list_iterator' }]);
    events.push(['iter.stop', { obj: 3, again: false }], ['iter.stop', { obj: 3, again: true }]);
    const iterators = new TraceIndex(traceFrom(events)).update().iterators;
    const shown = iterators.at(events.length - 1, 20, 5);
    expect(shown.map((v) => v.track.obj)).toEqual([3, 96, 97, 98, 99, 100]);
    expect(shown[0].again).toBe(true);
    expect(iterators.countAt(49)).toBe(50);
  });
});

describe('a generator looped over', () => {
  it('counts what it yields as the values the loop received', () => {
    const trace = traceFrom([
      ['gen.create', { obj: 3, name: '<genexpr>', genkind: 'generator' }],
      ['iter.create', { obj: 3, of: '<generator object>', how: 'self', name: 'generator' }],
      ['gen.resume', { obj: 3, by: 0, via: 'next', value: null }],
      ['gen.yield', { obj: 3, value: '7' }],
      ['gen.resume', { obj: 3, by: 0, via: 'next', value: null }],
      ['gen.return', { obj: 3, value: 'None' }],
      ['iter.stop', { obj: 3, again: false }],
    ]);
    const [it] = new TraceIndex(trace).update().iterators.at(6);
    expect(it).toMatchObject({ state: 'exhausted', count: 1, values: ['7'] });
  });
});
