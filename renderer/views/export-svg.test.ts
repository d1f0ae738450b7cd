import { describe, expect, it } from 'vitest';
import { TraceIndex } from '../derive/index.ts';
import { traceFrom } from '../derive/testing.ts';
import { dequeSvg, escapeXml, timelineSvg } from './export-svg.ts';

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

describe('SVG export', () => {
  it('writes the deque view as a well-formed SVG with every item and the maxlen capacity', () => {
    const svg = dequeSvg(index.deques.at(4));
    const tags = checkXml(svg);
    expect(tags[0]).toBe('svg');
    expect(svg).toContain('buf &lt;&amp;&gt; — len 1 / maxlen 3');
    expect(tags.filter((t) => t === 'rect')).toHaveLength(1 + 3);
  });

  it('writes the timeline as a well-formed SVG with lane names, bars, axis ticks and the cursor', () => {
    const svg = timelineSvg(index, {
      width: 600,
      laneHeight: 28,
      labelWidth: 100,
      view: { from: 0, to: 5, width: 500 },
      key: (s) => s,
      cursorX: 300,
      ticks: [
        { x: 0, label: '#0' },
        { x: 250, label: '#2.5' },
      ],
    });
    checkXml(svg);
    expect(svg).toContain('>main<');
    expect(svg).toContain('>producer<');
    expect(svg).toContain('x="300.0" y="32" width="200.0"');
    expect(svg).toContain('>#2.5<');
    expect(svg).toContain('>yield None<');
  });

  it('escapes everything XML gives a meaning to', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
