import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate.ts';
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
    expect(
      [0, 1, 2, 3, 4, 5, 6, 7].map((s) => markerLabel(trace, s, (k, v) => translate('en', k, v))),
    ).toEqual([
      "send('hello')",
      "yield 'a very long valu…",
      'throw ValueError()',
      'raise ValueError',
      'return 3 (StopIteration)',
      'yield from',
      'failed: KeyError',
      '',
    ]);
  });

  it("says the scheduler's moves in the interface's language, Python's words as Python has them", () => {
    const trace = traceFrom([
      ['sched.spawn', { obj: 1, name: 'producer', wraps: 'generator', target: 2, priority: 0 }],
      ['sched.pick', { obj: 1, reason: 'fifo: first in line (round robin)', policy: 'fifo', n: null }],
      ['sched.pick', { obj: 1, reason: 'fifo: first in line (round robin)' }],
      ['sched.park', { obj: 1, on: 'queue.put', detail: 'jobs is full (1 items)', what: 'jobs', amount: 1 }],
      ['sched.wake', { obj: 1, reason: 'jobs has room', cause: 'room', what: 'jobs' }],
      ['sched.done', { obj: 1, result: 'None', exc: null }],
      ['sched.deadlock', { obj: 0, message: 'Deadlock: …', waiting: '[]' }],
      ['gen.yield', { obj: 2, value: "'full'" }],
    ]);
    const labels = (lang: 'en' | 'zh-TW') =>
      [0, 1, 2, 3, 4, 5, 6, 7].map((s) => markerLabel(trace, s, (k, v) => translate(lang, k, v)));
    expect(labels('zh-TW')).toEqual([
      '產生',
      '選中(fifo)',
      '選中:fifo: first in li…',
      '等待:queue.put',
      '就緒',
      '完成',
      '死結',
      "yield 'full'",
    ]);
    expect(labels('en')).toEqual([
      'spawned',
      'picked (fifo)',
      'picked: fifo: first in li…',
      'waits: queue.put',
      'ready',
      'done',
      'deadlock',
      "yield 'full'",
    ]);
  });
});
