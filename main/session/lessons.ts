/**
 * The lessons offered in the lesson picker: every `NAME.py` in the lessons folder, with `NAME.md`
 * beside it as its narration (Markdown; optional). Lessons are listed in file-name order, so a
 * numeric prefix (`01-producer-consumer.py`) sets their order.
 *
 * A lesson's first comment lines may give its metadata, one `# key: value` per line, before any code:
 *
 *   # title: Producer and consumer over a bounded deque
 *   # policy: fifo
 *
 * `title` defaults to the file name in words; `policy` (fifo | lifo | random | priority) is the
 * scheduler policy the lesson starts with. Other comment lines are ignored and end nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lesson } from '../../core/session/protocol.ts';

const POLICIES = ['fifo', 'lifo', 'random', 'priority'] as const;
type Policy = (typeof POLICIES)[number];

export interface LessonHeader {
  title?: string;
  policy?: Policy;
}

/** Reads the `# key: value` lines at the top of a lesson's source. */
export function readLessonHeader(source: string): LessonHeader {
  const header: LessonHeader = {};
  for (const line of source.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (!trimmed.startsWith('#')) break;
    const match = /^#\s*(title|policy)\s*:\s*(.+?)\s*$/i.exec(trimmed);
    if (!match) continue;
    const [, key, value] = match;
    if (key.toLowerCase() === 'title') header.title = value;
    else if ((POLICIES as readonly string[]).includes(value.toLowerCase()))
      header.policy = value.toLowerCase() as Policy;
  }
  return header;
}

/** `02-round_robin` → `Round robin`. */
export function titleFromFileName(id: string): string {
  const words =
    id
      .replace(/^\d+[-_ ]*/, '')
      .replace(/[-_]+/g, ' ')
      .trim() || id;
  return words[0].toUpperCase() + words.slice(1);
}

export async function listLessons(folder: string): Promise<Lesson[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const programs = names.filter((n) => n.endsWith('.py')).sort();
  return Promise.all(
    programs.map(async (fileName) => {
      const id = fileName.slice(0, -'.py'.length);
      const source = await readFile(join(folder, fileName), 'utf8');
      const narration = names.includes(`${id}.md`) ? await readFile(join(folder, `${id}.md`), 'utf8') : '';
      const header = readLessonHeader(source);
      const lesson: Lesson = {
        id,
        title: header.title ?? titleFromFileName(id),
        fileName,
        source,
        narration,
      };
      if (header.policy) lesson.policy = header.policy;
      return lesson;
    }),
  );
}
