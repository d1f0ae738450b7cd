/** The interface's language when the user has not picked one: the system's, which the page and the desktop host both read. */
import { LANGS, type Lang } from './lesson.ts';

/**
 * The language for someone whose browser or system prefers `preferred` (most wanted first):
 * Chinese of any script or region reads the Traditional Chinese catalog, anything else English.
 */
export function preferredLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base === 'zh') return 'zh-TW';
    const known = LANGS.find((l) => l.toLowerCase() === base);
    if (known) return known;
  }
  return 'en';
}
