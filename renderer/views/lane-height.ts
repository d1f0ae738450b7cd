/** Lane height range in root font sizes: no shorter than a label's line, no taller than a bar still reads as a bar. */
export const LANE_MIN_REM = 1.9;
export const LANE_MAX_REM = 3.6;

/**
 * How tall each timeline lane is, px: the lanes share the height the panel gives them, between a
 * readable minimum (below it the lanes scroll) and a maximum (a few lanes do not become slabs).
 */
export function laneHeight(available: number, lanes: number, rem: number): number {
  const min = Math.round(rem * LANE_MIN_REM);
  const max = Math.round(rem * LANE_MAX_REM);
  if (lanes <= 0) return min;
  return Math.max(min, Math.min(max, Math.floor(available / lanes)));
}
