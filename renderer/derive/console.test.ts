import { describe, expect, it } from 'vitest';
import { TraceIndex } from './index.ts';
import { traceFrom } from './testing.ts';

describe('console lines', () => {
  const trace = traceFrom([
    ['stdout', { text: 'hello\nwor' }],
    ['line', { obj: 0, line: 2 }],
    ['stdout', { text: 'ld\n' }],
    ['stderr', { text: 'oops\n' }],
  ]);
  const console = new TraceIndex(trace).update().console;

  it('splits output into lines, each remembering the event that began it', () => {
    expect(console.tail(3, 10)).toEqual([
      { index: 0, seq: 0, text: 'hello', stderr: false },
      { index: 1, seq: 0, text: 'world', stderr: false },
      { index: 2, seq: 3, text: 'oops', stderr: true },
    ]);
  });

  it('shows a line only as far as it had been written at the cursor', () => {
    expect(console.tail(1, 10).map((l) => l.text)).toEqual(['hello', 'wor']);
    expect(console.tail(2, 10).map((l) => l.text)).toEqual(['hello', 'world']);
  });

  it('shows the lines the program read where they were typed, after the prompt', () => {
    const typed = traceFrom([
      ['stdout', { text: 'Name? ' }],
      ['stdin', { text: 'Ada\n' }],
      ['stdout', { text: 'Hi Ada\n' }],
      ['stdin', { text: null }],
    ]);
    const lines = new TraceIndex(typed).update().console.tail(3, 10);
    expect(lines.map((l) => l.text)).toEqual(['Name? Ada', 'Hi Ada']);
  });

  it('marks each line written to stderr, among lines written to stdout', () => {
    const mixed = traceFrom([
      ['stdout', { text: 'a\n' }],
      ['stderr', { text: 'b\nc\n' }],
      ['stdout', { text: 'd\n' }],
      ['stderr', { text: 'e' }],
    ]);
    const lines = new TraceIndex(mixed).update().console.tail(3, 10);
    expect(lines.map((l) => [l.text, l.stderr])).toEqual([
      ['a', false],
      ['b', true],
      ['c', true],
      ['d', false],
      ['e', true],
    ]);
  });

  it('keeps only the last lines when asked', () => {
    expect(console.tail(3, 1).map((l) => l.text)).toEqual(['oops']);
  });
});
