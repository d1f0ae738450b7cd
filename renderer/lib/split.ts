/** Splitter geometry: where a draggable divider sits, as a fraction of its container, kept usable. */

export const SPLIT_MIN = 0.15;
export const SPLIT_MAX = 0.85;
export const KEY_STEP = 0.02;

export function clampSplit(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0.5;
  return Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, fraction));
}

/** The fraction for a pointer at `position` within a container that starts at `start` and spans `size` pixels. */
export function splitAt(position: number, start: number, size: number): number {
  return clampSplit(size > 0 ? (position - start) / size : 0.5);
}

/** The fraction after a key press on a focused splitter, or null when the key does not move it. */
export function splitAfterKey(fraction: number, key: string, vertical: boolean): number | null {
  const back = vertical ? 'ArrowUp' : 'ArrowLeft';
  const forward = vertical ? 'ArrowDown' : 'ArrowRight';
  if (key === back) return clampSplit(fraction - KEY_STEP);
  if (key === forward) return clampSplit(fraction + KEY_STEP);
  if (key === 'Home') return SPLIT_MIN;
  if (key === 'End') return SPLIT_MAX;
  return null;
}
