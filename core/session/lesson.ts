/**
 * A lesson as data: a program plus numbered steps, each tied to a moment of the run, with its
 * narration in every language, what it highlights, and the claims of its narration that a real run
 * must bear out. The host reads lesson files (lesson-file.ts validates them); the renderer plays
 * them, and the narration tests check them against real runs (renderer/derive/lesson.ts).
 */
import type { z } from 'zod';
import type { Schemas } from './lesson-file.ts';
import { issuePlace, lessonFlawText, type LessonFlaw } from './lesson-flaws.ts';

export const LANGS = ['en', 'zh-TW'] as const;
export type Lang = (typeof LANGS)[number];

/** Markdown text in every language of the course. */
export type Text = Record<Lang, string>;

export type LessonFile = z.output<Schemas['LessonFile']>;
export type Moment = z.output<Schemas['Moment']>;
export type Claim = z.output<Schemas['Claim']>;
export type Highlight = z.output<Schemas['Highlight']>;
export type LessonStep = z.output<Schemas['Step']>;
export type LessonRun = LessonFile['run'];
export type LessonChart = z.output<Schemas['Chart']>;
/** An event of the run as a claim names it: its kind, the object it concerns, some of its fields. */
export type EventSpec = Extract<Claim, { type: 'never' }>['never'];

/** A lesson as the host lists it: its file's contents, with its program. */
export interface Lesson {
  /** The lesson's folder name without its order prefix: `06-producer_consumer` → `producer_consumer`. */
  id: string;
  title: Text;
  fileName: string;
  source: string;
  intro: Text;
  steps: LessonStep[];
  try?: Text;
  run: LessonRun;
  /** Charts drawn from the program's output, by name. */
  charts?: Record<string, LessonChart>;
  /** What a run names to see the lesson's folder as the program's own (RunRequest.programId). */
  programId?: string;
}

/** A lesson that cannot be offered: its file (relative to the lessons folder), where in it, and what to fix. */
export interface LessonProblem {
  file: string;
  /** The keys down to the field at fault (`['steps', 2, 'at', 'object']`); empty for the whole file. */
  path: (string | number)[];
  flaw: LessonFlaw;
}

/** The lessons the host offers, and the lessons it could not (each with what is wrong). */
export interface LessonList {
  lessons: Lesson[];
  problems: LessonProblem[];
}

/** A problem in one line, in `lang`: `06-x/lesson.yaml: step 3, at.object: …`. */
export function problemText(p: LessonProblem, lang: Lang = 'en'): string {
  const [place, colon] = [issuePlace(p.path, lang), lang === 'en' ? ': ' : ':'];
  return [p.file, ...(place ? [place] : []), lessonFlawText(lang, p.flaw)].join(colon);
}
