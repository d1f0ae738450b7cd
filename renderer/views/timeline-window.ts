import { scaleLinear, zoomIdentity, type ZoomTransform } from 'd3';
import type { Axis } from '../state/cursor.svelte.ts';

/**
 * The part of the run the timeline shows, in axis units (event index or ns), and how zooming,
 * panning, the overview brush and the live edge move it. The window is the single truth; d3-zoom's
 * transform and the brush's selection are derived from it and turned back into it.
 */
export interface TimeWindow {
  from: number;
  to: number;
}

/** The run's full extent on the axis, [first, last]. */
export type Extent = readonly [number, number];

/** Whether two windows are the same (an effect that sets the window only when it changes does not re-run itself). */
export function sameWindow(a: TimeWindow, b: TimeWindow): boolean {
  return a.from === b.from && a.to === b.to;
}

/** The narrowest window the user can zoom to: 8 events, or 1 µs of wall-clock time. */
export function narrowest(axis: Axis): number {
  return axis === 'logical' ? 8 : 1000;
}

/** The window asked for (by zoom, pan, brush or keys), kept inside the run and no narrower than `least`. */
export function clampWindow(from: number, to: number, extent: Extent, least: number): TimeWindow {
  const [lo, hi] = extent;
  const span = Math.max(Math.min(to - from, hi - lo), least);
  const f = Math.max(lo, Math.min(hi - span, from));
  return { from: f, to: f + span };
}

/** Whether the window shows the whole run (the view then keeps fitting it as the run grows). */
export function showsWholeRun(w: TimeWindow, extent: Extent): boolean {
  return w.from <= extent[0] && w.to >= extent[1];
}

/** Whether the window ends short of the live edge (by more than 1% of its width): the user scrolled back. */
export function leftLiveEdge(w: TimeWindow, extent: Extent): boolean {
  return w.to < extent[1] - (w.to - w.from) * 0.01;
}

/**
 * Where the window goes as the run grows: the whole run while fitting, the same width at the live
 * edge while following; null when it stays where the user put it.
 */
export function grownWindow(w: TimeWindow, extent: Extent, fit: boolean, follow: boolean): TimeWindow | null {
  const [lo, hi] = extent;
  if (fit) return { from: lo, to: hi };
  if (!follow) return null;
  const span = Math.min(hi - lo, w.to - w.from);
  return { from: hi - span, to: hi };
}

/** The window re-centred on axis position `k` when `k` is outside it; null when it is already in view. */
export function windowAround(w: TimeWindow, k: number): TimeWindow | null {
  if (k >= w.from && k <= w.to) return null;
  const span = w.to - w.from;
  return { from: k - span / 2, to: k + span / 2 };
}

/**
 * The window a key asks for: + (or =) zooms in 2× and - zooms out 2× around `centre`, PageUp and
 * PageDown move half a window; null for any other key.
 */
export function windowForKey(key: string, w: TimeWindow, centre: number): TimeWindow | null {
  const span = w.to - w.from;
  if (key === '+' || key === '=') return { from: centre - span / 4, to: centre + span / 4 };
  if (key === '-') return { from: centre - span, to: centre + span };
  if (key === 'PageUp') return { from: w.from - span / 2, to: w.to - span / 2 };
  if (key === 'PageDown') return { from: w.from + span / 2, to: w.to + span / 2 };
  return null;
}

/** The window moved sideways by `dx` screen pixels of a plot `width` px wide. */
export function panWindow(w: TimeWindow, dx: number, width: number): TimeWindow {
  const shift = (dx / width) * (w.to - w.from);
  return { from: w.from + shift, to: w.to + shift };
}

/** The whole run mapped onto the plot's width: the scale zoom transforms and the overview brush work in. */
function runScale(extent: Extent, width: number) {
  return scaleLinear().domain(extent).range([0, width]);
}

/** The d3-zoom transform that shows window `w` of the run on a plot `width` px wide. */
export function zoomTransformFor(w: TimeWindow, extent: Extent, width: number): ZoomTransform {
  const k = (extent[1] - extent[0]) / (w.to - w.from);
  return zoomIdentity.scale(k).translate(-runScale(extent, width)(w.from), 0);
}

/** The window a d3-zoom transform shows. */
export function windowOfZoom(t: ZoomTransform, extent: Extent, width: number): TimeWindow {
  const [from, to] = t.rescaleX(runScale(extent, width)).domain();
  return { from, to };
}

/** The overview brush's selection, px, that marks window `w`. */
export function brushSelectionFor(w: TimeWindow, extent: Extent, width: number): [number, number] {
  const s = runScale(extent, width);
  return [s(w.from), s(w.to)];
}

/** The window an overview brush selection (px) marks. */
export function windowOfBrush(
  selection: readonly [number, number],
  extent: Extent,
  width: number,
): TimeWindow {
  const s = runScale(extent, width);
  return { from: s.invert(selection[0]), to: s.invert(selection[1]) };
}
