import { lengthText } from '../derive/deques.ts';
import type { AxisKey, View } from '../derive/lod.ts';
import type { Lang } from '../i18n/catalog.ts';
import { translate } from '../i18n/translate.ts';
import type { TraceIndex } from '../derive/index.ts';
import { cellAt, type Cell, type DequeRow } from './deque-layout.ts';
import { drawLanes } from './draw-timeline.ts';
import { escapeXml, FONT_FAMILY, Path, SvgDrawing } from './drawing.ts';
import { laneColour } from './palette.ts';

/** Views as standalone SVG documents, for slides: each drawn from what its view shows. */

function doc(width: number, height: number, body: string, background = '#ffffff'): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${FONT_FAMILY}"><rect width="100%" height="100%" fill="${background}"/>${body}</svg>`
  );
}

/** Slot height and the gap between slots, px (the view's 2.2 rem at 16 px and its 2 px grid gap). */
const SLOT_H = 36;
const GAP = 2;
const LEFT = 20;
/** Monospace item text: 13 px, about 0.6 em a character. */
const CHAR_PX = 13 * 0.6;
/** The operation shown beside a deque's title is cut to this many characters. */
const OP_CHARS = 48;

function slotText(text: string, slotWidth: number): string {
  const room = Math.max(1, Math.floor((slotWidth - 6) / CHAR_PX));
  return text.length > room ? text.slice(0, Math.max(1, room - 1)) + '…' : text;
}

function cellSvg(cell: Cell, x: number, y: number, w: number): string {
  const box = (style: string) =>
    `<rect class="slot${cell.kind === 'item' ? ' item' : ''}" x="${x}" y="${y}" width="${w}" height="${SLOT_H}" rx="4" ${style}/>`;
  const text = (t: string, style: string) =>
    `<text x="${x + w / 2}" y="${y + SLOT_H / 2 + 4.5}" text-anchor="middle" ${style}>${escapeXml(t)}</text>`;
  switch (cell.kind) {
    case 'item':
      return (
        box('fill="#e8f1f8" stroke="#0072B2" stroke-width="2"') +
        text(slotText(cell.text, w), 'font-size="13" font-family="monospace"')
      );
    case 'more':
    case 'unnamed':
      return (
        box('fill="none" stroke="#6b7280" stroke-width="2" stroke-dasharray="1 3"') +
        text(`…${cell.count ?? ''}`, 'font-size="11" fill="#6b7280"')
      );
    case 'free':
      return box('fill="none" stroke="#9ca3af" stroke-dasharray="4 3"');
  }
}

/**
 * The deque view as it stands: each deque's title, then its cells wrapped onto lines exactly as the
 * view lays them out (same columns and slot width), between the "left" and "right" end captions.
 */
export function dequeSvg(rows: readonly DequeRow[], lang: Lang): string {
  let width = 360;
  let y = 10;
  let body = '';
  for (const { state: s, layout, cells } of rows) {
    const label =
      `${s.track.name}${s.track.readyQueue ? ` (${translate(lang, 'views.readyQueue')})` : ''} — len ${lengthText(s)}` +
      (s.track.maxlen !== null ? ` / maxlen ${s.track.maxlen}` : '');
    const call = s.op ? `${s.op.op}(${s.op.arg ?? ''})${s.op.value !== null ? ` → ${s.op.value}` : ''}` : '';
    // A long argument (extend of a big list) would make the slide as wide as the list.
    const op = call.length > OP_CHARS ? call.slice(0, OP_CHARS - 1) + '…' : call;
    body += `<g class="deque" data-name="${escapeXml(s.track.name)}">`;
    body += `<text x="${LEFT}" y="${y + 16}" font-size="14"><tspan font-weight="bold">${escapeXml(label)}</tspan>`;
    if (op) body += `<tspan dx="12" font-family="monospace" fill="#0072B2">${escapeXml(op)}</tspan>`;
    body += '</text>';
    width = Math.max(width, 2 * LEFT + label.length * 7.5 + 12 + op.length * 8.5);
    const top = y + 40;
    body += `<text x="${LEFT}" y="${top - 4}" font-size="11" fill="#6b7280">${escapeXml(translate(lang, 'views.left'))}</text>`;
    cells.forEach((cell, i) => {
      const { row, column } = cellAt(layout, i);
      body += cellSvg(
        cell,
        LEFT + (column - 1) * (layout.slotWidth + GAP),
        top + (row - 2) * (SLOT_H + GAP),
        layout.slotWidth,
      );
    });
    const lines = Math.max(1, Math.ceil(layout.cells / layout.columns));
    const end = cellAt(layout, Math.max(0, layout.cells - 1));
    const rightX = LEFT + end.column * (layout.slotWidth + GAP) - GAP;
    const bottom = top + lines * (SLOT_H + GAP);
    body += `<text x="${rightX}" y="${bottom + 10}" font-size="11" fill="#6b7280" text-anchor="end">${escapeXml(translate(lang, 'views.right'))}</text></g>`;
    width = Math.max(width, rightX + LEFT, 2 * LEFT + layout.columns * (layout.slotWidth + GAP));
    y = bottom + 30;
  }
  return doc(Math.ceil(width), y, body);
}

