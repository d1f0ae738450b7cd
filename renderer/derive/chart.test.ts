import { describe, expect, it } from 'vitest';
import type { EventKind } from '../../core/trace/schema.ts';
import { chartData } from './chart.ts';
import { TraceIndex } from './index.ts';
import { traceFrom } from './testing.ts';

const printed = (...lines: string[]) =>
  new TraceIndex(
    traceFrom([
      ['run.start', { obj: 0, python: '3.14', program: 'main.py', options: '{}' }],
      ...lines.map(
        (text) =>
          ['stdout', { obj: 0, line: 1, text }] as [EventKind, { obj: number; line: number; text: string }],
      ),
    ]),
  ).update();

describe('a chart drawn from the output', () => {
  const chart = { output: '^(?<series>\\w+) N=(?<x>\\d+): (?<y>[\\d.]+) us$' };

  it('makes each matching line a point of its series, remembering the event that printed it', () => {
    const index = printed('list N=10: 1.5 us\n', 'a heading\n', 'deque N=10: 0.5 us\n', 'list N=20: 3 us\n');
    expect(chartData(index, chart)).toEqual([
      {
        name: 'list',
        points: [
          { x: 10, y: 1.5, seq: 1 },
          { x: 20, y: 3, seq: 4 },
        ],
      },
      { name: 'deque', points: [{ x: 10, y: 0.5, seq: 3 }] },
    ]);
  });

  it('shows only the points printed by the cursor', () => {
    const index = printed('list N=10: 1.5 us\n', 'list N=20: 3 us\n');
    expect(chartData(index, chart, 1)).toEqual([{ name: 'list', points: [{ x: 10, y: 1.5, seq: 1 }] }]);
    expect(chartData(index, chart, 0)).toEqual([]);
  });

  it('takes categories for x, and one unnamed series when the pattern names none', () => {
    const index = printed('CPU-bound: 4.00 s\n', 'fast I/O: 0.14 s\n');
    expect(chartData(index, { output: '^(?<x>[^:]+): (?<y>[\\d.]+) s$' })).toEqual([
      {
        name: '',
        points: [
          { x: 'CPU-bound', y: 4, seq: 1 },
          { x: 'fast I/O', y: 0.14, seq: 2 },
        ],
      },
    ]);
  });
});
