/**
 * How long a frame of a live run may spend taking in new events, ms. The frame's work follows the
 * screen, not the stream: the views' own work and the browser's rendering come first, and the
 * stream gets what is left. A frame that came late (the page fell below 55 fps) halves the next
 * frame's time for events. Frames on time give it back, quickly up to near the time that was too
 * much, then slowly: given back at one pace, it would cross the page's limit again, and lose a frame,
 * every few frames. Once past that time with no frame late, the page has room again, and the time
 * grows quickly up to `most`.
 */
export const LIVE_BUDGET = { least: 1, most: 5 } as const;

export interface FrameBudget {
  /** This frame's time for new events, ms. */
  ms: number;
  /** The time of the last frame that came late, ms (Infinity while none has, or once past it). */
  late: number;
}

/** A live run's first frame: the most time, nothing late yet. */
export const FIRST_BUDGET: FrameBudget = { ms: LIVE_BUDGET.most, late: Infinity };

/** The longest frame interval of a page at 55 fps, ms. */
const ON_TIME = 1000 / 55;
/** Frames on time give back GROW ms each up to NEAR of the time that was late, then CREEP ms each. */
const GROW = 0.25;
const NEAR = 0.8;
const CREEP = 0.05;

/** The next frame's budget, from this one's and the time since the frame before (the two in a row). */
export function nextBudget(budget: FrameBudget, sinceLastFrame: number): FrameBudget {
  if (sinceLastFrame > ON_TIME) return { ms: Math.max(LIVE_BUDGET.least, budget.ms / 2), late: budget.ms };
  const ms = Math.min(LIVE_BUDGET.most, budget.ms + (budget.ms < NEAR * budget.late ? GROW : CREEP));
  return { ms, late: ms > budget.late ? Infinity : budget.late };
}
