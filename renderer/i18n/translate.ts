/**
 * Messages by key in a language, formatted with ICU MessageFormat (`{count, plural, one {# event}
 * other {# events}}`, `{name}`), so numbers and plurals follow the language's own rules. A message
 * may mark words with `<b>…</b>` or `<code>…</code>`: `richText` returns them as parts, never as
 * HTML, so a value (a file name) can never inject markup.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { MESSAGES, type Lang, type Message, type MessageKey } from './catalog.ts';

export type Values = Record<string, string | number>;

/** A run of text of a message, plain or marked. */
export interface Part {
  text: string;
  mark: 'b' | 'code' | null;
}

const formats = new Map<string, IntlMessageFormat>();

function formatOf(lang: Lang, key: MessageKey): IntlMessageFormat {
  const id = `${lang}\u0000${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new IntlMessageFormat(messageOf(key)[lang], lang);
    formats.set(id, format);
  }
  return format;
}

/** The text of `key` in `lang`, its `{arguments}` filled from `values` (marks dropped, their words kept). */
export function translate(lang: Lang, key: MessageKey, values?: Values): string {
  return richText(lang, key, values)
    .map((p) => p.text)
    .join('');
}

/** The text of `key` in `lang` as plain and marked parts, in order. */
export function richText(lang: Lang, key: MessageKey, values?: Values): Part[] {
  const tag = (mark: 'b' | 'code') => (chunks: unknown[]) => ({ text: chunks.join(''), mark });
  const out = formatOf(lang, key).format<Part>({ ...values, b: tag('b'), code: tag('code') });
  const parts = Array.isArray(out) ? out : [out];
  return parts.map((p) => (typeof p === 'object' && p !== null ? p : { text: String(p), mark: null }));
}

/** A key's texts in every language. */
export function messageOf(key: MessageKey): Message {
  const dot = key.indexOf('.');
  const area: Record<string, Message> = MESSAGES[key.slice(0, dot) as keyof typeof MESSAGES];
  return area[key.slice(dot + 1)];
}
