import { describe, expect, it } from 'vitest';
import { TraceOrderError, Trace } from '../../core/trace/trace.ts';
import { TraceIndex } from '../derive/index.ts';
import { producerConsumerBatches } from '../views/dev/synthetic.ts';
import { takeIn } from './intake.ts';

const refusedNone = (error: unknown) => {
  throw error;
};

describe('taking received batches in within a frame', () => {
  it('never lets the trace run ahead of its index by more than one batch, and makes progress at every call', () => {
    const pending = producerConsumerBatches(40_000, 3_000);
    const trace = new Trace();
    const index = new TraceIndex(trace);
    let calls = 0;
    while (pending.length > 0 || index.ingested < trace.size) {
      const before = [trace.size, index.ingested];
      // A deadline already past: the least a late frame does.
      const taken = takeIn(trace, index, pending, -Infinity, refusedNone);
      const last = pending[taken - 1];
      pending.splice(0, taken);
      calls++;
      expect([trace.size, index.ingested]).not.toEqual(before);
      expect(trace.size - index.ingested).toBeLessThanOrEqual(last?.count ?? 3_000);
    }
    expect(trace.size).toBe(40_000);
    expect(calls).toBeGreaterThan(40_000 / 3_000);
  });

  it('takes in everything received when there is time', () => {
    const pending = producerConsumerBatches(20_000, 3_000);
    const trace = new Trace();
    const index = new TraceIndex(trace);
    expect(takeIn(trace, index, pending, Infinity, refusedNone)).toBe(pending.length);
    expect([trace.size, index.ingested]).toEqual([20_000, 20_000]);
  });

  it('refuses a batch that does not continue the trace, and the ones after it', () => {
    const [first, , third, fourth] = producerConsumerBatches(12_000, 3_000);
    const trace = new Trace();
    const refused: unknown[] = [];
    const taken = takeIn(trace, new TraceIndex(trace), [first, third, fourth], Infinity, (e) =>
      refused.push(e),
    );
    expect(taken).toBe(3);
    expect(trace.size).toBe(3_000);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(TraceOrderError);
  });
});
