/**
 * Lane colours from Okabe & Ito's colour-blind-safe set (its black swapped for a grey that shows on dark and light themes); lanes beyond eight repeat the colours with a
 * different pattern, and every lane also carries its name, so colour is never the only cue.
 */
export const LANE_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#A6A6A6',
] as const;

export const MAIN_COLOUR = '#8A939E';
export const SCHEDULER_COLOUR = '#5B6470';

export type Pattern = 'solid' | 'hatched' | 'dotted';

export function laneColour(index: number, kind: string): string {
  if (kind === 'main') return MAIN_COLOUR;
  if (kind === 'scheduler') return SCHEDULER_COLOUR;
  return LANE_COLOURS[(index - 1 + LANE_COLOURS.length) % LANE_COLOURS.length];
}

export function lanePattern(index: number): Pattern {
  const round = Math.floor(Math.max(0, index - 1) / LANE_COLOURS.length) % 3;
  return (['solid', 'hatched', 'dotted'] as const)[round];
}

/** Marker glyph colour per event kind name. */
export function markerColour(kind: string): string {
  if (kind === 'gen.raise' || kind === 'error' || kind === 'sched.deadlock') return '#D55E00';
  if (kind === 'gen.return' || kind === 'gen.close' || kind === 'sched.done') return '#8A939E';
  if (kind === 'gen.resume' || kind === 'sched.pick' || kind === 'sched.wake') return '#009E73';
  return '#0072B2';
}
