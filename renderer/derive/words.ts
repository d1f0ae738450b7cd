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
  /** Sentences that follow, separated by words.listSeparator: the tasks a deadlock left waiting. */
  more?: Words[];
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

/** The sentences to say one after another: the words, then each of `more` after a separator. */
export function sentencesOf(words: Words): Words[] {
  const separator: Words = { key: 'words.listSeparator', values: {} };
  return [words, ...(words.more ?? []).flatMap((more, i) => (i > 0 ? [separator, more] : [more]))];
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
      if (trace.str(at, 1) === null) return w('words.pickedRecorded', { reason: str(0) });
      return w('words.picked', { policy: str(1), n: str(2) });
    case K['sched.park']:
      // every wait of version 3 names what it waits on or how long; one of version 2 has neither
      if (trace.str(at, 3) === null && trace.str(at, 4) === null)
        return w('words.parkedRecorded', { on: str(0), detail: str(1) });
      return w('words.parked', waitValues(str(0), str(3), str(4), str(2)));
    case K['sched.wake']:
      if (trace.str(at, 1) === null) return w('words.wokenRecorded', { reason: str(0) });
      return w('words.woken', { cause: str(1), what: str(2), at: str(3) });
    case K['sched.done']:
      return trace.str(at, 1) === null
        ? w('words.doneWith', { result: str(0) })
        : w('words.doneRaising', { exc: str(1) });
    case K['sched.deadlock']:
      return deadlock(trace.str(at, 0) ?? '', trace.str(at, 1) ?? '[]', w);
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

/** The values of words.parked: `on` as a select key (queue.get → queue_get), the rest as recorded. */
function waitValues(on: string, what: string | null, amount: string | null, until: string | null): Values {
  return { on: on.replace(/[. ]/g, '_'), what: short(what), amount: amount ?? '', until: until ?? '' };
}

interface Waiting {
  name: string;
  on: string;
  what?: string | null;
  amount?: number | null;
}

/** The tasks a deadlock left waiting, as sched.deadlock lists them; null where a list lacks `what` (versions 1, 2). */
function waitingOf(json: string): Waiting[] | null {
  try {
    const waiting = JSON.parse(json) as Waiting[];
    return Array.isArray(waiting) && waiting.every((t) => t.what !== undefined) ? waiting : null;
  } catch {
    return null;
  }
}

function deadlock(
  message: string,
  waitingJson: string,
  w: (key: MessageKey, values?: Values) => Words,
): Words {
  const waiting = waitingOf(waitingJson);
  if (!waiting) return w('words.deadlockRecorded', { message: short(message) });
  return {
    ...w('words.deadlock', { count: waiting.length }),
    more: waiting.map((t) => ({
      key: 'words.parked',
      values: {
        who: t.name,
        ...waitValues(t.on, t.what ?? null, t.amount == null ? null : String(t.amount), null),
      },
    })),
  };
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
