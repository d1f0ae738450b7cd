import type { EventBatch } from '../../core/trace/batch.ts';
import type { Trace } from '../../core/trace/trace.ts';
import type { TraceIndex } from '../derive/index.ts';

/**
 * Takes received batches into the trace and the views' index until `deadline` (performance.now()'s
 * clock), the index first: a batch joins the trace only once the index has taken in every event
 * before it. Events the index has not reached are not on screen, so appending ahead of it would
 * spend a frame's time on nothing the user sees (at the recorder's rate, most of that time).
 * Each call makes progress, even past its deadline: one slice of the index, or one batch.
 * Returns how many of `pending` (from the front) joined the trace; a batch that does not continue
 * the trace goes to `refused`, and so do the ones after it, which cannot continue it either.
 */
export function takeIn(
  trace: Trace,
  index: TraceIndex,
  pending: readonly EventBatch[],
  deadline: number,
  refused: (error: unknown) => void,
): number {
  const start = index.ingested;
  let taken = 0;
  for (;;) {
    index.update(deadline);
    if (taken === pending.length || index.ingested < trace.size) return taken;
    if ((taken > 0 || index.ingested > start) && performance.now() >= deadline) return taken;
    try {
      trace.append(pending[taken++]);
    } catch (error) {
      refused(error);
      return pending.length;
    }
  }
}
