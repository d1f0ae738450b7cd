import type { EventBatch } from '../../core/trace/batch.ts';
import type { Trace } from '../../core/trace/trace.ts';
import type { RunSummary } from '../../core/run/types.ts';
import type { RunStatus } from '../../core/trace/schema.ts';

/** Events per batch when a trace opened from a file is streamed to the renderer, as a live run would be. */
export const REPLAY_BATCH_EVENTS = 65_536;

/**
 * Cuts a whole trace into consecutive batches. The first batch carries the whole string table, so
 * every later string reference is already known when its batch arrives.
 */
export function* traceBatches(trace: Trace, size = REPLAY_BATCH_EVENTS): Generator<EventBatch> {
  for (let first = 0; first === 0 || first < trace.size; first += size) {
    const end = Math.min(trace.size, first + size);
    yield {
      first,
      count: end - first,
      ...trace.columns(first, end),
      stringBase: first === 0 ? 0 : trace.strings.length,
      strings: first === 0 ? [...trace.strings] : [],
    };
  }
}

const STATUSES: readonly RunStatus[] = ['ok', 'error', 'stopped', 'timeout', 'limit', 'deadlock'];

/** The summary a recorded trace ends with: the status of its `run.end` event, its events and its duration. */
export function traceSummary(trace: Trace): RunSummary {
  const last = trace.size - 1;
  const summary: RunSummary = {
    status: 'ok',
    events: trace.size,
    wallMs: last >= 0 ? trace.time(last) / 1e6 : 0,
  };
  if (last >= 0 && trace.kindName(last) === 'run.end') {
    const status = trace.str(last, 0);
    if (status && (STATUSES as readonly string[]).includes(status)) summary.status = status as RunStatus;
    const message = trace.str(last, 1);
    if (message) summary.message = message;
  }
  return summary;
}
