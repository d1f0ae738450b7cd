/**
 * Every text of the interface exists in every language, says the same things (the same `{arguments}`
 * and marks), and formats; and the language follows the system until the user picks one.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LANGS, MESSAGES, type MessageKey } from './catalog.ts';
import { richText, translate } from './translate.ts';
import { problems, problemText, type ProblemKey } from '../../core/session/problems.ts';

const KEYS = Object.entries(MESSAGES).flatMap(([area, messages]) =>
  Object.keys(messages).map((name) => `${area}.${name}` as MessageKey),
);
const textOf = (key: MessageKey) => {
  const [area, name] = key.split('.') as [keyof typeof MESSAGES, string];
  return (MESSAGES[area] as Record<string, Record<string, string>>)[name];
};

/** The argument and tag names a message uses, sorted: what it says must be the same in every language. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    into.add(el.type === TYPE.tag ? `<${el.value}>` : el.value);
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

describe('the catalogs', () => {
  it.each(KEYS)('%s has every language, with the same arguments', (key) => {
    const texts = textOf(key);
    expect(Object.keys(texts).sort()).toEqual([...LANGS].sort());
    const args = LANGS.map((lang) => {
      expect(texts[lang].trim(), `${key} in ${lang}`).not.toBe('');
      return [...argumentsOf(parse(texts[lang]))].sort();
    });
    for (const a of args) expect(a).toEqual(args[0]);
  });

  it('translates: a Traditional Chinese text is not the English one left in place', () => {
    // Names that are the same in both: formats, products, and key names.
    const words = (text: string) => /[a-z]{3}/i.test(text.replace(/\{[^}]*\}/g, ''));
    const same = KEYS.filter((k) => textOf(k).en === textOf(k)['zh-TW'] && words(textOf(k).en));
    expect(same).toEqual(['desktop.jsonlFiles', 'files.jsonl', 'files.chrome']);
  });

  it('formats numbers and plurals in each language', () => {
    expect(translate('en', 'status.running', { events: 1 })).toBe('Running: 1 event');
    expect(translate('en', 'status.running', { events: 12345 })).toBe('Running: 12,345 events');
    expect(translate('zh-TW', 'status.running', { events: 12345 })).toBe('執行中:12,345 個事件');
  });

  it('keeps marked words as parts, so a value cannot add markup', () => {
    expect(richText('en', 'notices.failed', { action: '<i>x</i>' })).toEqual([
      { text: '<i>x</i> did not work:', mark: null },
    ]);
    const parts = richText('zh-TW', 'help.drop');
    expect(parts.find((p) => p.mark === 'code')).toEqual({ text: '.py', mark: 'code' });
  });

  // What the host and core refuse, said in the page as the main process says it in its message boxes.
  it.each(Object.keys(problems) as ProblemKey[])(
    'says the problem %s in every language, its values filled',
    (key) => {
      const selects = new Set<string>();
      const visit = (elements: MessageFormatElement[]) => {
        for (const el of elements)
          if (el.type === TYPE.select) {
            selects.add(el.value);
            Object.values(el.options).forEach((o) => visit(o.value));
          }
      };
      visit(parse(problems[key].en));
      const names = [...argumentsOf(parse(problems[key].en))];
      const values = Object.fromEntries(names.map((n) => [n, selects.has(n) ? 'other' : `«${n}»`]));
      for (const lang of LANGS) {
        const text = translate(lang, `problems.${key}`, values);
        expect(text).toBe(problemText(lang, { key, values }));
        expect(text).not.toMatch(/[{}]/);
        for (const n of names) if (!selects.has(n)) expect(text, `${key} in ${lang}`).toContain(`«${n}»`);
      }
    },
  );
});
