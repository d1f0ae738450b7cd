import { describe, expect, it } from 'vitest';
import { desktop, desktopText } from './desktop-texts.ts';

describe("the desktop host's texts", () => {
  it('are plain text, shown by the main process as the page would format them', () => {
    // Braces, tags and quotes mean something to the page's message format, nothing to a menu.
    const marked = Object.values(desktop)
      .flatMap((text) => Object.values(text))
      .filter((text) => /[{}<>']/.test(text));
    expect(marked).toEqual([]);
  });

  it('are looked up in the language asked for', () => {
    expect(desktopText('en', 'openTrace')).toBe('Open Trace…');
    expect(desktopText('zh-TW', 'openTrace')).toBe('開啟追蹤…');
  });
});