/** The theme's colours the timeline is drawn in. */
export interface TimelineColours {
  text: string;
  panel: string;
  muted: string;
  cursor: string;
}

/** The timeline as laid out on screen: every size is the screen's, in px. */
export interface TimelineLayout {
  labelWidth: number;
  laneHeight: number;
  axisHeight: number;
  /** The window in view and the plot's width. */
  view: View;
  key: AxisKey;
  cursorX: number | null;
  ticks: { x: number; label: string }[];
  colours: TimelineColours;
  /** Font sizes: lane names, marker labels, tick labels. */
  fonts: { lane: number; marker: number; tick: number };
  /** The language of the marker labels, the interface's. */
  lang: Lang;
}

/** The lane-name column's colour bar, px (the labels' left border on screen). */
const SWATCH = 6;

/**
 * The timeline as it stands on screen, every lane of it: the lanes drawn by the screen's own
 * `drawLanes` for the same window, beside their names, over the axis, with the cursor. `measure`
 * is the screen's text measure, so marker labels are kept or dropped as on screen.
 */
export function timelineSvg(
  index: TraceIndex,
  layout: TimelineLayout,
  measure: (text: string, size: number) => number,
): string {
  const { lanes } = index.timeline;
  const { labelWidth, laneHeight: h, view, colours, fonts } = layout;
  const plot = view.width;
  const lanesH = lanes.length * h;
  const draw = new SvgDrawing(measure);
  for (const lane of lanes) {
    const y = lane.index * h;
    draw.rect(0, y, SWATCH, h, { fill: laneColour(lane.index, lane.kind) });
    draw.text(2 * SWATCH, y + h / 2, fitted(lane.name, labelWidth - 3 * SWATCH, fonts.lane, measure), {
      fill: colours.text,
      size: fonts.lane,
      baseline: 'middle',
    });
  }
  const plotted = new SvgDrawing(measure);
  drawLanes(plotted, index, layout.key, view, {
    first: 0,
    last: lanes.length - 1,
    height: h,
    scrollTop: 0,
    text: colours.text,
    halo: colours.panel,
    fontSize: fonts.marker,
    lang: layout.lang,
  });
  let body =
    `<defs><clipPath id="plot"><rect width="${plot}" height="${lanesH}"/></clipPath></defs>` +
    draw.body +
    `<g class="lanes" transform="translate(${labelWidth},0)" clip-path="url(#plot)">${plotted.body}</g>`;
  const axis = new SvgDrawing(measure);
  // As the screen's axis (d3's axisBottom): the domain line with a tick at each end.
  axis.path(
    new Path()
      .move(0.5, 6)
      .line(0.5, 0.5)
      .line(plot + 0.5, 0.5)
      .line(plot + 0.5, 6),
    {
      stroke: colours.muted,
    },
  );
  for (const t of layout.ticks) {
    axis.line(t.x + 0.5, 0, t.x + 0.5, 6, { stroke: colours.muted });
    axis.text(t.x + 0.5, 9, t.label, { fill: colours.text, size: fonts.tick, anchor: 'middle' });
  }
  body += `<g class="axis" transform="translate(${labelWidth},${lanesH})">${axis.body}</g>`;
  if (layout.cursorX !== null && layout.cursorX >= 0 && layout.cursorX <= plot) {
    const cursor = new SvgDrawing(measure);
    const x = labelWidth + layout.cursorX;
    cursor.line(x, 0, x, lanesH, { stroke: colours.cursor, width: 2 });
    body += cursor.body;
  }
  return doc(labelWidth + plot, lanesH + layout.axisHeight, body, colours.panel);
}

/** `text` cut with an ellipsis to fit `room` px, as the screen's labels are. */
function fitted(text: string, room: number, size: number, measure: (t: string, s: number) => number): string {
  if (measure(text, size) <= room) return text;
  let n = text.length;
  while (n > 1 && measure(text.slice(0, n - 1) + '…', size) > room) n--;
  return text.slice(0, n - 1) + '…';
}
