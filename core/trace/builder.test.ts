import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceBuilder, TraceEventError, traceOf } from './builder.ts';
import { eventsArbitrary } from './event-arbitrary.ts';

describe('TraceBuilder', () => {
  it('is the inverse of Trace.event for every schema-valid event', () => {
    fc.assert(
      fc.property(eventsArbitrary(), (events) => {
        const trace = traceOf(events);
        expect(trace.size).toBe(events.length);
        expect([...trace.events()]).toEqual(events);
      }),
    );
  });

  it('interns each distinct string once, across batches', () => {
    const builder = new TraceBuilder();
    builder.add({ seq: 0, t: 0, kind: 'stdout', obj: 0, text: 'hi' });
    builder.trace();
    builder.add({ seq: 1, t: 5, kind: 'stdout', obj: 0, text: 'hi' });
    builder.add({ seq: 2, t: 6, kind: 'gen.yield', obj: 1, line: 3, value: 'hi' });
    const trace = builder.trace();
    expect(trace.strings).toEqual(['hi']);
    expect(trace.event(2)).toEqual({ seq: 2, t: 6, kind: 'gen.yield', obj: 1, line: 3, value: 'hi' });
  });

  it.each([
    [{ seq: 0, t: 0, kind: 'gen.jump' }, 'unknown kind "gen.jump"'],
    [{ seq: 1, t: 0, kind: 'line' }, 'seq is 1, expected 0'],
    [{ seq: 0, t: -1, kind: 'line' }, 't must be'],
    [{ seq: 0, t: 0, kind: 'line', line: 0 }, 'line must be a line number'],
    [{ seq: 0, t: 0, kind: 'gen.yield', value: 3 }, 'gen.yield field value must be a string, got 3'],
    [{ seq: 0, t: 0, kind: 'iter.stop', again: 1 }, 'iter.stop field again must be true or false'],
    [{ seq: 0, t: 0, kind: 'gen.resume', by: 1.5 }, 'gen.resume field by must be an object id'],
    [{ seq: 0, t: 0, kind: 'stdout', txt: 'x' }, 'stdout has no field "txt"'],
  ])('refuses %j', (ev, message) => {
    expect(() => new TraceBuilder().add(ev as never)).toThrow(TraceEventError);
    expect(() => new TraceBuilder().add(ev as never)).toThrow(message);
  });
});
