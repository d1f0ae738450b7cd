/**
 * The language of the interface: the user's choice, remembered; until they choose, the system's
 * (the browser's languages, which Electron takes from the OS). `t()` reads it, so text in markup
 * and in `$derived` changes language at once.
 */
import { loadStored, saveStored } from '../state/stored.ts';
import { LANGS, type Lang, type MessageKey } from './catalog.ts';
import { preferredLang } from '../../core/session/language.ts';
import type { Problem } from '../../core/session/problems.ts';
import { richText, translate, type Part, type Values } from './translate.ts';

const KEY = 'yieldscope.language';

class Locale {
  /** The language chosen in the interface, or '' to follow the system. */
  chosen = $state<Lang | ''>('');
  readonly system: Lang = preferredLang(globalThis.navigator?.languages ?? []);

  constructor() {
    const stored = loadStored(KEY, { chosen: '' as string });
    this.chosen = (LANGS as readonly string[]).includes(stored.chosen) ? (stored.chosen as Lang) : '';
    $effect.root(() => {
      $effect(() => saveStored(KEY, { chosen: this.chosen }));
    });
  }

  get lang(): Lang {
    return this.chosen || this.system;
  }

  set lang(lang: Lang) {
    this.chosen = lang;
  }
}

export const locale = new Locale();

/** The text of `key` in the interface's language. */
export function t(key: MessageKey, values?: Values): string {
  return translate(locale.lang, key, values);
}

/** A problem the host or core reported, in the interface's language. */
export function tProblem({ key, values }: Problem): string {
  return t(`problems.${key}`, values);
}

/** The text of `key` in the interface's language, as plain and marked parts (see `RichText.svelte`). */
export function tRich(key: MessageKey, values?: Values): Part[] {
  return richText(locale.lang, key, values);
}
