import { describe, expect, it } from 'vitest';
import { Prng } from './prng.ts';

describe('Prng', () => {
  it('repeats its sequence for the same seed and differs for another seed', () => {
    const draw = (seed: number) => {
      const p = new Prng(seed);
      return Array.from({ length: 20 }, () => p.below(1000));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('stays within bounds and reaches every value of a small range', () => {
    const p = new Prng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const v = p.below(5);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(5);
      seen.add(v);
    }
    expect(seen.size).toBe(5);
  });
});
