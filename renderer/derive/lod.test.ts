import { describe, expect, it } from 'vitest';
import { ExtentColumn } from './columns.ts';
import { Bars, lodBars, lodCounts, lodMarks, lodSteps, Marks } from './lod.ts';

function spans(pairs: [number, number][], openEnd = 0) {
  return {
    start: Int32Array.from(pairs.map((p) => p[0])),
    end: Int32Array.from(pairs.map((p) => p[1])),
    state: new Int32Array(pairs.length),
    size: pairs.length,
    openEnd,
  };
}

const id = (s: number) => s;

describe('level of detail', () => {
  it('keeps spans a pixel wide or more as they are, clipped to the view', () => {
    const out = lodBars(
      spans([
        [0, 10],
        [20, 30],
        [90, 200],
      ]),
      id,
      { from: 0, to: 100, width: 100 },
      new Bars(),
    );
    expect(Array.from(out.x0.subarray(0, out.count))).toEqual([0, 20, 90]);
    expect(Array.from(out.x1.subarray(0, out.count))).toEqual([10, 30, 101]);
  });

  it('merges sub-pixel spans into one bar per run of pixel buckets', () => {
    const pairs: [number, number][] = [];
    for (let i = 0; i < 10_000; i += 2) pairs.push([i, i + 1]);
    const out = lodBars(spans(pairs), id, { from: 0, to: 10_000, width: 100 }, new Bars());
    expect(out.count).toBe(1);
    expect([out.x0[0], out.x1[0], out.state[0]]).toEqual([0, 100, -1]);
  });

  it('does work that follows the width, not the number of spans', () => {
    const pairs: [number, number][] = [];
    for (let i = 0; i < 1_000_000; i += 2) pairs.push([i, i + 1]);
    const s = spans(pairs);
    let calls = 0;
    const counted = (x: number) => (calls++, x);
    lodBars(s, counted, { from: 0, to: 1_000_000, width: 200 }, new Bars());
    expect(calls).toBeLessThan(200 * 2 * 25);
  });

  it('resolves the open last span to the newest event', () => {
    const out = lodBars(spans([[5, -1]], 50), id, { from: 0, to: 100, width: 100 }, new Bars());
    expect([out.x0[0], out.x1[0]]).toEqual([5, 50]);
  });

  it('keeps at most one marker per pixel', () => {
    const seqs = Int32Array.from({ length: 1000 }, (_, i) => i);
    const out = lodMarks(seqs, seqs.length, id, { from: 0, to: 1000, width: 10 }, new Marks());
    expect(Array.from(out.seq.subarray(0, out.count))).toEqual([
      0, 100, 200, 300, 400, 500, 600, 700, 800, 900,
    ]);
  });

  it('reduces a step series to min and max per pixel column', () => {
    const seqs = Int32Array.from([1, 2, 3, 12]);
    const vals = new ExtentColumn();
    for (const v of [1, 5, 2, 0]) vals.push(v);
    const { min, max } = lodSteps(seqs, vals, 4, 0, id, { from: 0, to: 20, width: 2 });
    expect(Array.from(min)).toEqual([0, 0]);
    expect(Array.from(max)).toEqual([5, 2]);
  });

  it('gives the same min and max per column as reading every value, over many blocks', () => {
    const n = 5000;
    const seqs = Int32Array.from({ length: n }, (_, i) => 3 * i + (i % 2));
    const vals = new ExtentColumn();
    for (let i = 0; i < n; i++) vals.push(((i * 7919) % 101) - 50);
    for (const width of [1, 7, 300, 20_000]) {
      const view = { from: 100, to: 3 * n - 200, width };
      const { min, max } = lodSteps(seqs, vals, n, 9, id, view);
      let i = 0;
      while (i < n && seqs[i] < view.from) i++;
      let carry = i > 0 ? vals.data[i - 1] : 9;
      for (let px = 0; px < width; px++) {
        const edge = view.from + (px + 1) / (width / (view.to - view.from));
        let lo = carry;
        let hi = carry;
        while (i < n && seqs[i] < edge) {
          carry = vals.data[i++];
          lo = Math.min(lo, carry);
          hi = Math.max(hi, carry);
        }
        expect([min[px], max[px]]).toEqual([lo, hi]);
      }
    }
  });

  it('counts the events in each pixel column as a scan of every event does', () => {
    const seqs = Int32Array.from({ length: 5000 }, (_, i) => i * 3 + (i % 3));
    const view = { from: 400, to: 12_345, width: 97 };
    const ppu = view.width / (view.to - view.from);
    const scan = new Uint32Array(97);
    for (const s of seqs) {
      if (s < view.from || s > view.to) continue;
      scan[Math.min(96, Math.floor((s - view.from) * ppu))]++;
    }
    expect(lodCounts(seqs, seqs.length, id, view)).toEqual(scan);
  });

  it('counts only the first `size` events', () => {
    const seqs = Int32Array.of(0, 1, 2, 3, 9, 9, 9);
    expect([...lodCounts(seqs, 4, id, { from: 0, to: 4, width: 2 })]).toEqual([2, 2]);
  });
});
