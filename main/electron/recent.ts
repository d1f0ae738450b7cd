/** Recent files: most recent first, no duplicates, at most RECENT_LIMIT, kept as JSON in the data folder. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../session/atomic.ts';

export const RECENT_LIMIT = 10;

export function addRecent(list: readonly string[], path: string): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, RECENT_LIMIT);
}

const Saved = z.array(z.string()).max(RECENT_LIMIT);

/** A missing or damaged list reads as empty: recent files are a convenience, never a reason to fail. */
export async function loadRecent(file: string): Promise<string[]> {
  try {
    return Saved.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return [];
  }
}

export async function saveRecent(file: string, list: readonly string[]): Promise<void> {
  await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(list)));
}
