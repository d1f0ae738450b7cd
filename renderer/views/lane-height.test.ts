import { describe, expect, it } from 'vitest';
import { keepOverview, laneHeight } from './lane-height.ts';

describe('timeline lane height', () => {
  it('shares the panel among the lanes', () => {
    expect(laneHeight(300, 6, 15)).toBe(50);
  });

  it('stops at a maximum so three lanes in a tall panel stay bars, not slabs', () => {
    expect(laneHeight(600, 3, 15)).toBe(54);
  });

  it('keeps a readable minimum when there are many lanes (the panel scrolls)', () => {
    expect(laneHeight(300, 100, 15)).toBe(26);
  });

  it('scales with the root font size (presentation mode)', () => {
    expect(laneHeight(300, 100, 22)).toBe(37);
    expect(laneHeight(2000, 3, 22)).toBe(79);
  });

  it('has a height before any lane exists', () => {
    expect(laneHeight(300, 0, 15)).toBe(26);
  });
});

describe('timeline overview strip', () => {
  // Lanes are at least 26 px at a 15 px root font; the strip takes 40 px.
  it('stays when the lanes fit beside it', () => {
    expect(keepOverview(300, 40, 7, 15)).toBe(true);
  });

  it('goes when that is what lets every lane show without scrolling', () => {
    expect(keepOverview(200, 40, 7, 15)).toBe(false);
  });

  it('stays when the lanes scroll anyway but three of them still show', () => {
    expect(keepOverview(200, 40, 20, 15)).toBe(true);
  });

  it('goes in a short panel where it would leave fewer than three lanes', () => {
    expect(keepOverview(100, 40, 20, 15)).toBe(false);
  });
});
