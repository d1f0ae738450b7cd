import { describe, expect, it } from 'vitest';
import { traceOf } from '../../core/trace/builder.ts';
import type { TraceEvent } from '../../core/trace/schema.ts';
import { Trace } from '../../core/trace/trace.ts';
import { traceBatches, traceSummary } from './replay.ts';

function sample(n: number): Trace {
  const events: TraceEvent[] = [
    { seq: 0, t: 0, kind: 'run.start', obj: 0, python: '3.14', program: 'p.py', options: '{}' },
  ];
  for (let i = 1; i < n - 1; i++)
    events.push({ seq: i, t: i * 1000, kind: 'stdout', obj: 0, line: i, text: `line ${i % 7}` });
  events.push({
    seq: n - 1,
    t: n * 1000,
    kind: 'run.end',
    obj: 0,
    status: 'stopped',
    message: 'You pressed Stop.',
  });
  return traceOf(events);
}

describe('replaying a trace as batches', () => {
  it('rebuilds the same trace from its batches', () => {
    const trace = sample(1000);
    const batches = [...traceBatches(trace, 64)];
    expect(batches.length).toBe(Math.ceil(1000 / 64));
    const rebuilt = Trace.fromBatches(batches);
    expect([...rebuilt.events()]).toEqual([...trace.events()]);
  });

  it('yields one empty batch for an empty trace', () => {
    expect([...traceBatches(new Trace())].map((b) => b.count)).toEqual([0]);
  });

  it('summarises a trace from its run.end event', () => {
    expect(traceSummary(sample(10))).toEqual({
      status: 'stopped',
      events: 10,
      wallMs: 0.01,
      message: 'You pressed Stop.',
    });
    expect(traceSummary(new Trace())).toEqual({ status: 'ok', events: 0, wallMs: 0 });
  });
});
