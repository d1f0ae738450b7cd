import type { Trace } from '../../core/trace/trace.ts';

/** Long values are cut so a label stays a label. */
const MAX = 18;

function short(v: string | null): string {
  if (v === null) return '';
  return v.length > MAX ? `${v.slice(0, MAX - 1)}…` : v;
}

/** The words a timeline marker carries when zoomed in far enough to read them. */
export function markerLabel(trace: Trace, seq: number): string {
  switch (trace.kindName(seq)) {
    case 'gen.resume': {
      const via = trace.str(seq, 1) ?? 'next';
      const value = trace.str(seq, 2);
      if (via === 'send') return `send(${short(value)})`;
      if (via === 'throw') return `throw ${short(value)}`;
      return via;
    }
    case 'gen.yield':
      return `yield ${short(trace.str(seq, 0))}`;
    case 'gen.return':
      return `return ${short(trace.str(seq, 0))} (StopIteration)`;
    case 'gen.raise':
      return `raise ${short(trace.str(seq, 0))}`;
    case 'gen.close':
      return 'closed';
    case 'sched.spawn':
      return 'spawned';
    case 'sched.pick':
      return `pick ${short(trace.str(seq, 0))}`;
    case 'sched.park':
      return `wait ${short(trace.str(seq, 0))}`;
    case 'sched.wake':
      return 'wake';
    case 'sched.done':
      return trace.str(seq, 1) ? `failed ${short(trace.str(seq, 1))}` : 'done';
    case 'sched.deadlock':
      return 'deadlock';
    case 'error':
      return short(trace.str(seq, 0));
    default:
      return '';
  }
}
