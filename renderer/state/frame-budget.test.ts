import { describe, expect, it } from 'vitest';
import { LIVE_BUDGET, nextBudget } from './frame-budget.ts';

describe('a live frame’s time for new events', () => {
  it('halves after a late frame, never below the least', () => {
    expect(nextBudget(4, 25)).toBe(2);
    let budget: number = LIVE_BUDGET.most;
    for (let k = 0; k < 10; k++) budget = nextBudget(budget, 40);
    expect(budget).toBe(LIVE_BUDGET.least);
  });

  it('grows back a little at each frame on time, up to the most', () => {
    expect(nextBudget(1, 16.7)).toBe(1.25);
    let budget: number = LIVE_BUDGET.least;
    for (let k = 0; k < 100; k++) budget = nextBudget(budget, 16.7);
    expect(budget).toBe(LIVE_BUDGET.most);
  });

  it('counts a frame at 55 fps as on time, and one just slower as late', () => {
    expect(nextBudget(2, 1000 / 55)).toBe(2.25);
    expect(nextBudget(2, 1000 / 54)).toBe(1);
  });
});
