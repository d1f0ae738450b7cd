/**
 * The event at the cursor in one line, in the course's words: "main sent 'go' → consumer resumes at
 * line 13", "buffer dropped 5 from the left end (maxlen 3)". The words come from the trace alone
 * (never from a lesson); this picks the message (renderer/i18n/messages/words.ts) and its values,
 * and the view says it in the interface's language.
 */
import { KIND_CODE, NULL_INT } from '../../core/trace/schema.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { Values } from '../i18n/translate.ts';
import type { TraceIndex } from './index.ts';

export interface Words {
  key: MessageKey;
  values: Values;
}

const K = KIND_CODE;
/** Values longer than this are cut: the line stays one line. */
const MAX_VALUE = 40;
/** Deque methods that take an item out and give it back. */
const GIVES = new Set(['pop', 'popleft']);
/** Where a deque with maxlen drops items when `op` adds some: the other end. */
const DROPS_FROM: Record<string, 'left' | 'right'> = {
  append: 'left',
  extend: 'left',
  __iadd__: 'left',
  appendleft: 'right',
  extendleft: 'right',
};

function short(text: string | null): string {
  const t = (text ?? '').replace(/\s+$/, '');
  return t.length > MAX_VALUE ? `${t.slice(0, MAX_VALUE)}…` : t;
}

/** A printed text as the course writes it: the line, quoted. */
function quoted(text: string | null): string {
  return JSON.stringify(short(text));
}

export function eventInWords(index: TraceIndex, at: number): Words {
  const trace = index.trace;
  const kind = trace.kindAt(at);
  const obj = trace.objAt(at);
  const line = trace.lineAt(at);
  const str = (col: number): string => short(trace.str(at, col));
  const int = (col: number): number | null => {
    const v = trace.field(at, col);
    return v === NULL_INT ? null : v;
  };
  const name = (o: number): string => index.nameOf(o) ?? `#${o}`;
  const who = name(obj);
  const w = (key: MessageKey, values: Values = {}): Words => ({ key, values: { who, line, ...values } });

  switch (kind) {
    case K['run.start']:
      return w('words.runStart');
    case K['run.end']:
      return w('words.runEnd', { status: str(0) });
    case K.line:
      return w('words.line');
    case K.stdout:
      return w('words.stdout', { text: quoted(trace.str(at, 0)) });
    case K.stderr:
      return w('words.stderr', { text: quoted(trace.str(at, 0)) });
    case K.error:
      return w('words.error', { exc: str(0), message: str(1) });
    case K['gen.create']:
      return w('words.created', { genkind: str(1) });
    case K['gen.resume']:
      return resumed(index, at, w, name(int(0) ?? 0), str(1), str(2));
    case K['gen.yield']:
      return w('words.yields', { value: str(0) });
    case K['gen.return']:
      return w('words.returns', { value: str(0) });
    case K['gen.raise']:
      return w('words.raises', { exc: str(0), message: str(1) });
    case K['gen.close']:
      return w('words.closed');
    case K['iter.create']: {
      const how = str(1);
      const values = { of: str(0), name: str(2) };
      if (how === '__getitem__') return w('words.iterFromGetitem', values);
      return w(how === 'self' ? 'words.iterSelf' : 'words.iterFromIter', values);
    }
    case K['iter.next']:
      return w('words.iterNext', { value: str(0) });
    case K['iter.stop']:
      return w(int(0) ? 'words.iterStopAgain' : 'words.iterStop');
    case K['deque.create']:
      return w('words.dequeCreated', { items: str(1), maxlen: int(0) ?? 'none' });
    case K['deque.op']:
      return dequeOp(index, at, w, obj);
    case K['ctx.enter']:
      return w('words.entered', { value: str(1) });
    case K['ctx.exit']: {
      const exc = trace.str(at, 0);
      if (exc === null) return w('words.exited');
      return w(int(1) ? 'words.exitedSuppressing' : 'words.exitedRaising', { exc: short(exc) });
    }
    case K['sched.spawn']:
      return w('words.spawned', { wraps: str(1) });
    case K['sched.pick']:
      return w('words.picked', { reason: str(0) });
    case K['sched.park']:
      return w('words.parked', { on: str(0), detail: str(1) });
    case K['sched.wake']:
      return w('words.woken', { reason: str(0) });
    case K['sched.done']:
      return trace.str(at, 1) === null
        ? w('words.doneWith', { result: str(0) })
        : w('words.doneRaising', { exc: str(1) });
    case K['sched.deadlock']:
      return w('words.deadlock', { message: str(0) });
    case K.clock:
      return w('words.clock', { now: str(0) });
    case K.stdin:
      return trace.str(at, 0) === null
        ? w('words.stdinEnded')
        : w('words.stdin', { text: quoted(trace.str(at, 0)) });
    default:
      return w('words.file', { path: str(0), change: str(1) });
  }
}

function resumed(
  index: TraceIndex,
  at: number,
  w: (key: MessageKey, values?: Values) => Words,
  by: string,
  via: string,
  value: string,
): Words {
  const track = index.generators.get(index.trace.objAt(at));
  const starts = !track || index.generators.stateAt(track, at - 1) === 'GEN_CREATED';
  switch (via) {
    case 'send':
      // a send of None is how a coroutine is stepped: the course calls that resuming, not sending
      if (value && value !== 'None') return w('words.sent', { by, value });
      break;
    case 'throw':
      return w('words.thrown', { by, value });
    case 'close':
      return w('words.closing', { by });
    case 'scheduler':
      return w(starts ? 'words.startsScheduled' : 'words.resumesScheduled');
  }
  return w(starts ? 'words.startsBy' : 'words.resumesBy', { by, how: via.replace(' ', '_') });
}

function dequeOp(
  index: TraceIndex,
  at: number,
  w: (key: MessageKey, values?: Values) => Words,
  obj: number,
): Words {
  const trace = index.trace;
  const op = trace.str(at, 0) ?? '';
  const dropped = trace.str(at, 3);
  const len = trace.field(at, 4);
  if (dropped !== null) {
    const maxlen = index.deques.get(obj)?.maxlen ?? '?';
    return w('words.dequeDropped', { dropped: short(dropped), end: DROPS_FROM[op] ?? 'left', maxlen });
  }
  if (GIVES.has(op)) return w('words.dequeGave', { op, value: short(trace.str(at, 2)), len });
  return w('words.dequeOp', { op, arg: short(trace.str(at, 1)), len });
}
