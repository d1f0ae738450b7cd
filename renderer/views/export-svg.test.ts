import { describe, expect, it } from 'vitest';
import { TraceIndex } from '../derive/index.ts';
import { traceFrom } from '../derive/testing.ts';
import { dequeCells, layoutSlots, type DequeRow, type SlotSpace } from './deque-layout.ts';
import { escapeXml } from './drawing.ts';
import { dequeSvg, timelineSvg } from './export-svg.ts';

/** A strict well-formedness check for the XML these exports write: balanced tags, quoted attributes, escaped text. */
function checkXml(xml: string): string[] {
  const stack: string[] = [];
  const tags: string[] = [];
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let at = 0;
  while (at < xml.length) {
    token.lastIndex = at;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${at}: ${xml.slice(at, at + 40)}`);
    at = token.lastIndex;
    const [, closing, name, , selfClosing, text] = m;
    if (text !== undefined) {
      if (/&(?!(lt|gt|amp|quot|apos);)/.test(text)) throw new Error(`unescaped & in ${text}`);
      continue;
    }
    tags.push(name);
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes nothing open`);
    } else if (!selfClosing) stack.push(name);
  }
  if (stack.length) throw new Error(`unclosed ${stack.join(', ')}`);
  return tags;
}

const trace = traceFrom([
  ['deque.create', { obj: 1, maxlen: 3, items: '[]', name: 'buf <&>' }],
  ['gen.create', { obj: 2, name: 'producer', genkind: 'generator' }],
  ['gen.resume', { obj: 2, by: 0, via: 'next', value: null }],
  ['deque.op', { obj: 1, op: 'append', arg: '\'<tag & "q">\'', value: null, dropped: null, len: 1 }],
  ['gen.yield', { obj: 2, value: 'None' }],
]);
const index = new TraceIndex(trace).update();

/** The deques at `seq` laid out as the view lays them out in a panel `width` px wide. */
function rowsAt(at: TraceIndex, seq: number, width: number): DequeRow[] {
  const space: SlotSpace = { width, minSlot: 30, maxSlot: 40, gap: 2, maxCells: 40 };
  return at.deques.at(seq).map((state) => {
    const layout = layoutSlots(state.items.length, state.track.maxlen, space);
    return { state, layout, cells: dequeCells(state, layout) };
  });
}

/** The slots an exported deque drawing holds: each rect of class slot, with its position. */
function slotsIn(svg: string): { item: boolean; x: number; y: number }[] {
  return [...svg.matchAll(/<rect class="slot( item)?" x="([\d.]+)" y="([\d.]+)"/g)].map((m) => ({
    item: m[1] !== undefined,
    x: Number(m[2]),
    y: Number(m[3]),
  }));
}

describe('SVG export', () => {
  it('writes the deque view as a well-formed SVG with every item and the maxlen capacity', () => {
    const svg = dequeSvg(rowsAt(index, 4, 500), 'en');
    const tags = checkXml(svg);
    expect(tags[0]).toBe('svg');
    expect(svg).toContain('buf &lt;&amp;&gt; — len 1 / maxlen 3');
    expect(slotsIn(svg).map((s) => s.item)).toEqual([true, false, false]);
  });

  it('wraps a full deque(maxlen=10) in a narrow panel onto the same two lines of five the view shows', () => {
    const full = new TraceIndex(
      traceFrom([
        ['deque.create', { obj: 1, maxlen: 10, items: '[]', name: 'buffer' }],
        ...Array.from({ length: 10 }, (_, k): Parameters<typeof traceFrom>[0][number] => [
          'deque.op',
          { obj: 1, op: 'append', arg: String(k), value: null, dropped: null, len: k + 1 },
        ]),
      ]),
    ).update();
    const rows = rowsAt(full, 10, 200);
    expect(rows[0].layout.columns).toBe(5);
    const svg = dequeSvg(rows, 'en');
    expect(checkXml(svg)[0]).toBe('svg');
    expect(svg).toContain('buffer — len 10 / maxlen 10');
    const slots = slotsIn(svg);
    expect(slots).toHaveLength(10);
    expect(slots.every((s) => s.item)).toBe(true);
    const lines = [...new Set(slots.map((s) => s.y))];
    expect(lines).toHaveLength(2);
    expect(slots.filter((s) => s.y === lines[0]).map((s) => s.x)).toEqual(
      slots.filter((s) => s.y === lines[1]).map((s) => s.x),
    );
    expect(svg).toMatch(/>9<\/text><text [^>]*text-anchor="end">right</);
  });

  it('draws a long unbounded deque as its two ends around a "…N" cell', () => {
    const long = new TraceIndex(
      traceFrom([
        ['deque.create', { obj: 1, maxlen: null, items: '[]', name: 'log' }],
        [
          'deque.op',
          {
            obj: 1,
            op: 'extend',
            arg: `[${Array.from({ length: 100 }, (_, k) => k).join(', ')}]`,
            value: null,
            dropped: null,
            len: 100,
          },
        ],
      ]),
    ).update();
    const svg = dequeSvg(rowsAt(long, 1, 2000), 'en');
    checkXml(svg);
    expect(slotsIn(svg)).toHaveLength(40);
    expect(svg).toContain('>…61<');
    expect(svg).toContain('>99<');
  });

  it('writes the timeline as a well-formed SVG with lane names, bars, axis ticks and the cursor', () => {
    const svg = timelineSvg(
      index,
      {
        labelWidth: 100,
        laneHeight: 28,
        axisHeight: 26,
        view: { from: 0, to: 5, width: 500 },
        key: (s) => s,
        cursorX: 300,
        ticks: [
          { x: 0, label: '#0' },
          { x: 250, label: '#2.5' },
        ],
        colours: { text: '#111111', panel: '#ffffff', muted: '#555555', cursor: '#d55e00' },
        fonts: { lane: 13, marker: 12, tick: 12 },
        lang: 'en',
      },
      (text, size) => text.length * size * 0.6,
    );
    checkXml(svg);
    expect(svg).toContain('>main<');
    expect(svg).toContain('>producer<');
    // The producer runs from event 2 to 4 of 5 in a 500 px plot: a bar from 200 to 400 px in its lane.
    expect(svg).toContain('<rect x="200" y="32" width="200" height="20" fill="#0072B2"/>');
    expect(svg).toContain('>#2.5<');
    expect(svg).toContain('>yield None<');
    expect(svg).toContain(
      '<line x1="400" y1="0" x2="400" y2="56" fill="none" stroke="#d55e00" stroke-width="2"/>',
    );
  });

  it('escapes everything XML gives a meaning to', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
