import { describe, expect, it } from 'vitest';
import { Trace } from '../../core/trace/trace.ts';
import { producerConsumerBatches } from '../views/dev/synthetic.ts';
import { TraceIndex } from './index.ts';
import { stateAt } from './state.ts';

describe('the views index', () => {
  it('takes in a slice of events at a time once its deadline has passed, and ends as one full update does', () => {
    const trace = Trace.fromBatches(producerConsumerBatches(30_000));
    const sliced = new TraceIndex(trace);
    sliced.update(0);
    expect(sliced.ingested).toBeGreaterThan(0);
    expect(sliced.ingested).toBeLessThan(trace.size);
    let calls = 1;
    while (sliced.ingested < trace.size) {
      const before = sliced.ingested;
      sliced.update(0);
      expect(sliced.ingested).toBeGreaterThan(before);
      calls++;
    }
    expect(calls).toBeGreaterThan(2);
    const whole = new TraceIndex(trace).update();
    // As JSON: each index's deque logs carry functions of their own.
    for (const seq of [0, 4_321, 17_777, trace.size - 1])
      expect(JSON.stringify(stateAt(sliced, seq))).toBe(JSON.stringify(stateAt(whole, seq)));
    expect(sliced.timeline.switches.size).toBe(whole.timeline.switches.size);
  });
});
