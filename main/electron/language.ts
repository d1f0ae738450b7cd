/**
 * The interface's language as the desktop host last heard it from the page, kept in the data folder:
 * the menu is drawn before the page loads, so the next launch draws it in that language at once
 * rather than in the system's and then again.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { LANGS, type Lang } from '../../core/session/lesson.ts';
import { writeFileAtomic } from '../session/atomic.ts';

const Saved = z.object({ lang: z.enum(LANGS) });

/** A missing or damaged file reads as none heard yet: the system's language is used until the page says. */
export async function loadLanguage(file: string): Promise<Lang | null> {
  try {
    return Saved.parse(JSON.parse(await readFile(file, 'utf8'))).lang;
  } catch {
    return null;
  }
}

export async function saveLanguage(file: string, lang: Lang): Promise<void> {
  await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify({ lang })));
}
