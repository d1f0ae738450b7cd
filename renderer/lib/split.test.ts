import { describe, expect, it } from 'vitest';
import { clampSplit, KEY_STEP, SPLIT_MAX, SPLIT_MIN, splitAfterKey, splitAt } from './split.ts';

describe('splitters', () => {
  it('follow the pointer within the container, never collapsing a panel', () => {
    expect(splitAt(300, 100, 400)).toBeCloseTo(0.5);
    expect(splitAt(0, 100, 400)).toBe(SPLIT_MIN);
    expect(splitAt(10_000, 100, 400)).toBe(SPLIT_MAX);
    expect(splitAt(5, 0, 0)).toBe(0.5);
    expect(clampSplit(Number.NaN)).toBe(0.5);
  });

  it('move with the arrow keys along their own axis only', () => {
    expect(splitAfterKey(0.5, 'ArrowRight', false)).toBeCloseTo(0.5 + KEY_STEP);
    expect(splitAfterKey(0.5, 'ArrowLeft', false)).toBeCloseTo(0.5 - KEY_STEP);
    expect(splitAfterKey(0.5, 'ArrowDown', true)).toBeCloseTo(0.5 + KEY_STEP);
    expect(splitAfterKey(0.5, 'ArrowDown', false)).toBeNull();
    expect(splitAfterKey(0.5, 'Home', true)).toBe(SPLIT_MIN);
    expect(splitAfterKey(0.5, 'End', true)).toBe(SPLIT_MAX);
    expect(splitAfterKey(SPLIT_MAX, 'ArrowRight', false)).toBe(SPLIT_MAX);
  });
});
