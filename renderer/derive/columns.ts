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

/** Values per block of an `ExtentColumn`. */
const BLOCK = 16;

/** The smallest and largest of some values, folded in one at a time or a range at a time. */
export interface Extent {
  min: number;
  max: number;
}

/**
 * An int column that also keeps the min and max of each block of 16 values, so the extent of any
 * range costs about range/16 + 32 reads: a chart of a whole run's values stays cheap as the run grows.
 */
export class ExtentColumn extends IntColumn {
  readonly #blockMin = new IntColumn(4);
  readonly #blockMax = new IntColumn(4);

  override push(v: number): void {
    super.push(v);
    const b = ((this.size - 1) / BLOCK) | 0;
    if (b === this.#blockMin.size) {
      this.#blockMin.push(v);
      this.#blockMax.push(v);
      return;
    }
    if (v < this.#blockMin.data[b]) this.#blockMin.data[b] = v;
    if (v > this.#blockMax.data[b]) this.#blockMax.data[b] = v;
  }

  /** Widens `out` to take in values [lo, hi). */
  extend(lo: number, hi: number, out: Extent): void {
    const data = this.data;
    let i = lo;
    while (i < hi && i % BLOCK !== 0) widen(out, data[i++]);
    for (; i + BLOCK <= hi; i += BLOCK) {
      const b = i / BLOCK;
      if (this.#blockMin.data[b] < out.min) out.min = this.#blockMin.data[b];
      if (this.#blockMax.data[b] > out.max) out.max = this.#blockMax.data[b];
    }
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
