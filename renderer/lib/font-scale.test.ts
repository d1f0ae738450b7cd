import { describe, expect, it } from 'vitest';
import { fontStep } from './font-scale.ts';

describe('the type size steps', () => {
  it('go up and down one step, and stop at the ends', () => {
    expect(fontStep(1, 1)).toBe(1.1);
    expect(fontStep(1, -1)).toBe(0.9);
    expect(fontStep(2, 1)).toBe(2);
    expect(fontStep(0.7, -1)).toBe(0.7);
  });

  it('take a size between steps to the nearest step that way', () => {
    expect(fontStep(1.05, 1)).toBe(1.1);
    expect(fontStep(1.05, -1)).toBe(1);
  });
});
