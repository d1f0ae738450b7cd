import { describe, expect, it } from 'vitest';
import { defLine, spotlight } from './spotlight.ts';

const source =
  'from collections import deque\n\nasync def worker(q):\n    pass\n\ndef producer():\n    yield 1\n';

describe('what a lesson step points at', () => {
  it('sorts the highlights by the view that shows them', () => {
    const s = spotlight(
      [
        { type: 'lane', lane: 'producer' },
        { type: 'deque', deque: 'buffer', slot: 0 },
        { type: 'deque', deque: 'buffer', slot: 9 },
        { type: 'deque', deque: 'ready' },
        { type: 'iterator', iterator: 'list_iterator' },
        { type: 'with', with: 'timer' },
        { type: 'line', line: 7 },
        { type: 'frame', frame: 'worker' },
      ],
      source,
    );
    expect([...s.lanes]).toEqual(['producer']);
    expect([...s.deques].map(([name, slots]) => [name, [...slots]])).toEqual([
      ['buffer', [0, 9]],
      ['ready', []],
    ]);
    expect([...s.iterators]).toEqual(['list_iterator']);
    expect([...s.withs]).toEqual(['timer']);
    expect(s.lines).toEqual([3, 7]);
  });

  it('finds a frame by its function’s def line, async or not, and not by a longer name', () => {
    expect(defLine(source, 'producer')).toBe(6);
    expect(defLine(source, 'worker')).toBe(3);
    expect(defLine(source, 'work')).toBeNull();
    expect(defLine(source, 'missing')).toBeNull();
  });
});
