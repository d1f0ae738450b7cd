import { describe, expect, it } from 'vitest';
import { formatTick, tickValues } from './timeline-axis.ts';

describe('timeline axis ticks', () => {
  it('puts logical ticks on whole events only, so a short run does not read "#0 #0 #1"', () => {
    const ticks = tickValues('logical', 0, 2, 5);
    expect(ticks).toEqual([0, 1, 2]);
    expect(ticks.map((v) => formatTick('logical', v))).toEqual(['#0', '#1', '#2']);
  });

  it('keeps fractional ticks on the wall clock', () => {
    expect(tickValues('wall', 0, 1000, 4)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(tickValues('wall', 0, 1, 2)).toEqual([0, 0.5, 1]);
  });
});
