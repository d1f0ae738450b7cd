/**
 * How far playback moves in one frame: `speed` events per second over `elapsedMs`, with the
 * fraction of an event left over carried to the next frame (so 10/s at 60 frames/s still moves 10 a
 * second). At Infinity speed a replay takes about 600 frames (10 s) whatever the trace's size.
 */
export function playbackStep(
  speed: number,
  size: number,
  elapsedMs: number,
  carry: number,
): { events: number; carry: number } {
  const step = speed === Infinity ? Math.max(1, Math.ceil(size / 600)) : (speed * elapsedMs) / 1000;
  const total = carry + step;
  const events = Math.floor(total);
  return { events, carry: total - events };
}
