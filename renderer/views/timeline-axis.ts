import { scaleLinear } from 'd3';
import { firstWhere } from '../derive/columns.ts';
import type { TraceIndex } from '../derive/index.ts';
import type { AxisKey } from '../derive/lod.ts';
import type { Axis } from '../state/cursor.svelte.ts';

/*
 * Each takes the views' index: the axis spans the events it has taken in, which a fast stream's
 * newest events may not be yet.
 */

/** Where each event sits on the chosen axis: its index (logical) or its time in ns (wall). */
export function axisKey({ trace, ingested }: TraceIndex, axis: Axis): AxisKey {
  if (axis === 'logical') return (seq) => seq;
  const last = Math.max(0, ingested - 1);
  return (seq) => trace.time(seq < last ? seq : last);
}

/** The axis's full extent for the events so far. */
export function axisExtent({ trace, ingested }: TraceIndex, axis: Axis): [number, number] {
  if (axis === 'logical') return [0, Math.max(1, ingested)];
  return [0, Math.max(1, ingested ? trace.time(ingested - 1) : 1)];
}

/** The event at axis position x: the nearest index (logical) or the last event at or before time x (wall). */
export function seqAt({ trace, ingested: n }: TraceIndex, axis: Axis, x: number): number {
  if (n === 0) return -1;
  if (axis === 'logical') return Math.max(0, Math.min(n - 1, Math.floor(x)));
  return Math.max(0, firstWhere(0, n, (i) => trace.time(i) > x) - 1);
}

/** Made once: `toLocaleString` builds a formatter per call, which every tick label of every zoom step paid. */
const eventNumber = new Intl.NumberFormat('en');

export function formatTick(axis: Axis, v: number): string {
  if (axis === 'logical') return `#${eventNumber.format(Math.round(v))}`;
  if (v >= 1e9) return `${(v / 1e9).toFixed(2)} s`;
  if (v >= 1e6) return `${(v / 1e6).toFixed(1)} ms`;
  return `${(v / 1e3).toFixed(0)} µs`;
}

/** Where the axis puts its ticks in the window [from, to]: on the logical axis only whole events (no "#0, #0, #1"). */
export function tickValues(axis: Axis, from: number, to: number, count: number): number[] {
  const ticks = scaleLinear().domain([from, to]).ticks(count);
  return axis === 'logical' ? ticks.filter(Number.isInteger) : ticks;
}
