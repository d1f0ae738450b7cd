/**
 * The lessons offered in the lesson picker: every folder `NN-id` of the lessons folder that holds a
 * `lesson.yaml` and its program (assets/lessons/README.md describes the format). `NN` orders the
 * lessons; `id` names the lesson. A lesson that fails validation is left out and reported with the
 * file, the step and the field at fault, so a teacher can fix it without reading code.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load, YAMLException } from 'js-yaml';
import { issuePlace, lessonFileSchema } from '../../core/session/lesson-file.ts';
import { problemText, type Lesson, type LessonList, type LessonProblem } from '../../core/session/lesson.ts';

const FOLDER = /^(\d+)-([a-z0-9_]+)$/;
export const LESSON_FILE = 'lesson.yaml';

/** A lesson that cannot be offered, and why. */
class LessonError extends Error {
  constructor(readonly problems: LessonProblem[]) {
    super(problems.map(problemText).join('\n'));
  }
}

async function readProgram(
  folder: string,
  id: string,
  named: string | undefined,
): Promise<{ fileName: string; source: string }> {
  const file = `${id}/${LESSON_FILE}`;
  let fileName = named;
  if (!fileName) {
    const programs = (await readdir(folder)).filter((n) => n.endsWith('.py'));
    if (programs.length !== 1)
      throw new LessonError([
        {
          file,
          place: 'program',
          message:
            programs.length === 0
              ? "no program: put the lesson's .py file beside lesson.yaml"
              : `the folder holds ${programs.length} programs (${programs.join(', ')}): say which one with 'program: NAME.py'`,
        },
      ]);
    fileName = programs[0];
  }
  try {
    return { fileName, source: await readFile(join(folder, fileName), 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new LessonError([{ file, place: 'program', message: `${fileName} is not in the lesson's folder` }]);
  }
}

/** Gives a program's host path the id a run names it by (the session's OpenedPrograms.issue). */
export type ProgramIds = (path: string) => string;

/** Reads and validates the lesson in `folder` (named `dirName`). */
export async function readLesson(folder: string, dirName: string, programIds?: ProgramIds): Promise<Lesson> {
  const file = `${dirName}/${LESSON_FILE}`;
  const id = FOLDER.exec(dirName)?.[2] ?? dirName;
  let data: unknown;
  try {
    data = load(await readFile(join(folder, LESSON_FILE), 'utf8'), { filename: file });
  } catch (error) {
    if (error instanceof YAMLException)
      throw new LessonError([{ file, place: '', message: `not valid YAML: ${error.message}` }]);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new LessonError([
        { file, place: '', message: `missing: every lesson folder holds a ${LESSON_FILE}` },
      ]);
    throw error;
  }
  const named = typeof data === 'object' && data !== null && 'program' in data ? data.program : undefined;
  const { fileName, source } = await readProgram(
    folder,
    dirName,
    typeof named === 'string' ? named : undefined,
  );
  const parsed = lessonFileSchema(source).safeParse(data);
  if (!parsed.success)
    throw new LessonError(
      parsed.error.issues.map((issue) => ({ file, place: issuePlace(issue.path), message: issue.message })),
    );
  const { title, intro, steps, run } = parsed.data;
  const lesson: Lesson = { id, title, fileName, source, intro, steps, run };
  if (parsed.data.try) lesson.try = parsed.data.try;
  if (parsed.data.charts) lesson.charts = parsed.data.charts;
  if (programIds) lesson.programId = programIds(join(folder, fileName));
  return lesson;
}

/** The lessons in `folder`, each with the id its runs mount its folder by, when `programIds` issues them. */
export async function listLessons(folder: string, programIds?: ProgramIds): Promise<LessonList> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lessons: [], problems: [] };
    throw error;
  }
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const problems: LessonProblem[] = dirs
    .filter((n) => !FOLDER.test(n))
    .map((n) => ({
      file: n,
      place: '',
      message:
        "not a lesson folder's name: name it NN-name, a number that orders the lessons, a dash, then lowercase letters, digits or _ (06-producer_consumer)",
    }));
  const folders = dirs
    .filter((n) => FOLDER.test(n))
    .sort((a, b) => Number(FOLDER.exec(a)![1]) - Number(FOLDER.exec(b)![1]) || a.localeCompare(b));
  const lessons: Lesson[] = [];
  for (const dirName of folders) {
    try {
      const lesson = await readLesson(join(folder, dirName), dirName, programIds);
      const twin = lessons.find((l) => l.id === lesson.id);
      if (twin)
        problems.push({
          file: dirName,
          place: '',
          message: `another lesson folder is also named '${lesson.id}': give each lesson its own name`,
        });
      else lessons.push(lesson);
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      problems.push(...error.problems);
    }
  }
  return { lessons, problems };
}
