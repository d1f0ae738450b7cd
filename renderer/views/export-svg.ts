import { lengthText } from '../derive/deques.ts';
import { Bars, lodBars, lodMarks, Marks, type AxisKey, type View } from '../derive/lod.ts';
import type { TraceIndex } from '../derive/index.ts';
import { markerLabel } from '../derive/markers.ts';
import { DELEGATING } from '../derive/timeline.ts';
import { cellAt, type Cell, type DequeRow } from './deque-layout.ts';
import { laneColour, markerColour } from './palette.ts';

/** Views redrawn as standalone SVG documents from the same derived data, for slides. */

export function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

function doc(width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="#ffffff"/>${body}</svg>`
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
export function dequeSvg(rows: readonly DequeRow[]): string {
  let width = 360;
  let y = 10;
  let body = '';
  for (const { state: s, layout, cells } of rows) {
    const label =
      `${s.track.name}${s.track.readyQueue ? ' (scheduler ready queue)' : ''} — len ${lengthText(s)}` +
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
    body += `<text x="${LEFT}" y="${top - 4}" font-size="11" fill="#6b7280">left</text>`;
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
    body += `<text x="${rightX}" y="${bottom + 10}" font-size="11" fill="#6b7280" text-anchor="end">right</text></g>`;
    width = Math.max(width, rightX + LEFT, 2 * LEFT + layout.columns * (layout.slotWidth + GAP));
    y = bottom + 30;
  }
  return doc(Math.ceil(width), y, body);
}

export interface TimelineLayout {
  width: number;
  laneHeight: number;
  labelWidth: number;
  view: View;
  key: AxisKey;
  cursorX: number | null;
  ticks: { x: number; label: string }[];
}

/** The timeline as it stands on screen: the same level-of-detail bars and markers, as vector marks. */
export function timelineSvg(index: TraceIndex, layout: TimelineLayout): string {
  const { lanes, spans, markers } = index.timeline;
  const { width, laneHeight, labelWidth, view, key } = layout;
  const plot = view.width;
  const height = lanes.length * laneHeight + 30;
  const bars = new Bars();
  const marks = new Marks();
  let body = '';
  lanes.forEach((lane, r) => {
    const y = r * laneHeight;
    const colour = laneColour(lane.index, lane.kind);
    body += `<text x="6" y="${y + laneHeight / 2 + 4}" font-size="12">${escapeXml(lane.name)}</text>`;
    const s = spans[lane.index];
    lodBars(
      { start: s.start.data, end: s.end.data, state: s.state.data, size: s.size, openEnd: index.ingested },
      key,
      view,
      bars,
    );
    for (let b = 0; b < bars.count; b++) {
      const inset = bars.state[b] === DELEGATING ? laneHeight * 0.35 : 4;
      const x0 = Math.max(0, bars.x0[b]);
      const w = Math.max(0.5, Math.min(plot, bars.x1[b]) - x0);
      body += `<rect x="${(labelWidth + x0).toFixed(1)}" y="${y + inset}" width="${w.toFixed(1)}" height="${laneHeight - 2 * inset}" fill="${colour}"${bars.state[b] === -1 ? ' fill-opacity="0.6"' : ''}/>`;
    }
    const m = markers[lane.index];
    lodMarks(m.data, m.size, key, view, marks);
    const labelled = marks.count * 40 < plot;
    for (let k = 0; k < marks.count; k++) {
      const label = labelled ? markerLabel(index.trace, marks.seq[k]) : '';
      const room = (k + 1 < marks.count ? marks.x[k + 1] : Infinity) - marks.x[k] - 6;
      if (label && label.length * 6.5 <= room)
        body += `<text x="${(labelWidth + marks.x[k] + 4).toFixed(1)}" y="${y + 12}" font-size="11">${escapeXml(label)}</text>`;
    }
    for (let k = 0; k < marks.count; k++)
      body += `<circle cx="${(labelWidth + marks.x[k]).toFixed(1)}" cy="${y + laneHeight - 4}" r="2.5" fill="${markerColour(index.trace.kindName(marks.seq[k]))}"/>`;
  });
  const axisY = lanes.length * laneHeight;
  body += `<line x1="${labelWidth}" x2="${labelWidth + plot}" y1="${axisY}" y2="${axisY}" stroke="#111"/>`;
  for (const t of layout.ticks)
    body +=
      `<line x1="${labelWidth + t.x}" x2="${labelWidth + t.x}" y1="${axisY}" y2="${axisY + 5}" stroke="#111"/>` +
      `<text x="${labelWidth + t.x}" y="${axisY + 18}" font-size="10" text-anchor="middle">${escapeXml(t.label)}</text>`;
  if (layout.cursorX !== null)
    body += `<line x1="${labelWidth + layout.cursorX}" x2="${labelWidth + layout.cursorX}" y1="0" y2="${axisY}" stroke="#D55E00" stroke-width="1.5"/>`;
  return doc(width, height, body);
}
