import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders headings one level down, paragraphs, lists and inline marks', () => {
    const html = renderMarkdown(
      '# Title\n\nSome **bold** and *soft* `code`\nwrapped.\n\n- one\n- two\n  continued\n\n1. first\n2. second',
    );
    expect(html).toBe(
      [
        '<h2>Title</h2>',
        '<p>Some <strong>bold</strong> and <em>soft</em> <code>code</code> wrapped.</p>',
        '<ul><li>one</li><li>two continued</li></ul>',
        '<ol><li>first</li><li>second</li></ol>',
      ].join('\n'),
    );
  });

  it('keeps code blocks verbatim, escaped', () => {
    expect(renderMarkdown('```python\nif a < b and *x*:\n    pass\n```')).toBe(
      '<pre><code>if a &lt; b and *x*:\n    pass</code></pre>',
    );
  });

  it('never lets HTML through, not even inside marks or code', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n**<img src=x onerror=alert(1)>** `<b>`\n\n- <a href="javascript:x">',
    );
    expect(html).not.toMatch(/<(script|img|a|b)[\s>]/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<code>&lt;b&gt;</code>');
    expect(html).toContain('&quot;javascript:x&quot;');
  });

  it('does not treat asterisks inside code as emphasis', () => {
    expect(renderMarkdown('`a*b*c`')).toBe('<p><code>a*b*c</code></p>');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
