import { describe, expect, it } from 'vitest';
import { laneHeight } from './lane-height.ts';

describe('timeline lane height', () => {
  it('shares the panel among the lanes', () => {
    expect(laneHeight(300, 6, 15)).toBe(50);
  });

  it('stops at a maximum so three lanes in a tall panel stay bars, not slabs', () => {
    expect(laneHeight(600, 3, 15)).toBe(54);
  });

  it('keeps a readable minimum when there are many lanes (the panel scrolls)', () => {
    expect(laneHeight(300, 100, 15)).toBe(29);
  });

  it('scales with the root font size (presentation mode)', () => {
    expect(laneHeight(300, 100, 22)).toBe(42);
    expect(laneHeight(2000, 3, 22)).toBe(79);
  });

  it('has a height before any lane exists', () => {
    expect(laneHeight(300, 0, 15)).toBe(29);
  });
});
