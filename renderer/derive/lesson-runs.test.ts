/**
 * The narration tests: every shipped lesson runs for real, and every claim of every step of its
 * narration is checked at that step's moment, with the logic the lesson player uses. A lesson a
 * teacher adds is tested here too, without a line of code. Predict, too, finds questions to ask in
 * every lesson's run, each answered by the run.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTrace } from '../../core/run/record.ts';
import { Runner } from '../../core/run/runner.ts';
import { probeUnderTest } from '../../core/run/probe-under-test.ts';
import { listLessons } from '../../main/session/lessons.ts';
import { TraceIndex } from './index.ts';
import { checkLesson, stepMoments } from './lesson.ts';
import { questionsBetween } from './predict.ts';

// As the app runs a lesson: in its own folder (here the id a run names the program by is its path).
const { lessons } = await listLessons(
  fileURLToPath(new URL('../../assets/lessons', import.meta.url)),
  (path) => path,
);

let runner: Runner;
beforeAll(() => {
  runner = new Runner({ probe: probeUnderTest() });
});
afterAll(() => runner.close());

describe('every lesson’s narration is true of a real run', () => {
  it.each(lessons.map((lesson) => [lesson.id, lesson] as const))('%s', async (_, lesson) => {
    const { trace } = await recordTrace(
      {
        source: lesson.source,
        fileName: lesson.fileName,
        programDir: dirname(lesson.programId!),
        ...lesson.run,
      },
      runner,
    );
    const index = new TraceIndex(trace).update();
    expect(checkLesson(index, lesson)).toEqual([]);
    // Steps happen in order, each at its own moment: the player pauses at each one.
    const moments = stepMoments(index, lesson) as number[];
    expect(moments.every((seq, k) => k === 0 || seq > moments[k - 1])).toBe(true);
    // Predict asks before a step about what the run does from the step before (the first, from its start).
    const asked = moments.map((seq, k) => questionsBetween(index, k === 0 ? 0 : moments[k - 1], seq));
    expect(asked.flat().length).toBeGreaterThan(0);
    for (const q of asked.flat()) {
      expect(q.choices).toContain(q.answer);
      expect(q.choices.length).toBeGreaterThan(1);
    }
  });
});
