import { lowerBound } from '../derive/columns.ts';
import { Bars, lodBars, lodCounts, lodMarks, Marks, type AxisKey, type View } from '../derive/lod.ts';
import type { TraceIndex } from '../derive/index.ts';
import { markerLabel, type Say } from '../derive/markers.ts';
import type { Lang } from '../i18n/catalog.ts';
import { translate } from '../i18n/translate.ts';
import { DELEGATING } from '../derive/timeline.ts';
import { Path, type Drawing } from './drawing.ts';
import { laneColour, lanePattern, markerColour } from './palette.ts';

export interface LaneRows {
  first: number;
  last: number;
  height: number;
  /** Pixels scrolled down (rows above `first` are off screen). */
  scrollTop: number;
  /** The theme's text and panel colours, the label size in px and the language, for marker labels. */
  text: string;
  halo: string;
  fontSize: number;
  lang: Lang;
}

/** Marker labels appear once markers are at least this far apart on average. */
const LABEL_SPACING = 40;
const STRIPE = 'rgba(127,127,127,0.09)';
const PATTERN_LINE = 'rgba(0,0,0,0.55)';
const CONNECTOR = 'rgba(127,127,127,0.75)';

const bars = new Bars();
const marks = new Marks();
const connectors = new Marks();

/**
 * Draws the visible lanes, the one place their look is decided (the screen's canvas and the SVG
 * export both draw through it): bars per lane in its colour, merged sub-pixel buckets lighter,
 * delegating spans as a thinner bar, a line through the bars of lanes that repeat an earlier lane's
 * colour, markers (triangles, or plain ticks where dense) with their labels where they fit, then
 * the hand-off connectors. Only the visible window and rows are walked.
 */
export function drawLanes(draw: Drawing, index: TraceIndex, key: AxisKey, view: View, rows: LaneRows): void {
  const { lanes, spans, markers, switches } = index.timeline;
  const h = rows.height;
  const markerXs = new Map<string, number[]>();
  for (let r = rows.first; r <= rows.last && r < lanes.length; r++) {
    const lane = lanes[r];
    const y = r * h - rows.scrollTop;
    if (r % 2) draw.rect(0, y, view.width, h, { fill: STRIPE });
    const s = spans[r];
    lodBars(
      { start: s.start.data, end: s.end.data, state: s.state.data, size: s.size, openEnd: index.ingested },
      key,
      view,
      bars,
    );
    const colour = laneColour(lane.index, lane.kind);
    // Whole bars first, then the lighter merged buckets over them.
    for (let pass = 0; pass < 2; pass++) {
      const paint = { fill: colour, opacity: pass === 0 ? 1 : 0.55 };
      for (let b = 0; b < bars.count; b++) {
        const merged = bars.state[b] === -1;
        if (merged !== (pass === 1)) continue;
        const inset = bars.state[b] === DELEGATING ? h * 0.38 : 4;
        draw.rect(bars.x0[b], y + inset, Math.max(1, bars.x1[b] - bars.x0[b]), h - 2 * inset, paint);
      }
    }
    const pattern = lanePattern(lane.index);
    if (pattern !== 'solid') {
      const line = new Path();
      for (let b = 0; b < bars.count; b++)
        if (bars.x1[b] - bars.x0[b] >= 3) line.move(bars.x0[b], y + h / 2).line(bars.x1[b], y + h / 2);
      draw.path(line, { stroke: PATTERN_LINE, dash: pattern === 'dotted' ? [2, 3] : undefined });
    }
    const m = markers[r];
    lodMarks(m.data, m.size, key, view, marks);
    for (let k = 0; k < marks.count; k++) {
      const c = markerColour(index.trace.kindName(marks.seq[k]));
      let xs = markerXs.get(c);
      if (!xs) markerXs.set(c, (xs = []));
      xs.push(marks.x[k], y + h);
    }
    if (marks.count > 0 && marks.count * LABEL_SPACING < view.width) labelMarks(draw, index, y, rows);
  }
  // Sparse markers are small triangles; dense ones (more than one per few pixels) plain ticks, far cheaper.
  for (const [c, xs] of markerXs) {
    if (xs.length / 2 > view.width / 6) {
      for (let k = 0; k < xs.length; k += 2) draw.rect(xs[k] - 0.5, xs[k + 1] - 6, 1, 5, { fill: c });
      continue;
    }
    const triangles = new Path();
    for (let k = 0; k < xs.length; k += 2)
      triangles
        .move(xs[k], xs[k + 1] - 1)
        .line(xs[k] - 3, xs[k + 1] - 6)
        .line(xs[k] + 3, xs[k + 1] - 6)
        .close();
    draw.path(triangles, { fill: c });
  }
  lodMarks(switches.seq.data, switches.size, key, view, connectors);
  if (connectors.count < view.width / 3) {
    const hands = new Path();
    for (let k = 0; k < connectors.count; k++) {
      const i = lowerBound(switches.seq.data, switches.size, connectors.seq[k]);
      const x = Math.round(connectors.x[k]) + 0.5;
      hands
        .move(x, switches.from.data[i] * h + h / 2 - rows.scrollTop)
        .line(x, switches.to.data[i] * h + h / 2 - rows.scrollTop);
    }
    draw.path(hands, { stroke: CONNECTOR });
  }
}

/** Writes what each marker stands for (yield 'full', send(3), return …) where it fits before the next one. */
function labelMarks(draw: Drawing, index: TraceIndex, y: number, rows: LaneRows): void {
  // A halo in the panel's colour keeps a label readable where it crosses a bar, in either theme.
  const style = { fill: rows.text, halo: rows.halo, size: rows.fontSize };
  const say: Say = (key, values) => translate(rows.lang, key, values);
  for (let k = 0; k < marks.count; k++) {
    const label = markerLabel(index.trace, marks.seq[k], say);
    if (!label) continue;
    const room = (k + 1 < marks.count ? marks.x[k + 1] : Infinity) - marks.x[k] - 6;
    if (draw.measure(label, rows.fontSize) > room) continue;
    draw.text(marks.x[k] + 4, y + 2, label, style);
  }
}

/** The overview strip: how many switches of control fall in each pixel column of the whole run. */
export function drawOverview(
  ctx: CanvasRenderingContext2D,
  index: TraceIndex,
  key: AxisKey,
  full: View,
  height: number,
): void {
  const s = index.timeline.switches.seq;
  const counts = lodCounts(s.data, s.size, key, full);
  const w = counts.length;
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
