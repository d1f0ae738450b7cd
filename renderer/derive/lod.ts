/**
 * Level of detail: what one lane looks like at the current zoom, in pixels. Spans at least a pixel
 * wide are drawn as they are; runs of narrower spans merge into one bar per pixel bucket, found by
 * binary search, so the work per frame follows the screen's width, not the trace's size.
 */

import { firstWhere, type Extent, type ExtentColumn } from './columns.ts';

/** Maps an event index to its position on the axis: the seq itself (logical) or its time (wall). */
export type AxisKey = (seq: number) => number;

export interface View {
  /** Axis units at the left and right edges. */
  from: number;
  to: number;
  /** Width in pixels. */
  width: number;
}

/** Bars in pixels; reused between frames to keep the garbage collector out of the draw loop. */
export class Bars {
  count = 0;
  x0 = new Float32Array(256);
  x1 = new Float32Array(256);
  /** The span state (running / delegating) or -1 for a merged bucket of sub-pixel spans. */
  state = new Int8Array(256);
  /** Index of the (first) span the bar stands for, for hover. */
  span = new Int32Array(256);

  clear(): void {
    this.count = 0;
  }

  push(x0: number, x1: number, state: number, span: number): void {
    if (this.count === this.x0.length) {
      const n = this.count * 2;
      this.x0 = grow(this.x0, new Float32Array(n));
      this.x1 = grow(this.x1, new Float32Array(n));
      this.state = grow(this.state, new Int8Array(n));
      this.span = grow(this.span, new Int32Array(n));
    }
    this.x0[this.count] = x0;
    this.x1[this.count] = x1;
    this.state[this.count] = state;
    this.span[this.count] = span;
    this.count++;
  }
}

function grow<T extends Float32Array | Int8Array | Int32Array>(a: T, b: T): T {
  b.set(a);
  return b;
}

export interface SpanColumns {
  start: Int32Array;
  /** -1 marks the open last span; `openEnd` stands for it. */
  end: Int32Array;
  state: Int32Array;
  size: number;
  openEnd: number;
}

export function lodBars(spans: SpanColumns, key: AxisKey, view: View, out: Bars): Bars {
  out.clear();
  const { start, state, size } = spans;
  const endOf = (i: number) => (spans.end[i] < 0 ? spans.openEnd : spans.end[i]);
  const ppu = view.width / (view.to - view.from);
  if (!(ppu > 0) || size === 0) return out;
  let i = firstWhere(0, size, (j) => key(endOf(j)) > view.from);
  while (i < size) {
    const s = key(start[i]);
    if (s >= view.to) break;
    const x0 = (s - view.from) * ppu;
    const x1 = (key(endOf(i)) - view.from) * ppu;
    if (x1 - x0 >= 1) {
      out.push(Math.max(x0, -1), Math.min(x1, view.width + 1), state[i], i);
      i++;
      continue;
    }
    const bucket = Math.floor(x0);
    const last = out.count - 1;
    if (last >= 0 && out.state[last] === -1 && out.x1[last] >= bucket) out.x1[last] = bucket + 1;
    else out.push(bucket, bucket + 1, -1, i);
    const nextKey = view.from + (bucket + 1) / ppu;
    i = firstWhere(i + 1, size, (j) => key(endOf(j)) > nextKey);
  }
  return out;
}

/** Markers in pixels: at most one per pixel per lane (the first event in that pixel). */
export class Marks {
  count = 0;
  x = new Float32Array(256);
  seq = new Int32Array(256);

  clear(): void {
    this.count = 0;
  }

  push(x: number, seq: number): void {
    if (this.count === this.x.length) {
      this.x = grow(this.x, new Float32Array(this.count * 2));
      this.seq = grow(this.seq, new Int32Array(this.count * 2));
    }
    this.x[this.count] = x;
    this.seq[this.count] = seq;
    this.count++;
  }
}

export function lodMarks(seqs: Int32Array, size: number, key: AxisKey, view: View, out: Marks): Marks {
  out.clear();
  const ppu = view.width / (view.to - view.from);
  if (!(ppu > 0)) return out;
  let i = firstWhere(0, size, (j) => key(seqs[j]) >= view.from);
  while (i < size) {
    const k = key(seqs[i]);
    if (k > view.to) break;
    const x = (k - view.from) * ppu;
    out.push(x, seqs[i]);
    const nextKey = view.from + (Math.floor(x) + 1) / ppu;
    i = firstWhere(i + 1, size, (j) => key(seqs[j]) >= nextKey);
  }
  return out;
}

/**
 * A step series (e.g. a deque's length after each op) reduced to its min and max per pixel column,
 * plus the value carried into each column, for a small chart. Each column's values are found by
 * binary search and read through the column's block extents, so the cost follows the width, not the run.
 */
export function lodSteps(
  seqs: Int32Array,
  values: ExtentColumn,
  size: number,
  initial: number,
  key: AxisKey,
  view: View,
): { min: Float32Array; max: Float32Array } {
  const w = Math.max(1, Math.ceil(view.width));
  const min = new Float32Array(w);
  const max = new Float32Array(w);
  const ppu = view.width / (view.to - view.from);
  let i = firstWhere(0, size, (j) => key(seqs[j]) >= view.from);
  let carry = i > 0 ? values.data[i - 1] : initial;
  const extent: Extent = { min: carry, max: carry };
  for (let px = 0; px < w; px++) {
    const edge = view.from + (px + 1) / ppu;
    extent.min = extent.max = carry;
    const next = firstWhere(i, size, (j) => key(seqs[j]) >= edge);
    if (next > i) {
      values.extend(i, next, extent);
      carry = values.data[next - 1];
      i = next;
    }
    min[px] = extent.min;
    max[px] = extent.max;
  }
  return { min, max };
}

/**
 * How many of the sorted events `seqs[0..size)` fall in each pixel column of `view` (the overview's
 * switches per column): one binary search per column edge, so a whole run's strip, redrawn in every
 * frame of a live run, costs the width's searches however long the run.
 */
export function lodCounts(seqs: Int32Array, size: number, key: AxisKey, view: View): Uint32Array {
  const w = Math.max(1, Math.floor(view.width));
  const counts = new Uint32Array(w);
  const ppu = view.width / (view.to - view.from || 1);
  let i = firstWhere(0, size, (j) => key(seqs[j]) >= view.from);
  for (let px = 0; px < w; px++) {
    // The last column takes in the rest of the view, its right edge included.
    const next =
      px === w - 1
        ? firstWhere(i, size, (j) => key(seqs[j]) > view.to)
        : firstWhere(i, size, (j) => (key(seqs[j]) - view.from) * ppu >= px + 1);
    counts[px] = next - i;
    i = next;
  }
  return counts;
}
