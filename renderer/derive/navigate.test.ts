import { describe, expect, it } from 'vitest';
import { TraceIndex } from './index.ts';
import { lineAt, nextAtLine, nextSwitch, prevSwitch, switchesAround } from './navigate.ts';
import { traceFrom } from './testing.ts';

describe('moving the cursor', () => {
  const trace = traceFrom([
    ['gen.create', { obj: 1, name: 'g', genkind: 'generator', line: 4 }],
    ['line', { obj: 0, line: 7 }],
    ['gen.resume', { obj: 1, by: 0, via: 'next', value: null }],
    ['gen.yield', { obj: 1, value: '1', line: 2 }],
    ['stdout', { text: 'x\n' }],
  ]);
  const timeline = new TraceIndex(trace).update().timeline;

  it('finds the line at an event, or the nearest earlier one', () => {
    expect(lineAt(trace, 1)).toBe(7);
    expect(lineAt(trace, 2)).toBe(7);
    expect(lineAt(trace, 4)).toBe(2);
  });

  it('runs to the next time a line starts to run, if it does', () => {
    expect(nextAtLine(trace, 0, 7)).toBe(1);
    expect(nextAtLine(trace, 1, 7)).toBeNull();
    // a yield at line 2 is not the line starting to run
    expect(nextAtLine(trace, 0, 2)).toBeNull();
  });

  it('jumps to the next and previous switch of control', () => {
    expect(nextSwitch(timeline, 0)).toBe(2);
    expect(nextSwitch(timeline, 2)).toBe(3);
    expect(nextSwitch(timeline, 3)).toBeNull();
    expect(prevSwitch(timeline, 4)).toBe(3);
    expect(prevSwitch(timeline, 3)).toBe(2);
    expect(prevSwitch(timeline, 2)).toBeNull();
  });

  it('lists the switches around the cursor for screen readers', () => {
    expect(switchesAround(timeline, 2, 5)).toEqual([
      { seq: 2, from: 0, to: 1 },
      { seq: 3, from: 1, to: 0 },
    ]);
  });
});

describe('object names', () => {
  it('names an object by its lane, deque or iterator', () => {
    const trace = traceFrom([
      ['gen.create', { obj: 1, name: 'g', genkind: 'generator' }],
      ['deque.create', { obj: 2, maxlen: null, items: '[]', name: 'buf' }],
      ['iter.create', { obj: 3, of: '[]', how: '__iter__', name: 'list_iterator' }],
    ]);
    const index = new TraceIndex(trace).update();
    expect([0, 1, 2, 3, 4].map((o) => index.nameOf(o))).toEqual(['main', 'g', 'buf', 'list_iterator', null]);
  });
});
