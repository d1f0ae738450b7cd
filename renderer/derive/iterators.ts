import type { Trace } from '../../core/trace/trace.ts';
import { KIND_CODE } from '../../core/trace/schema.ts';
import { createdBy, IntColumn, upperBound } from './columns.ts';

export type IteratorState = 'fresh' | 'active' | 'exhausted';

export interface IteratorTrack {
  obj: number;
  of: string;
  how: string;
  name: string;
  createdAt: number;
  line: number;
  /** Seq of every value produced. */
  nexts: IntColumn;
  /** Seq of every StopIteration raised (the first is the exhaustion, later ones are re-iteration). */
  stops: IntColumn;
  /** Seq of the first StopIteration with `again`, or -1. */
  againAt: number;
}

export interface IteratorView {
  track: IteratorTrack;
  state: IteratorState;
  /** Values produced so far. */
  count: number;
  /** The last values produced (at most `keep`), oldest first. */
  values: string[];
  /** Where the StopIteration happened (seq and line), if it did by the cursor. */
  stoppedAt: { seq: number; line: number } | null;
  /** Iterated again after exhaustion, by the cursor. */
  again: boolean;
}

/** Every iterator of the run, with what it had produced and whether it was exhausted at any instant. */
export class IteratorIndex {
  readonly tracks: IteratorTrack[] = [];
  #byObj = new Map<number, IteratorTrack>();
  /** Iterators flagged for re-iteration, in the order it happened: always shown, however old. */
  readonly #iteratedAgain: IteratorTrack[] = [];

  constructor(private readonly trace: Trace) {}

  ingest(i: number): void {
    const t = this.trace;
    const kind = t.kindAt(i);
    const obj = t.objAt(i);
    if (kind === KIND_CODE['iter.create']) {
      // iter() of an iterator gives back the same object (how: self): it keeps its history.
      if (this.#byObj.has(obj)) return;
      const track: IteratorTrack = {
        obj,
        of: t.str(i, 0) ?? '?',
        how: t.str(i, 1) ?? '__iter__',
        name: t.str(i, 2) ?? 'iterator',
        createdAt: i,
        line: t.lineAt(i),
        nexts: new IntColumn(8),
        stops: new IntColumn(2),
        againAt: -1,
      };
      this.tracks.push(track);
      this.#byObj.set(obj, track);
      return;
    }
    const track = this.#byObj.get(obj);
    if (!track) return;
    // A generator is its own iterator: what it yields is what the loop over it receives.
    if (kind === KIND_CODE['iter.next'] || kind === KIND_CODE['gen.yield']) track.nexts.push(i);
    else if (kind === KIND_CODE['iter.stop']) {
      track.stops.push(i);
      if (track.againAt < 0 && (t.field(i, 0) === 1 || track.stops.size > 1)) {
        track.againAt = i;
        this.#iteratedAgain.push(track);
      }
    }
  }

  get(obj: number): IteratorTrack | undefined {
    return this.#byObj.get(obj);
  }

  /** How many iterators exist at `seq`. */
  countAt(seq: number): number {
    return createdBy(this.tracks, seq);
  }

  /**
   * The iterators at `seq`: the `limit` most recently created, plus every one iterated again after
   * exhaustion by then, each with its last `keep` values. Work follows `limit`, not the run's size.
   */
  at(seq: number, keep = 20, limit = 30): IteratorView[] {
    const n = this.countAt(seq);
    const shown = this.tracks.slice(Math.max(0, n - limit), n);
    const flagged = this.#iteratedAgain.filter((t) => t.againAt <= seq && !shown.includes(t));
    const out: IteratorView[] = [];
    for (const track of [...flagged, ...shown]) {
      const count = upperBound(track.nexts.data, track.nexts.size, seq);
      const stopped = track.stops.size > 0 && track.stops.data[0] <= seq;
      const values: string[] = [];
      for (let j = Math.max(0, count - keep); j < count; j++)
        values.push(this.trace.str(track.nexts.data[j], 0) ?? '');
      const stopSeq = track.stops.data[0];
      out.push({
        track,
        state: stopped ? 'exhausted' : count > 0 ? 'active' : 'fresh',
        count,
        values,
        stoppedAt: stopped ? { seq: stopSeq, line: this.trace.lineAt(stopSeq) } : null,
        again: track.againAt >= 0 && track.againAt <= seq,
      });
    }
    return out;
  }
}

/** Generator states as `inspect.getgeneratorstate` names them (coroutines use the same four). */
export type GeneratorState = 'GEN_CREATED' | 'GEN_RUNNING' | 'GEN_SUSPENDED' | 'GEN_CLOSED';

export interface GeneratorTrack {
  obj: number;
  name: string;
  genkind: string;
  createdAt: number;
  /** Seq of every event that changed its state. */
  changes: IntColumn;
}

const STATE_OF_KIND: Partial<Record<number, GeneratorState>> = {
  [KIND_CODE['gen.create']]: 'GEN_CREATED',
  [KIND_CODE['gen.resume']]: 'GEN_RUNNING',
  [KIND_CODE['gen.yield']]: 'GEN_SUSPENDED',
  [KIND_CODE['gen.return']]: 'GEN_CLOSED',
  [KIND_CODE['gen.raise']]: 'GEN_CLOSED',
  [KIND_CODE['gen.close']]: 'GEN_CLOSED',
};

/** Every generator/coroutine with its state at any instant. */
export class GeneratorIndex {
  readonly tracks: GeneratorTrack[] = [];
  #byObj = new Map<number, GeneratorTrack>();

  constructor(private readonly trace: Trace) {}

  ingest(i: number): void {
    const t = this.trace;
    const kind = t.kindAt(i);
    if (kind === KIND_CODE['gen.create']) {
      const track: GeneratorTrack = {
        obj: t.objAt(i),
        name: t.str(i, 0) ?? 'generator',
        genkind: t.str(i, 1) ?? 'generator',
        createdAt: i,
        changes: new IntColumn(8),
      };
      track.changes.push(i);
      this.tracks.push(track);
      this.#byObj.set(track.obj, track);
    } else if (STATE_OF_KIND[kind]) this.#byObj.get(t.objAt(i))?.changes.push(i);
  }

  get(obj: number): GeneratorTrack | undefined {
    return this.#byObj.get(obj);
  }

  /** How many generators exist at `seq`. */
  countAt(seq: number): number {
    return createdBy(this.tracks, seq);
  }

  /** The `limit` generators most recently created by `seq`. */
  recent(seq: number, limit = 30): GeneratorTrack[] {
    const n = this.countAt(seq);
    return this.tracks.slice(Math.max(0, n - limit), n);
  }

  stateAt(track: GeneratorTrack, seq: number): GeneratorState | null {
    const n = upperBound(track.changes.data, track.changes.size, seq);
    return n === 0 ? null : STATE_OF_KIND[this.trace.kindAt(track.changes.data[n - 1])]!;
  }
}
