import { describe, expect, it } from 'vitest';
import { TraceBuilder } from '../../core/trace/builder.ts';
import { TraceIndex } from './index.ts';
import { eventsOf, traceFrom } from './testing.ts';
import { DELEGATING, RUNNING, type TimelineIndex } from './timeline.ts';

function spansOf(t: TimelineIndex, lane: number, size: number): [number, number, number][] {
  const s = t.spans[lane];
  return Array.from({ length: s.size }, (_, i) => [s.start.get(i), t.spanEnd(lane, i, size), s.state.get(i)]);
}

function switchesOf(t: TimelineIndex): [number, number, number][] {
  const s = t.switches;
  return Array.from({ length: s.size }, (_, i) => [s.seq.get(i), s.from.get(i), s.to.get(i)]);
}

const producerConsumer = [
  ['run.start', { python: '3.14', program: 'pc.py', options: '{}' }],
  ['deque.create', { obj: 1, maxlen: 10, items: '[]', name: 'buf', line: 3 }],
  ['gen.create', { obj: 2, name: 'producer', genkind: 'generator', line: 5 }],
  ['gen.create', { obj: 3, name: 'consumer', genkind: 'generator', line: 6 }],
  ['gen.resume', { obj: 2, by: 0, via: 'next', value: null }],
  ['deque.op', { obj: 1, op: 'append', arg: '0', value: null, dropped: null, len: 1 }],
  ['gen.yield', { obj: 2, value: 'None' }],
  ['gen.resume', { obj: 3, by: 0, via: 'next', value: null }],
  ['deque.op', { obj: 1, op: 'popleft', arg: null, value: '0', dropped: null, len: 0 }],
  ['gen.yield', { obj: 3, value: 'None' }],
  ['stdout', { text: 'done\n' }],
  ['run.end', { status: 'ok', message: null }],
] as const satisfies Parameters<typeof traceFrom>[0];

