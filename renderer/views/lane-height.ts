/** Lane height range in root font sizes: no shorter than a label's line, no taller than a bar still reads as a bar. */
export const LANE_MIN_REM = 1.7;
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

/**
 * Whether the timeline keeps its overview strip below the lanes: yes when the lanes fit beside it;
 * no when dropping it is what lets them fit (a projected timeline should not need scrolling); and
 * when they must scroll anyway, yes while at least three lanes still show.
 */
export function keepOverview(room: number, overview: number, lanes: number, rem: number): boolean {
  const need = lanes * Math.round(rem * LANE_MIN_REM);
  if (room - overview >= need) return true;
  if (room >= need) return false;
  return room - overview >= 3 * Math.round(rem * LANE_MIN_REM);
}
