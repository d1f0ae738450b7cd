import { traceOf } from '../../core/trace/builder.ts';
import type { EventKind, TraceEvent } from '../../core/trace/schema.ts';
import type { Trace } from '../../core/trace/trace.ts';

type Fields = Omit<TraceEvent, 'seq' | 't' | 'kind'>;

/** Hand-written events for tests: seq and t are filled in (t = 1 µs per event). */
export function traceFrom(events: [EventKind, Fields?][]): Trace {
  return traceOf(events.map(([kind, fields], seq) => ({ seq, t: seq * 1000, kind, ...fields })));
}

/** The same events split into two batches, for checking that derivations are incremental. */
export function eventsOf(events: [EventKind, Fields?][]): TraceEvent[] {
  return events.map(([kind, fields], seq) => ({ seq, t: seq * 1000, kind, ...fields }));
}

/** The fields of an operation on deque 1 at line 5, for hand-written `deque.op` events. */
export const dequeOp = (op: string, arg: string | null, value: string | null, len: number) => ({
  obj: 1,
  line: 5,
  op,
  arg,
  value,
  dropped: null,
  len,
});
