import type { Trace } from '../../core/trace/trace.ts';
import { NULL_INT, READY_QUEUE_NAME } from '../../core/trace/schema.ts';
import { ExtentColumn, upperBound } from './columns.ts';
import { splitSequenceRepr } from './pyrepr.ts';
import { SnapshotLog } from './snapshots.ts';

/** A deque's contents: the reprs of its items, left end first. */
export type Items = string[];

export interface DequeTrack {
  obj: number;
  name: string;
  /** null when unbounded. */
  maxlen: number | null;
  createdAt: number;
  /** The scheduler's ready queue (a deque the scheduler records like any other). */
  readyQueue: boolean;
  /** Contents after each `deque.op`, rebuilt from snapshots; `log.seqs` is every op's seq. */
  log: SnapshotLog<Items>;
  /** The length after each op, parallel to `log.seqs` (for the length-over-time chart). */
  lens: ExtentColumn;
}

/**
 * The recorder abbreviates a long repr as reprlib does (`[0, 1, …, 7, ...]`): this item stands for
 * the items it left out, which the trace never names. (A real item's repr is never a bare `...`:
 * Ellipsis reprs as `Ellipsis`.)
 */
export const UNNAMED = '...';

/** What the deque view shows at an instant. */
export interface DequeState {
  track: DequeTrack;
  items: Items;
  /**
   * The deque's real length: more than `items` holds when they include UNNAMED; null when that is
   * not known yet (abbreviated initial contents, before any operation reported a length).
   */
  length: number | null;
  /** The op that produced these contents, when the cursor is exactly on it (for the animation). */
  op: DequeOp | null;
}

/** The length as the view writes it: `8+` while abbreviated contents hide how many more there are. */
export function lengthText(s: DequeState): string {
  return s.length !== null ? String(s.length) : `${s.items.length - 1}+`;
}

export interface DequeOp {
  seq: number;
  op: string;
  arg: string | null;
  value: string | null;
  dropped: Items;
  len: number;
}

/** See READY_QUEUE_NAME: a user's `ready = deque()` is not taken for the scheduler's. */
export function isSchedulerReadyQueue(name: string | null, line: number): boolean {
  return name === READY_QUEUE_NAME && line === 0;
}

export function readDequeOp(trace: Trace, seq: number): DequeOp {
  return readDequeOpInto(trace, seq, { seq, op: '', arg: null, value: null, dropped: [], len: 0 });
}

/**
 * Reads op `seq` into `op` and returns it: applying a live run's ops (millions of them) reuses one
 * object instead of making one, and an empty array, per op for the garbage collector.
 */
function readDequeOpInto(trace: Trace, seq: number, op: DequeOp): DequeOp {
  const dropped = trace.str(seq, 3);
  op.seq = seq;
  op.op = trace.str(seq, 0) ?? '';
  op.arg = trace.str(seq, 1);
  op.value = trace.str(seq, 2);
  op.dropped = dropped ? (splitSequenceRepr(dropped) ?? [dropped]) : NOTHING_DROPPED;
  op.len = trace.field(seq, 4);
  return op;
}

/** The `dropped` of the ops that drop nothing, shared by the ops only applied (and never kept). */
const NOTHING_DROPPED: Items = [];

function argPair(arg: string | null): [number, string] | null {
  const parts = arg ? splitSequenceRepr(arg) : null;
  if (!parts || parts.length !== 2) return null;
  const i = Number(parts[0]);
  return Number.isInteger(i) ? [i, parts[1]] : null;
}

function normIndex(i: number, n: number, insert: boolean): number {
  const j = i < 0 ? i + n : i;
  return Math.max(0, Math.min(insert ? n : n - 1, j));
}

/**
 * Applies one recorded mutation to the contents. The recorder gives the argument's repr and the
 * resulting length; items that maxlen pushed out are trimmed from the end opposite the one written.
 */
