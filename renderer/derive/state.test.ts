import { describe, expect, it } from 'vitest';
import { TraceIndex } from './index.ts';
import { stateAt } from './state.ts';
import { traceFrom } from './testing.ts';

describe('state at an instant', () => {
  const trace = traceFrom([
    ['deque.create', { obj: 1, maxlen: 2, items: '[]', name: 'buf', line: 1 }],
    ['gen.create', { obj: 2, name: 'producer', genkind: 'generator', line: 2 }],
    ['gen.resume', { obj: 2, by: 0, via: 'next', value: null, line: 5 }],
    ['deque.op', { obj: 1, op: 'append', arg: "'x'", value: null, dropped: null, len: 1, line: 3 }],
    ['gen.yield', { obj: 2, value: 'None', line: 4 }],
    ['stdout', { text: "['x']\n", line: 6 }],
  ]);
  const index = new TraceIndex(trace).update();

  it('gathers every view at that event', () => {
    const s = stateAt(index, 3);
    expect(s).toMatchObject({
      seq: 3,
      line: 3,
      holder: 'producer',
      generators: [{ name: 'producer', state: 'GEN_RUNNING' }],
      console: [],
    });
    expect(s.deques[0].items).toEqual(["'x'"]);
    expect(stateAt(index, 5)).toMatchObject({
      holder: 'main',
      generators: [{ state: 'GEN_SUSPENDED' }],
      console: [{ text: "['x']" }],
    });
  });

  it('is main at the very start', () => {
    expect(stateAt(index, 0)).toMatchObject({ holder: 'main', deques: [{ items: [] }], generators: [] });
  });
});
