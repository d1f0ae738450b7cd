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
import { lessonFileSchema } from '../../core/session/lesson-file.ts';
import { issueFlaw, type LessonFlaw } from '../../core/session/lesson-flaws.ts';
import { problemText, type Lesson, type LessonList, type LessonProblem } from '../../core/session/lesson.ts';

const FOLDER = /^(\d+)-([a-z0-9_]+)$/;
export const LESSON_FILE = 'lesson.yaml';

/** A lesson that cannot be offered, and why. */
class LessonError extends Error {
  constructor(readonly problems: LessonProblem[]) {
    super(problems.map((p) => problemText(p)).join('\n'));
  }
}

/** One problem of `file`, at `path` in it. */
function refused(file: string, flaw: LessonFlaw, path: (string | number)[] = []): LessonError {
  return new LessonError([{ file, path, flaw }]);
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
      throw refused(
        file,
        programs.length === 0
          ? { key: 'lessonNoProgram' }
          : { key: 'lessonManyPrograms', values: { count: programs.length, names: programs.join(', ') } },
        ['program'],
      );
    fileName = programs[0];
  }
  try {
    return { fileName, source: await readFile(join(folder, fileName), 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw refused(file, { key: 'lessonProgramMissing', values: { name: fileName } }, ['program']);
  }
}

/**
 * The folder of lessons a host offers: YIELDSCOPE_LESSONS_DIR when set (a teacher's own lessons, in
 * the format of assets/lessons/README.md), else the lessons shipped with the app.
 */
export function lessonsFolder(shipped: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.YIELDSCOPE_LESSONS_DIR || shipped;
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
      throw refused(file, { key: 'lessonNotYaml', values: { detail: error.message } });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw refused(file, { key: 'lessonNoFile', values: { file: LESSON_FILE } });
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
      parsed.error.issues.map((issue) => ({
        file,
        path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
        flaw: issueFlaw(issue),
      })),
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
    .map((n) => ({ file: n, path: [], flaw: { key: 'lessonFolderName' } }));
  const folders = dirs
    .filter((n) => FOLDER.test(n))
    .sort((a, b) => Number(FOLDER.exec(a)![1]) - Number(FOLDER.exec(b)![1]) || a.localeCompare(b));
  const lessons: Lesson[] = [];
  for (const dirName of folders) {
    try {
      const lesson = await readLesson(join(folder, dirName), dirName, programIds);
      const twin = lessons.find((l) => l.id === lesson.id);
      if (twin)
        problems.push({ file: dirName, path: [], flaw: { key: 'lessonTwin', values: { id: lesson.id } } });
      else lessons.push(lesson);
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      problems.push(...error.problems);
    }
  }
  return { lessons, problems };
}
