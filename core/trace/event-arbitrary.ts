/** fast-check generators of schema-valid events and traces, for the trace format tests. */
import fc from 'fast-check';
import { KIND_NAMES, KINDS, type EventKind, type FieldType, type TraceEvent } from './schema.ts';

const FIELD_VALUE: Record<FieldType, fc.Arbitrary<string | number | boolean>> = {
  str: fc.string({ unit: 'grapheme', maxLength: 12 }),
  obj: fc.nat({ max: 50 }),
  int: fc.integer({ min: -2147483647, max: 2147483647 }),
  bool: fc.boolean(),
  // -0 reads back as 0 (it is kept as decimal text), so it is left out.
  num: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
};

/** The body of an event of a given kind: everything but seq and t. */
function eventBody(kind: EventKind): fc.Arbitrary<Omit<TraceEvent, 'seq' | 't'>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {
    kind: fc.constant(kind),
    obj: fc.option(fc.nat({ max: 50 }), { nil: undefined }),
    line: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
  };
  for (const [name, type] of KINDS[kind].fields) fields[name] = fc.option(FIELD_VALUE[type], { nil: null });
  const requiredKeys = ['kind', ...KINDS[kind].fields.map(([name]) => name)];
  return fc.record(fields, { requiredKeys }) as fc.Arbitrary<Omit<TraceEvent, 'seq' | 't'>>;
}

/** A run's events: seq 0,1,2,… and non-decreasing integer nanosecond times. */
export function eventsArbitrary(maxLength = 60): fc.Arbitrary<TraceEvent[]> {
  const one = fc.tuple(fc.constantFrom(...KIND_NAMES).chain(eventBody), fc.nat({ max: 100_000 }));
  return fc.array(one, { maxLength }).map((rows) => {
    let t = 0;
    return rows.map(([body, dt], seq) => {
      t += dt;
      const ev = { seq, t, ...body } as TraceEvent;
      if (ev.obj === undefined) delete ev.obj;
      if (ev.line === undefined) delete ev.line;
      return ev;
    });
  });
}
