import { describe, expect, it } from 'vitest';
import { TraceIndex } from './index.ts';
import { questionBetween, questionsBetween } from './predict.ts';
import { dequeOp as op, traceFrom } from './testing.ts';

/** Two generators taking turns, one filling a deque; the second ends (StopIteration) on its second resume. */
const index = new TraceIndex(
  traceFrom([
    ['run.start', { obj: 0, python: '3.14', program: 'main.py', options: '{}' }],
    ['deque.create', { obj: 1, line: 1, maxlen: null, items: "['a']", name: 'buf' }],
    ['gen.create', { obj: 2, line: 3, name: 'prod', genkind: 'generator' }],
    ['gen.create', { obj: 3, line: 9, name: 'cons', genkind: 'generator' }], // 3
    ['gen.resume', { obj: 2, line: 3, by: 0, via: 'next', value: null }],
    ['deque.op', op('append', "'b'", null, 2)],
    ['gen.yield', { obj: 2, line: 6, value: "'full'" }], // 6
    ['gen.resume', { obj: 3, line: 9, by: 0, via: 'next', value: null }],
    ['gen.yield', { obj: 3, line: 10, value: "'drained'" }], // 8
    ['gen.resume', { obj: 2, line: 6, by: 0, via: 'next', value: null }],
    ['gen.yield', { obj: 2, line: 6, value: "'more'" }], // 10
    ['gen.resume', { obj: 3, line: 10, by: 0, via: 'next', value: null }],
    ['gen.return', { obj: 3, line: 11, value: 'None' }], // 12
    ['run.end', { obj: 0, status: 'ok', message: null }],
  ]),
).update();

describe('questions made from the run', () => {
  it('asks who runs next, which value is yielded and what the deque will hold, answered by the run', () => {
    const qs = questionsBetween(index, 3, 6);
    expect(qs).toEqual([
      { kind: 'runs-next', choices: ['cons', 'prod'], answer: 'prod' },
      { kind: 'yields', lane: 'prod', choices: ["'full'", "'more'"], answer: "'full'" },
      { kind: 'stops', lane: 'prod', choices: ['yes', 'no'], answer: 'no' },
      { kind: 'deque', deque: 'buf', choices: ["['a', 'b']", "['a']", "['b', 'a']"], answer: "['a', 'b']" },
    ]);
  });

  it('asks whether a resume ends in StopIteration, and the run says yes when the generator returns', () => {
    const qs = questionsBetween(index, 10, 12);
    expect(qs).toContainEqual({ kind: 'stops', lane: 'cons', choices: ['yes', 'no'], answer: 'yes' });
    expect(qs).toContainEqual({ kind: 'runs-next', choices: ['cons', 'prod'], answer: 'cons' });
  });

  it('asks nothing of a deque whose items do not read at a glance', () => {
    const long = `'${'x'.repeat(70)}'`;
    const generators = new TraceIndex(
      traceFrom([
        ['run.start', { obj: 0, python: '3.14', program: 'main.py', options: '{}' }],
        ['deque.create', { obj: 1, line: 1, maxlen: null, items: '[]', name: 'buf' }],
        ['deque.op', op('append', long, null, 1)],
      ]),
    ).update();
    expect(questionsBetween(generators, 1, 2)).toEqual([]);
  });

  it('takes turns among the questions, and has none when nothing happens in between', () => {
    expect(questionBetween(index, 3, 6, 0)?.kind).toBe('runs-next');
    expect(questionBetween(index, 3, 6, 1)?.kind).toBe('yields');
    expect(questionBetween(index, 3, 6, 4)?.kind).toBe('runs-next');
    expect(questionBetween(index, 12, 13, 0)).toBeNull();
  });

  it('asks which line any program prints next, among the lines printed around it', () => {
    const printing = new TraceIndex(
      traceFrom([
        ['run.start', { obj: 0, python: '3.14', program: 'main.py', options: '{}' }],
        ['stdout', { obj: 0, line: 2, text: 'A 3\n' }],
        ['stdout', { obj: 0, line: 2, text: 'B 2\n' }], // 2
        ['stdout', { obj: 0, line: 2, text: 'C 4\n' }],
        ['stdout', { obj: 0, line: 2, text: 'A 2\n' }], // 4
        ['run.end', { obj: 0, status: 'ok', message: null }],
      ]),
    ).update();
    expect(questionsBetween(printing, 1, 3)).toEqual([
      { kind: 'prints', choices: ['A 2', 'A 3', 'B 2', 'C 4'], answer: 'B 2' },
    ]);
    // Nothing printed after the last line: nothing to ask.
    expect(questionsBetween(printing, 4, 5)).toEqual([]);
  });

  it('asks what next() on an iterator gives, StopIteration included', () => {
    const iterating = new TraceIndex(
      traceFrom([
        ['run.start', { obj: 0, python: '3.14', program: 'main.py', options: '{}' }],
        ['iter.create', { obj: 4, line: 1, of: '[1, 2]', how: '__iter__', name: 'list_iterator' }],
        ['iter.next', { obj: 4, line: 2, value: '1' }], // 2
        ['iter.next', { obj: 4, line: 2, value: '2' }],
        ['iter.stop', { obj: 4, line: 2, again: false }], // 4
        ['run.end', { obj: 0, status: 'ok', message: null }],
      ]),
    ).update();
    expect(questionsBetween(iterating, 2, 3)).toEqual([
      { kind: 'produces', iterator: 'list_iterator', choices: ['1', '2', 'StopIteration'], answer: '2' },
    ]);
    expect(questionsBetween(iterating, 3, 4)).toEqual([
      {
        kind: 'produces',
        iterator: 'list_iterator',
        choices: ['1', '2', 'StopIteration'],
        answer: 'StopIteration',
      },
    ]);
  });
});
