import { describe, expect, it } from 'vitest';
import { markerLabel } from './markers.ts';
import { traceFrom } from './testing.ts';

describe('marker labels', () => {
  it('says what happened, with the value sent, yielded or returned', () => {
    const trace = traceFrom([
      ['gen.resume', { obj: 1, by: 0, via: 'send', value: "'hello'" }],
      ['gen.yield', { obj: 1, value: "'a very long value indeed, cut'" }],
      ['gen.resume', { obj: 1, by: 0, via: 'throw', value: 'ValueError()' }],
      ['gen.raise', { obj: 1, exc: 'ValueError', message: '' }],
      ['gen.return', { obj: 2, value: '3' }],
      ['gen.resume', { obj: 2, by: 1, via: 'yield from', value: null }],
      ['sched.done', { obj: 5, result: null, exc: 'KeyError' }],
      ['line', { obj: 0, line: 1 }],
    ]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((s) => markerLabel(trace, s))).toEqual([
      "send('hello')",
      "yield 'a very long valu…",
      'throw ValueError()',
      'raise ValueError',
      'return 3 (StopIteration)',
      'yield from',
      'failed KeyError',
      '',
    ]);
  });
});
