import { describe, expect, it } from 'vitest';
import {
  brushSelectionFor,
  clampWindow,
  grownWindow,
  leftLiveEdge,
  narrowest,
  panWindow,
  sameWindow,
  showsWholeRun,
  windowAround,
  windowForKey,
  windowOfBrush,
  windowOfZoom,
  zoomTransformFor,
} from './timeline-window.ts';

const run = [0, 1000] as const;

describe('timeline window', () => {
  it('keeps a requested window inside the run and no narrower than the least span', () => {
    expect(clampWindow(-50, 50, run, 8)).toEqual({ from: 0, to: 100 });
    expect(clampWindow(950, 1100, run, 8)).toEqual({ from: 850, to: 1000 });
    expect(clampWindow(500, 501, run, 8)).toEqual({ from: 500, to: 508 });
    expect(clampWindow(-10, 5000, run, 8)).toEqual({ from: 0, to: 1000 });
    expect(narrowest('logical')).toBe(8);
    expect(narrowest('wall')).toBe(1000);
  });

  it('shows a run shorter than the least span from its start', () => {
    expect(clampWindow(2, 3, [0, 4], 8)).toEqual({ from: 0, to: 8 });
    expect(showsWholeRun({ from: 0, to: 8 }, [0, 4])).toBe(true);
  });

  it('tells the whole run from a part of it, and a window left behind the live edge', () => {
    expect(showsWholeRun({ from: 0, to: 1000 }, run)).toBe(true);
    expect(showsWholeRun({ from: 0, to: 999 }, run)).toBe(false);
    expect(leftLiveEdge({ from: 900, to: 1000 }, run)).toBe(false);
    expect(leftLiveEdge({ from: 899.5, to: 999.5 }, run)).toBe(false);
    expect(leftLiveEdge({ from: 800, to: 900 }, run)).toBe(true);
  });

  it('fits the growing run, or keeps the same width at its live edge while following', () => {
    const w = { from: 100, to: 200 };
    expect(grownWindow(w, [0, 2000], true, true)).toEqual({ from: 0, to: 2000 });
    expect(grownWindow(w, [0, 2000], false, true)).toEqual({ from: 1900, to: 2000 });
    expect(grownWindow({ from: 0, to: 500 }, [0, 300], false, true)).toEqual({ from: 0, to: 300 });
    expect(grownWindow(w, [0, 2000], false, false)).toBeNull();
  });

  it('tells the same window from a moved one', () => {
    expect(sameWindow({ from: 1, to: 2 }, { from: 1, to: 2 })).toBe(true);
    expect(sameWindow({ from: 1, to: 2 }, { from: 1, to: 3 })).toBe(false);
  });

  it('re-centres on the cursor only when it is out of view', () => {
    expect(windowAround({ from: 100, to: 200 }, 150)).toBeNull();
    expect(windowAround({ from: 100, to: 200 }, 500)).toEqual({ from: 450, to: 550 });
  });

  it('zooms around the centre and pages by half a window with the keys', () => {
    const w = { from: 100, to: 200 };
    expect(windowForKey('+', w, 120)).toEqual({ from: 95, to: 145 });
    expect(windowForKey('=', w, 120)).toEqual({ from: 95, to: 145 });
    expect(windowForKey('-', w, 120)).toEqual({ from: 20, to: 220 });
    expect(windowForKey('PageUp', w, 120)).toEqual({ from: 50, to: 150 });
    expect(windowForKey('PageDown', w, 120)).toEqual({ from: 150, to: 250 });
    expect(windowForKey('a', w, 120)).toBeNull();
  });

  it('pans by screen pixels in proportion to the window', () => {
    expect(panWindow({ from: 100, to: 200 }, 50, 500)).toEqual({ from: 110, to: 210 });
  });

  it('turns a window into a zoom transform and a brush selection and back', () => {
    const w = { from: 250, to: 500 };
    const t = zoomTransformFor(w, run, 800);
    expect(t.k).toBeCloseTo(4);
    const back = windowOfZoom(t, run, 800);
    expect(back.from).toBeCloseTo(250);
    expect(back.to).toBeCloseTo(500);
    expect(brushSelectionFor(w, run, 800)).toEqual([200, 400]);
    expect(windowOfBrush([200, 400], run, 800)).toEqual(w);
  });
});
