/**
 * How long a frame of a live run may spend taking in new events, ms. The frame's work follows the
 * screen, not the stream: the views' own work and the browser's rendering come first, and the
 * stream gets what is left. A frame that came late (the page fell below 55 fps) halves the next
 * frame's time for events; one on time gives a little back, up to `most`.
 */
export const LIVE_BUDGET = { least: 1, most: 5 } as const;

/** The longest frame interval of a page at 55 fps, ms. */
const ON_TIME = 1000 / 55;

/** The next frame's budget, from this one's and the time since the frame before (the two in a row). */
export function nextBudget(budget: number, sinceLastFrame: number): number {
  if (sinceLastFrame > ON_TIME) return Math.max(LIVE_BUDGET.least, budget / 2);
  return Math.min(LIVE_BUDGET.most, budget + 0.25);
}
