import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHUNK, CHUNK_BITS, Column, SLOT } from './column.ts';

const i32 = (n: number) => new Int32Array(n);
const values = (from: number, count: number, width: number) =>
  Int32Array.from({ length: count * width }, (_, k) => from * width + k);

describe('Column', () => {
  it('reads back every value written, across chunk boundaries, in writes of any size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: CHUNK + 3 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        (sizes, width) => {
          const column = new Column(i32, width);
          let size = 0;
          for (const n of sizes) {
            column.write(values(size, n, width), size, n);
            size += n;
          }
          // each event as the trace's readers find it: in chunk i >>> CHUNK_BITS, at slot i & SLOT
          for (let i = 0; i < size; i += 997)
            for (let k = 0; k < width; k++)
              expect(column.chunks[i >>> CHUNK_BITS][(i & SLOT) * width + k]).toBe(i * width + k);
          // value k of the slice is k: one pass, not a deep comparison of a million numbers one by one
          const slice = column.slice(0, size);
          expect(slice.length).toBe(size * width);
          expect(slice.findIndex((v, k) => v !== k)).toBe(-1);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('never moves a full chunk: a million events later the first chunk is the same array', () => {
    const column = new Column(i32);
    column.write(values(0, CHUNK, 1), 0, CHUNK);
    const first = column.chunks[0];
    for (let at = CHUNK; at < 1_000_000; at += 16_384) column.write(values(at, 16_384, 1), at, 16_384);
    expect(column.chunks[0]).toBe(first);
    expect(column.chunks.every((c) => c.length === CHUNK)).toBe(true);
  });

  it('keeps a short trace small', () => {
    const column = new Column(i32);
    column.write(values(0, 3, 1), 0, 3);
    expect(column.chunks).toHaveLength(1);
    expect(column.chunks[0].length).toBeLessThanOrEqual(1024);
  });

  it('wraps existing values without copying them, and grows past them', () => {
    const existing = values(0, CHUNK + 5, 2);
    const column = Column.over(i32, existing, CHUNK + 5, 2);
    expect(column.chunks[0].buffer).toBe(existing.buffer);
    column.write(values(CHUNK + 5, 10, 2), CHUNK + 5, 10);
    expect(column.slice(CHUNK, CHUNK + 15)).toEqual(values(CHUNK, 15, 2));
  });

  it('slices any range into one contiguous array', () => {
    const column = new Column(i32);
    column.write(values(0, 3 * CHUNK, 1), 0, 3 * CHUNK);
    expect(column.slice(CHUNK - 2, 2 * CHUNK + 2)).toEqual(values(CHUNK - 2, CHUNK + 4, 1));
  });
});
