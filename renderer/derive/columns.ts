/**
 * Growable typed columns and binary search: the building blocks of every index the views keep.
 * Indexes only ever append (the trace only grows), so a column doubles its capacity when full.
 */

export class IntColumn {
  size = 0;
  data: Int32Array;
  constructor(capacity = 64) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.size === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = v;
  }
  get(i: number): number {
    return this.data[i];
  }
  last(): number {
    return this.data[this.size - 1];
  }
  /** Bytes held, for the memory budget. */
  bytes(): number {
    return this.data.byteLength;
  }
}

/** Values per block of an `ExtentColumn`, and blocks per superblock. */
const BLOCK = 16;
const SUPER = 16;
const SPAN = BLOCK * SUPER;

/** The smallest and largest of some values, folded in one at a time or a range at a time. */
export interface Extent {
  min: number;
  max: number;
}

/** Per-block min and max of a column, kept as values are pushed. */
class Blocks {
  readonly min = new IntColumn(4);
  readonly max = new IntColumn(4);

  constructor(readonly width: number) {}

  /** Takes in value `v`, the column's `n`-th (from 0). */
  add(n: number, v: number): void {
    const b = (n / this.width) | 0;
    if (b === this.min.size) {
      this.min.push(v);
      this.max.push(v);
      return;
    }
    if (v < this.min.data[b]) this.min.data[b] = v;
    if (v > this.max.data[b]) this.max.data[b] = v;
  }

  /** Widens `out` by blocks [lo, hi). */
  extend(lo: number, hi: number, out: Extent): void {
    for (let b = lo; b < hi; b++) {
      if (this.min.data[b] < out.min) out.min = this.min.data[b];
      if (this.max.data[b] > out.max) out.max = this.max.data[b];
    }
  }
}

/**
 * An int column that also keeps the min and max of each block of 16 values and of each 256, so the
 * extent of any range costs at most about range/256 + 64 reads: a chart of a whole run's values,
 * redrawn in every frame of a live run, stays cheap as the run grows to millions of events.
 */
export class ExtentColumn extends IntColumn {
  readonly #blocks = new Blocks(BLOCK);
  readonly #supers = new Blocks(SPAN);

  override push(v: number): void {
    super.push(v);
    this.#blocks.add(this.size - 1, v);
    this.#supers.add(this.size - 1, v);
  }

  /** Widens `out` to take in values [lo, hi). */
  extend(lo: number, hi: number, out: Extent): void {
    const data = this.data;
    let i = lo;
    while (i < hi && i % BLOCK !== 0) widen(out, data[i++]);
    // Whole blocks up to a superblock's start, whole superblocks, then whole blocks and values again.
    const blocksTo = (to: number) => {
      const end = Math.max(i, to - (to % BLOCK));
      this.#blocks.extend(i / BLOCK, end / BLOCK, out);
      i = end;
    };
    blocksTo(Math.min(hi, Math.ceil(i / SPAN) * SPAN));
    if (i % SPAN === 0) {
      const end = Math.max(i, hi - (hi % SPAN));
      this.#supers.extend(i / SPAN, end / SPAN, out);
      i = end;
    }
    blocksTo(hi);
    while (i < hi) widen(out, data[i++]);
  }
}

function widen(out: Extent, v: number): void {
  if (v < out.min) out.min = v;
  if (v > out.max) out.max = v;
}

type Sorted = ArrayLike<number>;

/**
 * The first index in [lo, hi) at which `reached` holds, given that it holds from some index on (hi
 * if it never does): the one binary search of the views, which every sorted lookup goes through.
 */
export function firstWhere(lo: number, hi: number, reached: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first index in [0, n) whose value is > x (values sorted ascending). */
export const upperBound = (a: Sorted, n: number, x: number): number => firstWhere(0, n, (i) => a[i] > x);

/** The first index in [0, n) whose value is >= x (values sorted ascending). */
export const lowerBound = (a: Sorted, n: number, x: number): number => firstWhere(0, n, (i) => a[i] >= x);

/** How many of `items` (in creation order) were created at or before event `seq`. */
export const createdBy = (items: readonly { createdAt: number }[], seq: number): number =>
  firstWhere(0, items.length, (i) => items[i].createdAt > seq);
