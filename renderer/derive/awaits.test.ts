import { describe, expect, it } from 'vitest';
import { asyncioAwaits, awaitForest } from './awaits.ts';
import { TraceIndex } from './index.ts';
import { traceFrom } from './testing.ts';

const spawn = (obj: number, name: string): Parameters<typeof traceFrom>[0][number] => [
  'sched.spawn',
  { obj, line: 1, name, wraps: 'generator', target: obj + 10, priority: 0 },
];

describe('who awaits whom', () => {
  it('finds a yieldscope task waiting in join for the task it named, until it is woken', () => {
    const trace = traceFrom([
      ['run.start', { obj: 0, python: '3.14', program: 'p.py', options: '{}' }],
      spawn(1, 'main'),
      spawn(2, 'worker'),
      spawn(3, 'idle'),
      ['sched.pick', { obj: 1, reason: 'fifo' }],
      [
        'sched.park',
        { obj: 1, line: 4, on: 'join', detail: "task 'worker' to finish", until: null, what: 'worker' },
      ],
      ['sched.pick', { obj: 3, reason: 'fifo' }],
      ['sched.park', { obj: 3, line: 6, on: 'sleep', detail: 'sleep(1)', until: 1 }],
      ['sched.pick', { obj: 2, reason: 'fifo' }],
      ['sched.done', { obj: 2, result: 'None', exc: null }],
      ['sched.wake', { obj: 1, reason: 'joined' }],
    ]);
    const { joins } = new TraceIndex(trace).update();
    expect(joins.at(4)).toEqual([]);
    expect(joins.at(5)).toEqual([{ waiter: 1, awaited: 2 }]);
    expect(joins.at(9)).toEqual([{ waiter: 1, awaited: 2 }]);
    expect(joins.at(10)).toEqual([]);
  });

  it('reads the task joined from the English detail of a version-2 trace, which has no `what`', () => {
    const trace = traceFrom([
      spawn(1, 'main'),
      spawn(2, 'worker'),
      ['sched.park', { obj: 1, line: 4, on: 'join', detail: "task 'worker' to finish", until: null }],
    ]);
    expect(new TraceIndex(trace).update().joins.at(2)).toEqual([{ waiter: 1, awaited: 2 }]);
  });

  it('turns asyncio gather into a tree: the gathering task above the tasks it awaits', () => {
    const edges = asyncioAwaits([
      { task: 3, name: 'main', awaitedBy: [], stack: [{ name: 'main', line: 7 }] },
      { task: 6, name: 'worker', awaitedBy: [3], stack: [{ name: 'worker', line: 3 }] },
      { task: 7, name: 'worker-2', awaitedBy: [3], stack: [{ name: 'worker', line: 3 }] },
    ]);
    expect(edges).toEqual([
      { waiter: 3, awaited: 6 },
      { waiter: 3, awaited: 7 },
    ]);
    const names: Record<number, string> = { 3: 'main', 6: 'worker', 7: 'worker-2' };
    expect(awaitForest(edges, (o) => names[o])).toEqual([
      {
        obj: 3,
        name: 'main',
        awaits: [
          { obj: 6, name: 'worker', awaits: [] },
          { obj: 7, name: 'worker-2', awaits: [] },
        ],
      },
    ]);
  });

  it('cuts a cycle of tasks joining each other where it closes', () => {
    const forest = awaitForest(
      [
        { waiter: 2, awaited: 1 },
        { waiter: 1, awaited: 2 },
      ],
      String,
    );
    expect(forest).toEqual([{ obj: 1, name: '1', awaits: [{ obj: 2, name: '2', awaits: [] }] }]);
  });
});
