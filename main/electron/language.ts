/**
 * The language of the desktop host's own texts (menu, dialogs, message boxes): the one the page last
 * told it, kept in the data folder, since the menu is drawn before the page loads and the next launch
 * should draw it in that language at once rather than in the system's and then again.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { LANGS, type Lang } from '../../core/session/lesson.ts';
import { writeFileAtomic } from '../session/atomic.ts';

const Saved = z.object({ lang: z.enum(LANGS) });

/** A missing or damaged file reads as none heard yet. */
async function loadLanguage(file: string): Promise<Lang | null> {
  try {
    return Saved.parse(JSON.parse(await readFile(file, 'utf8'))).lang;
  } catch {
    return null;
  }
}

export interface HostLanguage {
  readonly current: Lang;
  /** The page's language: a change is heard by `changed` (the menu is drawn again) and kept; the same language again changes nothing. */
  hear(lang: Lang): Promise<void>;
}

/** The language kept in `file` from the last launch, else `system` (the page's own default) until the page says. */
export async function hostLanguage(
  file: string,
  system: Lang,
  changed: (lang: Lang) => void,
): Promise<HostLanguage> {
  let lang = (await loadLanguage(file)) ?? system;
  return {
    get current() {
      return lang;
    },
    async hear(heard) {
      if (heard === lang) return;
      lang = heard;
      changed(lang);
      await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify({ lang })));
    },
  };
}
