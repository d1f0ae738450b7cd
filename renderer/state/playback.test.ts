import { describe, expect, it } from 'vitest';
import { playbackStep } from './playback.ts';

describe('playback', () => {
  it('moves speed × elapsed events, carrying the fraction to the next frame', () => {
    let carry = 0;
    let moved = 0;
    for (let frame = 0; frame < 60; frame++) {
      const step = playbackStep(10, 1000, 1000 / 60, carry);
      moved += step.events;
      carry = step.carry;
    }
    expect(moved).toBe(10);
  });

  it('plays a whole trace in about 600 frames at the fastest speed, at least one event a frame', () => {
    expect(playbackStep(Infinity, 60_000, 16, 0)).toEqual({ events: 100, carry: 0 });
    expect(playbackStep(Infinity, 5, 16, 0).events).toBe(1);
  });
});
