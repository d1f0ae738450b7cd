import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createdBy, ExtentColumn, firstWhere, lowerBound, upperBound } from './columns.ts';

const sorted = fc
  .array(fc.integer({ min: -20, max: 20 }), { maxLength: 40 })
  .map((a) => a.sort((x, y) => x - y));

describe('the one binary search', () => {
  it('finds what a scan from the start finds', () => {
    fc.assert(
      fc.property(sorted, fc.integer({ min: -25, max: 25 }), (a, x) => {
        const scan = (reached: (v: number) => boolean) => {
          const i = a.findIndex(reached);
          return i < 0 ? a.length : i;
        };
        expect(upperBound(a, a.length, x)).toBe(scan((v) => v > x));
        expect(lowerBound(a, a.length, x)).toBe(scan((v) => v >= x));
        expect(
          createdBy(
            a.map((createdAt) => ({ createdAt })),
            x,
          ),
        ).toBe(scan((v) => v > x));
      }),
    );
  });

  it('searches only the range it is given', () => {
    const a = [1, 2, 3, 4, 5, 6];
    expect(firstWhere(2, 4, (i) => a[i] >= 1)).toBe(2);
    expect(firstWhere(2, 4, (i) => a[i] >= 6)).toBe(4);
    expect(upperBound(a, 3, 10)).toBe(3);
  });
});

describe('a column that knows the extent of its ranges', () => {
  it('gives the min and max a scan of the range gives, for ranges across blocks and superblocks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 1500 }),
        fc.nat(),
        fc.nat(),
        (values, a, b) => {
          const column = new ExtentColumn(4);
          for (const v of values) column.push(v);
          const [lo, hi] = [a % (values.length + 1), b % (values.length + 1)].sort((x, y) => x - y);
          const out = { min: Infinity, max: -Infinity };
          column.extend(lo, hi, out);
          const range = values.slice(lo, hi);
          expect(out).toEqual({
            min: range.length ? Math.min(...range) : Infinity,
            max: range.length ? Math.max(...range) : -Infinity,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
