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

export class FloatColumn {
  size = 0;
  data: Float64Array;
  constructor(capacity = 64) {
    this.data = new Float64Array(capacity);
  }
  push(v: number): void {
    if (this.size === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = v;
  }
  get(i: number): number {
    return this.data[i];
  }
  bytes(): number {
    return this.data.byteLength;
  }
}

type Sorted = ArrayLike<number>;

/** The first index in [0, n) whose value is > x (values sorted ascending). */
export function upperBound(a: Sorted, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index in [0, n) whose value is >= x (values sorted ascending). */
export function lowerBound(a: Sorted, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of `items` (in creation order) were created at or before event `seq`. */
export function createdBy(items: readonly { createdAt: number }[], seq: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].createdAt <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
