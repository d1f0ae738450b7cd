import { IntColumn, upperBound } from './columns.ts';

/** Snapshot spacing, in events of one log: replaying at most this many events rebuilds any instant. */
export const SNAPSHOT_EVERY = 1024;

/**
 * A state changed by a sequence of events, with a copy kept every SNAPSHOT_EVERY events so the state
 * after any event is rebuilt by one copy and at most SNAPSHOT_EVERY replays.
 */
export class SnapshotLog<S> {
  readonly seqs = new IntColumn(16);
  readonly #snapshots: S[];
  #live: S;

  constructor(
    initial: S,
    private readonly copy: (s: S) => S,
    private readonly apply: (s: S, seq: number) => S,
  ) {
    this.#snapshots = [copy(initial)];
    this.#live = initial;
  }

  /** The state after every event recorded so far. */
  get live(): S {
    return this.#live;
  }

  record(seq: number): void {
    this.#live = this.apply(this.#live, seq);
    this.seqs.push(seq);
    if (this.seqs.size % SNAPSHOT_EVERY === 0) this.#snapshots.push(this.copy(this.#live));
  }

  /** How many of the log's events happened at or before `seq`. */
  countAt(seq: number): number {
    return upperBound(this.seqs.data, this.seqs.size, seq);
  }

  /** The state right after event `seq` (a fresh copy the caller may keep). */
  at(seq: number): S {
    const n = this.countAt(seq);
    // at the live edge (where a running program's views are) the live state is already there
    if (n === this.seqs.size) return this.copy(this.#live);
    const k = Math.floor(n / SNAPSHOT_EVERY);
    let s = this.copy(this.#snapshots[k]);
    for (let j = k * SNAPSHOT_EVERY; j < n; j++) s = this.apply(s, this.seqs.data[j]);
    return s;
  }
}
