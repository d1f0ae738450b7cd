import { Bars, lodBars, lodMarks, Marks, type AxisKey, type View } from '../derive/lod.ts';
import type { TraceIndex } from '../derive/index.ts';
import { markerLabel } from '../derive/markers.ts';
import { DELEGATING } from '../derive/timeline.ts';
import { laneColour, lanePattern, markerColour } from './palette.ts';

export interface LaneRows {
  first: number;
  last: number;
  height: number;
  /** Pixels scrolled down (rows above `first` are off screen). */
  scrollTop: number;
  /** The theme's text and panel colours and the label size in px, for marker labels. */
  text: string;
  halo: string;
  fontSize: number;
}

/** Marker labels appear once markers are at least this far apart on average. */
const LABEL_SPACING = 40;

const bars = new Bars();
const marks = new Marks();
const connectors = new Marks();

/**
 * Paints the visible lanes: bars per lane in its colour (one fill style per lane), merged sub-pixel
 * buckets lighter, delegating spans as a thinner bar, then markers batched by colour, then the
 * hand-off connectors. Only the visible window and rows are walked.
 */
export function drawLanes(
  ctx: CanvasRenderingContext2D,
  index: TraceIndex,
  key: AxisKey,
  view: View,
  rows: LaneRows,
): void {
  const { lanes, spans, markers, switches } = index.timeline;
  const h = rows.height;
  const markerXs = new Map<string, number[]>();
  for (let r = rows.first; r <= rows.last && r < lanes.length; r++) {
    const lane = lanes[r];
    const y = r * h - rows.scrollTop;
    if (r % 2) {
      ctx.fillStyle = 'rgba(127,127,127,0.09)';
      ctx.fillRect(0, y, view.width, h);
    }
    const s = spans[r];
    lodBars(
      { start: s.start.data, end: s.end.data, state: s.state.data, size: s.size, openEnd: index.ingested },
      key,
      view,
      bars,
    );
    const colour = laneColour(lane.index, lane.kind);
    ctx.fillStyle = colour;
    for (let pass = 0; pass < 2; pass++) {
      ctx.globalAlpha = pass === 0 ? 1 : 0.55;
      for (let b = 0; b < bars.count; b++) {
        const merged = bars.state[b] === -1;
        if (merged !== (pass === 1)) continue;
        const inset = bars.state[b] === DELEGATING ? h * 0.38 : 4;
        ctx.fillRect(bars.x0[b], y + inset, Math.max(1, bars.x1[b] - bars.x0[b]), h - 2 * inset);
      }
    }
    ctx.globalAlpha = 1;
    // Lanes that share a colour with an earlier one also carry a line through their bars.
    const pattern = lanePattern(lane.index);
    if (pattern !== 'solid') {
      ctx.strokeStyle = 'rgba(0,0,0,0.55)';
      ctx.setLineDash(pattern === 'dotted' ? [2, 3] : []);
      ctx.beginPath();
      for (let b = 0; b < bars.count; b++) {
        if (bars.x1[b] - bars.x0[b] < 3) continue;
        ctx.moveTo(bars.x0[b], y + h / 2);
        ctx.lineTo(bars.x1[b], y + h / 2);
      }
      ctx.stroke();
      ctx.setLineDash([]);
    }
    const m = markers[r];
    lodMarks(m.data, m.size, key, view, marks);
    for (let k = 0; k < marks.count; k++) {
      const c = markerColour(index.trace.kindName(marks.seq[k]));
      let xs = markerXs.get(c);
      if (!xs) markerXs.set(c, (xs = []));
      xs.push(marks.x[k], y + h);
    }
    if (marks.count > 0 && marks.count * LABEL_SPACING < view.width) labelMarks(ctx, index, y, rows);
  }
  // Sparse markers are small triangles; dense ones (more than one per few pixels) plain ticks, far cheaper.
  for (const [c, xs] of markerXs) {
    ctx.fillStyle = c;
    if (xs.length / 2 > view.width / 6) {
      for (let k = 0; k < xs.length; k += 2) ctx.fillRect(xs[k] - 0.5, xs[k + 1] - 6, 1, 5);
      continue;
    }
    ctx.beginPath();
    for (let k = 0; k < xs.length; k += 2) {
      ctx.moveTo(xs[k], xs[k + 1] - 1);
      ctx.lineTo(xs[k] - 3, xs[k + 1] - 6);
      ctx.lineTo(xs[k] + 3, xs[k + 1] - 6);
    }
    ctx.fill();
  }
  lodMarks(switches.seq.data, switches.size, key, view, connectors);
  if (connectors.count < view.width / 3) {
    ctx.strokeStyle = 'rgba(127,127,127,0.75)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let k = 0; k < connectors.count; k++) {
      const i = lowerSwitch(index, connectors.seq[k]);
      const from = switches.from.data[i];
      const to = switches.to.data[i];
      const x = Math.round(connectors.x[k]) + 0.5;
      ctx.moveTo(x, from * h + h / 2 - rows.scrollTop);
      ctx.lineTo(x, to * h + h / 2 - rows.scrollTop);
    }
    ctx.stroke();
  }
}

/** Writes what each marker stands for (yield 'full', send(3), return …) where it fits before the next one. */
function labelMarks(ctx: CanvasRenderingContext2D, index: TraceIndex, y: number, rows: LaneRows): void {
  ctx.fillStyle = rows.text;
  // A halo in the panel's colour keeps a label readable where it crosses a bar, in either theme.
  ctx.strokeStyle = rows.halo;
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.font = `${rows.fontSize}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  for (let k = 0; k < marks.count; k++) {
    const label = markerLabel(index.trace, marks.seq[k]);
    if (!label) continue;
    const room = (k + 1 < marks.count ? marks.x[k + 1] : Infinity) - marks.x[k] - 6;
    if (ctx.measureText(label).width > room) continue;
    ctx.strokeText(label, marks.x[k] + 4, y + 2);
    ctx.fillText(label, marks.x[k] + 4, y + 2);
  }
}

function lowerSwitch(index: TraceIndex, seq: number): number {
  const s = index.timeline.switches.seq;
  let lo = 0;
  let hi = s.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s.data[mid] < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The overview strip: how many switches of control fall in each pixel column of the whole run. */
export function drawOverview(
  ctx: CanvasRenderingContext2D,
  index: TraceIndex,
  key: AxisKey,
  full: View,
  height: number,
): void {
  const w = Math.max(1, Math.floor(full.width));
  const counts = new Uint32Array(w);
  const s = index.timeline.switches.seq;
  const ppu = full.width / (full.to - full.from || 1);
  const step = Math.max(1, Math.floor(s.size / (w * 64)));
  for (let i = 0; i < s.size; i += step) {
    const px = Math.min(w - 1, Math.floor((key(s.data[i]) - full.from) * ppu));
    if (px >= 0) counts[px]++;
  }
  let top = 1;
  for (const c of counts) if (c > top) top = c;
  ctx.fillStyle = '#56B4E9';
  for (let px = 0; px < w; px++) {
    if (!counts[px]) continue;
    const bh = Math.max(1, (counts[px] / top) * (height - 2));
    ctx.fillRect(px, height - bh, 1, bh);
  }
}

/** Sizes a canvas's backing store for `w`×`h` CSS px at `dpr`, then clears it and returns its context in CSS px. */
export function fitCanvas(c: HTMLCanvasElement, w: number, h: number, dpr: number): CanvasRenderingContext2D {
  if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
    c.width = Math.round(w * dpr);
    c.height = Math.round(h * dpr);
  }
  const ctx = c.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return ctx;
}
