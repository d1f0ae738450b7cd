import type { Trace } from '../../core/trace/trace.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { Values } from '../i18n/translate.ts';

/** Says a message in the interface's language (the view's translate, for this pure module). */
export type Say = (key: MessageKey, values?: Values) => string;

/** Long values are cut so a label stays a label. */
const MAX = 18;

function short(v: string | null): string {
  if (v === null) return '';
  return v.length > MAX ? `${v.slice(0, MAX - 1)}…` : v;
}

/** The words a timeline marker carries when zoomed in far enough to read them, said by `say`. */
export function markerLabel(trace: Trace, seq: number, say: Say): string {
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
      return say('markers.closed');
    case 'sched.spawn':
      return say('markers.spawned');
    case 'sched.pick': {
      const policy = trace.str(seq, 1);
      // a trace of version 1 or 2 has only the English reason
      if (policy === null) return say('markers.pickedRecorded', { reason: short(trace.str(seq, 0)) });
      return say('markers.picked', { policy });
    }
    case 'sched.park':
      return say('markers.waits', { on: short(trace.str(seq, 0)) });
    case 'sched.wake':
      return say('markers.ready');
    case 'sched.done': {
      const exc = trace.str(seq, 1);
      return exc ? say('markers.failed', { exc: short(exc) }) : say('markers.done');
    }
    case 'sched.deadlock':
      return say('markers.deadlock');
    case 'error':
      return short(trace.str(seq, 0));
    default:
      return '';
  }
}