describe('timeline lanes and spans', () => {
  it('gives main, producer and consumer a lane and alternates control between them', () => {
    const trace = traceFrom([...producerConsumer]);
    const t = new TraceIndex(trace).update().timeline;
    expect(t.lanes.map((l) => [l.name, l.kind])).toEqual([
      ['main', 'main'],
      ['producer', 'generator'],
      ['consumer', 'generator'],
    ]);
    expect(spansOf(t, 0, trace.size)).toEqual([
      [0, 4, RUNNING],
      [6, 7, RUNNING],
      [9, 12, RUNNING],
    ]);
    expect(spansOf(t, 1, trace.size)).toEqual([[4, 6, RUNNING]]);
    expect(spansOf(t, 2, trace.size)).toEqual([[7, 9, RUNNING]]);
    expect(switchesOf(t)).toEqual([
      [4, 0, 1],
      [6, 1, 0],
      [7, 0, 2],
      [9, 2, 0],
    ]);
    expect(t.endedAt).toBe(11);
  });

  it('marks yields, resumes and returns on the lane of their generator', () => {
    const trace = traceFrom([...producerConsumer]);
    const t = new TraceIndex(trace).update().timeline;
    expect(Array.from(t.markers[1].data.subarray(0, t.markers[1].size))).toEqual([4, 6]);
    expect(Array.from(t.markers[2].data.subarray(0, t.markers[2].size))).toEqual([7, 9]);
  });

  it('leaves the last span open while the run goes on, reaching the newest event', () => {
    const trace = traceFrom(producerConsumer.slice(0, 6));
    const t = new TraceIndex(trace).update().timeline;
    expect(spansOf(t, 1, trace.size)).toEqual([[4, 6, RUNNING]]);
    expect(t.spans[1].end.get(0)).toBe(-1);
  });

  it('gives the same result whether events arrive in one batch or several', () => {
    const events = eventsOf([...producerConsumer]);
    const builder = new TraceBuilder();
    const trace = builder.trace();
    const index = new TraceIndex(trace);
    for (const [from, to] of [
      [0, 3],
      [3, 5],
      [5, 7],
      [7, 12],
    ]) {
      for (const ev of events.slice(from, to)) builder.add(ev);
      builder.trace();
      index.update();
    }
    const whole = new TraceIndex(traceFrom([...producerConsumer])).update().timeline;
    for (const lane of [0, 1, 2]) expect(spansOf(index.timeline, lane, 12)).toEqual(spansOf(whole, lane, 12));
    expect(switchesOf(index.timeline)).toEqual(switchesOf(whole));
  });

  it('draws yield from as nesting: the delegating generator stays on a thinner bar while its callee runs', () => {
    const trace = traceFrom([
      ['gen.create', { obj: 1, name: 'outer', genkind: 'generator' }],
      ['gen.create', { obj: 2, name: 'inner', genkind: 'generator' }],
      ['gen.resume', { obj: 1, by: 0, via: 'next', value: null }],
      ['gen.resume', { obj: 2, by: 1, via: 'yield from', value: null }],
      ['gen.yield', { obj: 2, value: '1' }],
      ['gen.yield', { obj: 1, value: '1' }],
      ['line', { obj: 0, line: 9 }],
    ]);
    const t = new TraceIndex(trace).update().timeline;
    expect(spansOf(t, 1, trace.size)).toEqual([
      [2, 3, RUNNING],
      [3, 4, DELEGATING],
      [4, 5, RUNNING],
    ]);
    expect(spansOf(t, 2, trace.size)).toEqual([[3, 4, RUNNING]]);
    expect(switchesOf(t)).toEqual([
      [2, 0, 1],
      [3, 1, 2],
      [4, 2, 1],
      [5, 1, 0],
    ]);
  });

  it('numbers a task named like another lane, such as an asyncio task called main', () => {
    const trace = traceFrom([
      ['gen.create', { obj: 1, name: 'main', genkind: 'coroutine' }],
      ['sched.spawn', { obj: 10, name: 'main', wraps: 'asyncio', target: 1, priority: 0 }],
      ['run.end', { status: 'ok', message: null }],
    ]);
    const t = new TraceIndex(trace).update().timeline;
    expect(t.lanes.map((l) => l.name)).toEqual(['main', 'main 2', 'scheduler']);
  });

  it('gives a scheduler its own lane and names a task lane after the task', () => {
    const trace = traceFrom([
      ['gen.create', { obj: 1, name: 'worker', genkind: 'generator' }],
      ['sched.spawn', { obj: 10, name: 'A', wraps: 'generator', target: 1, priority: 0 }],
      ['sched.pick', { obj: 10, reason: 'fifo' }],
      ['gen.resume', { obj: 1, by: 0, via: 'scheduler', value: null }],
      ['gen.yield', { obj: 1, value: 'None' }],
      ['sched.pick', { obj: 10, reason: 'fifo' }],
      ['gen.resume', { obj: 1, by: 0, via: 'scheduler', value: null }],
      ['gen.return', { obj: 1, value: 'None' }],
      ['sched.done', { obj: 10, result: 'None', exc: null }],
      ['run.end', { status: 'ok', message: null }],
    ]);
    const t = new TraceIndex(trace).update().timeline;
    expect(t.lanes.map((l) => [l.name, l.kind])).toEqual([
      ['main', 'main'],
      ['A', 'task'],
      ['scheduler', 'scheduler'],
    ]);
    expect(spansOf(t, 0, trace.size)).toEqual([[0, 2, RUNNING]]);
    expect(spansOf(t, 2, trace.size)).toEqual([
      [2, 3, RUNNING],
      [4, 6, RUNNING],
      [7, 10, RUNNING],
    ]);
    expect(spansOf(t, 1, trace.size)).toEqual([
      [3, 4, RUNNING],
      [6, 7, RUNNING],
    ]);
  });

  it('runs a simulated thread task from its pick to its park', () => {
    const trace = traceFrom([
      ['sched.spawn', { obj: 5, name: 'T1', wraps: 'thread', target: null, priority: 0 }],
      ['sched.pick', { obj: 5, reason: 'fifo' }],
      ['line', { obj: 5, line: 3 }],
      ['sched.park', { obj: 5, on: 'sleep', detail: null, until: 1 }],
      ['clock', { now: 1 }],
    ]);
    const t = new TraceIndex(trace).update().timeline;
    expect(t.lanes[2]).toMatchObject({ name: 'T1', kind: 'task' });
    expect(spansOf(t, 2, trace.size)).toEqual([[1, 3, RUNNING]]);
  });
});

describe('lane names', () => {
  it('numbers generators that share a name so their lanes can be told apart', () => {
    const trace = traceFrom([
      ['gen.create', { obj: 1, name: 'tag', genkind: 'generator' }],
      ['gen.create', { obj: 2, name: 'tag', genkind: 'generator' }],
      ['gen.create', { obj: 3, name: 'other', genkind: 'coroutine' }],
    ]);
    const t = new TraceIndex(trace).update().timeline;
    expect(t.lanes.map((l) => [l.name, l.kind])).toEqual([
      ['main', 'main'],
      ['tag', 'generator'],
      ['tag 2', 'generator'],
      ['other', 'coroutine'],
    ]);
  });
});
