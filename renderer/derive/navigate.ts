import type { Trace } from '../../core/trace/trace.ts';
import { KIND_CODE } from '../../core/trace/schema.ts';
import { lowerBound, upperBound } from './columns.ts';
import type { TimelineIndex } from './timeline.ts';

const LINE = KIND_CODE.line;

/** How far back to look for a line number before giving up (events without a line are rare runs). */
const LINE_LOOKBACK = 10_000;

/** The source line being executed at event `seq`: its own line, or the nearest earlier one. */
export function lineAt(trace: Trace, seq: number): number | null {
  for (let i = seq; i >= 0 && i > seq - LINE_LOOKBACK; i--) if (trace.lineAt(i) > 0) return trace.lineAt(i);
  return null;
}

/** The first event after `seq` at which `line` starts to run, or null when it does not run again. */
export function nextAtLine(trace: Trace, seq: number, line: number): number | null {
  for (let i = seq + 1; i < trace.size; i++)
    if (trace.kindAt(i) === LINE && trace.lineAt(i) === line) return i;
  return null;
}

/** The first switch of control after `seq`, or null. */
export function nextSwitch(timeline: TimelineIndex, seq: number): number | null {
  const s = timeline.switches.seq;
  const i = upperBound(s.data, s.size, seq);
  return i < s.size ? s.data[i] : null;
}

/** The last switch of control before `seq`, or null. */
export function prevSwitch(timeline: TimelineIndex, seq: number): number | null {
  const s = timeline.switches.seq;
  const i = lowerBound(s.data, s.size, seq) - 1;
  return i >= 0 ? s.data[i] : null;
}

/** The switches of control around `seq` (up to `n` each side), for the screen-reader list. */
export function switchesAround(
  timeline: TimelineIndex,
  seq: number,
  n: number,
): { seq: number; from: number; to: number }[] {
  const s = timeline.switches;
  const mid = upperBound(s.seq.data, s.size, seq);
  const out = [];
  for (let i = Math.max(0, mid - n); i < Math.min(s.size, mid + n); i++)
    out.push({ seq: s.seq.data[i], from: s.from.data[i], to: s.to.data[i] });
  return out;
}