export function applyDequeOp(items: Items, op: DequeOp): Items {
  const arg = op.arg;
  let trimLeft = true;
  switch (op.op) {
    case 'append':
      if (arg !== null) items.push(arg);
      break;
    case 'appendleft':
      if (arg !== null) items.unshift(arg);
      trimLeft = false;
      break;
    // An item popped from an UNNAMED end was one of the unnamed ones: the mark stays until `len` says none is left.
    case 'pop':
      if (items[items.length - 1] !== UNNAMED) items.pop();
      break;
    case 'popleft':
      if (items[0] !== UNNAMED) items.shift();
      break;
    case 'extend':
    case '__iadd__':
      items.push(...(arg ? (splitSequenceRepr(arg) ?? []) : []));
      break;
    case 'extendleft':
      for (const x of arg ? (splitSequenceRepr(arg) ?? []) : []) items.unshift(x);
      trimLeft = false;
      break;
    case 'insert': {
      const pair = argPair(arg);
      if (pair) items.splice(normIndex(pair[0], items.length, true), 0, pair[1]);
      break;
    }
    case 'remove': {
      const at = items.indexOf(arg ?? '');
      if (at >= 0) items.splice(at, 1);
      break;
    }
    case 'rotate': {
      const n = items.length;
      const k = n === 0 ? 0 : ((Number(arg ?? '1') % n) + n) % n;
      if (k) items = items.slice(n - k).concat(items.slice(0, n - k));
      break;
    }
    case 'reverse':
      items.reverse();
      break;
    case 'clear':
      items = [];
      break;
    case '__setitem__': {
      const pair = argPair(arg);
      if (pair && items.length) items[normIndex(pair[0], items.length, false)] = pair[1];
      break;
    }
    case '__delitem__': {
      const i = Number(arg);
      if (Number.isInteger(i) && items.length) items.splice(normIndex(i, items.length, false), 1);
      break;
    }
  }
  if (op.len === NULL_INT) return items;
  let unnamed = items.indexOf(UNNAMED);
  // Once the named items are as many as the deque holds, nothing unnamed is left.
  if (unnamed >= 0 && items.length - 1 >= op.len) {
    items.splice(unnamed, 1);
    unnamed = -1;
  }
  if (unnamed < 0) {
    // Items beyond `len` are the ones maxlen dropped.
    if (items.length > op.len) items.splice(trimLeft ? 0 : op.len, items.length - op.len);
    return items;
  }
  // Unnamed items hide how many named ones maxlen dropped: `dropped` says, up to the mark.
  for (let k = 0; k < op.dropped.length; k++) {
    if (trimLeft && items[0] !== UNNAMED) items.shift();
    else if (!trimLeft && items[items.length - 1] !== UNNAMED) items.pop();
  }
  return items;
}

/** Every deque of the run, with its contents at any instant. */
export class DequeIndex {
  readonly tracks: DequeTrack[] = [];
  #byObj = new Map<number, DequeTrack>();
  #last: DequeTrack | undefined;

  constructor(private readonly trace: Trace) {}

  /** The op being applied (see readDequeOpInto). */
  readonly #applying: DequeOp = { seq: 0, op: '', arg: null, value: null, dropped: NOTHING_DROPPED, len: 0 };

  ingestCreate(i: number): void {
    const t = this.trace;
    const applying = this.#applying;
    const maxlen = t.field(i, 0);
    const bound = t.str(i, 2);
    const name = bound ?? `deque ${t.objAt(i)}`;
    const initial = t.str(i, 1);
    const track: DequeTrack = {
      obj: t.objAt(i),
      name,
      maxlen: maxlen === NULL_INT ? null : maxlen,
      createdAt: i,
      readyQueue: isSchedulerReadyQueue(bound, t.lineAt(i)),
      log: new SnapshotLog<Items>(
        initial ? (splitSequenceRepr(initial) ?? []) : [],
        (s) => s.slice(),
        (s, seq) => applyDequeOp(s, readDequeOpInto(t, seq, applying)),
      ),
      lens: new ExtentColumn(16),
    };
    this.tracks.push(track);
    this.#byObj.set(track.obj, track);
    // a new deque may take the id of one gone: ops on that id are now this one's
    this.#last = track;
  }

  ingestOp(i: number): void {
    const obj = this.trace.objAt(i);
    // a run's ops mostly come in runs on one deque: the last one's track is at hand
    const track = this.#last?.obj === obj ? this.#last : this.#byObj.get(obj);
    if (!track) return;
    this.#last = track;
    track.log.record(i);
    const len = this.trace.field(i, 4);
    track.lens.push(len !== NULL_INT ? len : track.log.live.length);
  }

  get(obj: number): DequeTrack | undefined {
    return this.#byObj.get(obj);
  }

  /** The deques that exist at `seq`, each with its contents right after that event. */
  at(seq: number): DequeState[] {
    const out: DequeState[] = [];
    for (const track of this.tracks) {
      if (track.createdAt > seq) continue;
      const n = track.log.countAt(seq);
      const opSeq = n > 0 ? track.log.seqs.data[n - 1] : -1;
      const items = track.log.at(seq);
      const length = n > 0 ? track.lens.data[n - 1] : items.includes(UNNAMED) ? null : items.length;
      out.push({ track, items, length, op: opSeq === seq ? readDequeOp(this.trace, seq) : null });
    }
    return out;
  }

  /** The length of a deque right after `seq` (0 before its first op if it started empty). */
  lengthAt(track: DequeTrack, seq: number): number {
    const n = upperBound(track.log.seqs.data, track.log.seqs.size, seq);
    return n === 0 ? track.log.at(-1).length : track.lens.data[n - 1];
  }
}
