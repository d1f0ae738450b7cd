import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate.ts';
import { TraceIndex } from './index.ts';
import { traceFrom } from './testing.ts';
import { eventInWords } from './words.ts';

const trace = traceFrom([
  ['run.start', { obj: 0, python: '3.14', program: 'p.py', options: '{}' }],
  ['gen.create', { obj: 1, line: 9, name: 'consumer', genkind: 'generator' }],
  ['gen.resume', { obj: 1, line: 10, by: 0, via: 'next', value: null }],
  ['gen.yield', { obj: 1, line: 13, value: 'None' }],
  ['gen.resume', { obj: 1, line: 13, by: 0, via: 'send', value: "'go'" }],
  ['gen.create', { obj: 2, line: 3, name: 'producer', genkind: 'generator' }],
  ['gen.resume', { obj: 2, line: 3, by: 1, via: 'yield from', value: null }],
  ['gen.yield', { obj: 2, line: 12, value: "'full'" }],
  ['deque.create', { obj: 3, line: 1, maxlen: 3, items: '[]', name: 'buffer' }],
  ['deque.op', { obj: 3, line: 5, op: 'append', arg: '5', value: null, dropped: '[1]', len: 3 }],
  ['deque.op', { obj: 3, line: 6, op: 'popleft', arg: null, value: '2', dropped: null, len: 2 }],
  ['iter.create', { obj: 4, line: 7, of: '<Seq object>', how: '__getitem__', name: 'iterator' }],
  ['iter.stop', { obj: 4, line: 8, again: true }],
  ['stdout', { obj: 0, line: 8, text: 'got 5\n' }],
  ['gen.return', { obj: 1, line: 20, value: '3' }],
]);
const index = new TraceIndex(trace).update();
const en = (at: number) => {
  const { key, values } = eventInWords(index, at);
  return translate('en', key, values);
};
const zh = (at: number) => {
  const { key, values } = eventInWords(index, at);
  return translate('zh-TW', key, values);
};

describe('the event at the cursor, in words', () => {
  it('says who resumed whom, how, and where', () => {
    expect(en(2)).toBe('main calls next() → consumer starts, at line 10');
    expect(en(4)).toBe("main sent 'go' → consumer resumes at line 13");
    expect(en(6)).toBe('consumer delegates with yield from → producer starts, at line 3');
    expect(zh(4)).toBe("main 送出 'go' → consumer 在第 13 行恢復執行");
  });

  it('says what a generator gives up control with', () => {
    expect(en(7)).toBe("producer yields 'full' (suspended at line 12)");
    expect(en(14)).toBe('consumer returns 3: its caller sees StopIteration');
  });

  it('says what a deque did, and what its maxlen dropped from which end', () => {
    expect(en(9)).toBe('buffer dropped [1] from the left end (maxlen 3)');
    expect(en(10)).toBe('buffer.popleft() gave 2: 2 items left');
    expect(zh(9)).toBe('buffer 從左端丟掉 [1](maxlen 3)');
  });

  it('says how iteration went', () => {
    expect(en(11)).toBe('iter() fell back to __getitem__ for <Seq object>');
    expect(en(12)).toBe('StopIteration: iterator was already exhausted');
    expect(en(13)).toBe('main prints "got 5"');
  });
});
