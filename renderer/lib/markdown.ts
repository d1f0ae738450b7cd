/**
 * A tiny Markdown renderer for lesson narration. It escapes every character of the source first and
 * only then adds the few tags it knows (headings, paragraphs, lists, emphasis, inline code, code
 * blocks), so no HTML in a lesson can ever reach the page as markup.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Inline marks over already-escaped text: `code`, **strong**, *emphasis*. */
function inline(escaped: string): string {
  const parts = escaped.split(/(`[^`]+`)/g);
  return parts
    .map((part) => {
      if (part.length > 1 && part.startsWith('`') && part.endsWith('`'))
        return `<code>${part.slice(1, -1)}</code>`;
      return part.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>').replace(/\*([^*]+)\*/g, '<em>$1</em>');
    })
    .join('');
}

type Lines = { tag: 'p' | 'ul' | 'ol' | 'pre'; lines: string[] };
type Block = Lines | { tag: 'h'; level: number; text: string };

function blocks(source: string): Block[] {
  const out: Block[] = [];
  let current = null as Lines | null;
  const flush = () => {
    if (current) out.push(current);
    current = null;
  };
  /** The open block of this kind, starting a new one when another kind is open. */
  const into = (tag: Lines['tag']): Lines => {
    if (current?.tag !== tag) {
      flush();
      current = { tag, lines: [] };
    }
    return current;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (current?.tag === 'pre') {
      if (raw.trimStart().startsWith('```')) flush();
      else current.lines.push(raw);
      continue;
    }
    const line = raw.trim();
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    if (line.startsWith('```')) {
      flush();
      into('pre');
    } else if (line === '') flush();
    else if (heading) {
      flush();
      out.push({ tag: 'h', level: heading[1].length, text: heading[2] });
    } else if (bullet || numbered) {
      into(bullet ? 'ul' : 'ol').lines.push((bullet ?? numbered)![1]);
    } else if (current && current.tag !== 'p' && current.lines.length > 0) {
      // A continuation line of the last list item.
      current.lines[current.lines.length - 1] += ` ${line}`;
    } else into('p').lines.push(line);
  }
  flush();
  return out;
}

export function renderMarkdown(source: string): string {
  return blocks(source)
    .map((b) => {
      if (b.tag === 'h') return `<h${b.level + 1}>${inline(escapeHtml(b.text))}</h${b.level + 1}>`;
      if (b.tag === 'pre') return `<pre><code>${escapeHtml(b.lines.join('\n'))}</code></pre>`;
      if (b.tag === 'p') return `<p>${inline(escapeHtml(b.lines.join(' ')))}</p>`;
      return `<${b.tag}>${b.lines.map((l) => `<li>${inline(escapeHtml(l))}</li>`).join('')}</${b.tag}>`;
    })
    .join('\n');
}
