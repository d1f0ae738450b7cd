import { lengthText, type DequeState } from '../derive/deques.ts';
import { Bars, lodBars, lodMarks, Marks, type AxisKey, type View } from '../derive/lod.ts';
import type { TraceIndex } from '../derive/index.ts';
import { markerLabel } from '../derive/markers.ts';
import { DELEGATING } from '../derive/timeline.ts';
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

const SLOT = 56;
const ROW = 90;

export function dequeSvg(states: DequeState[]): string {
  const slots = Math.max(1, ...states.map((s) => Math.min(40, s.track.maxlen ?? s.items.length)));
  const width = 40 + slots * (SLOT + 4);
  let body = '';
  states.forEach((s, r) => {
    const y = 10 + r * ROW;
    const label =
      `${s.track.name}${s.track.readyQueue ? ' (scheduler ready queue)' : ''} — len ${lengthText(s)}` +
      (s.track.maxlen !== null ? ` / maxlen ${s.track.maxlen}` : '');
    body += `<text x="20" y="${y + 16}" font-size="14" font-weight="bold">${escapeXml(label)}</text>`;
    const capacity = Math.min(40, s.track.maxlen ?? s.items.length);
    const shown = s.items.slice(Math.max(0, s.items.length - 40));
    for (let k = 0; k < Math.max(capacity, shown.length); k++) {
      const x = 20 + k * (SLOT + 4);
      const item = shown[k];
      body +=
        item === undefined
          ? `<rect x="${x}" y="${y + 26}" width="${SLOT}" height="40" rx="4" fill="none" stroke="#9ca3af" stroke-dasharray="4 3"/>`
          : `<rect x="${x}" y="${y + 26}" width="${SLOT}" height="40" rx="4" fill="#e8f1f8" stroke="#0072B2" stroke-width="2"/>` +
            `<text x="${x + SLOT / 2}" y="${y + 51}" font-size="13" font-family="monospace" text-anchor="middle">${escapeXml(item.length > 7 ? item.slice(0, 6) + '…' : item)}</text>`;
    }
  });
  return doc(width, 20 + states.length * ROW, body);
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
