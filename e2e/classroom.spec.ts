/**
 * The classroom: a lesson walked step by step in each language, the run stopped at each step's
 * moment with what the step talks about highlighted; and Start paused with F10 on a program.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { eventsIn, pickLesson, setProgram, status, waitForPython } from './app-page.ts';

const where = (app: Page) => app.getByTestId('lesson-where');
/** The event the cursor is at: the first number of the timeline's position, in either language. */
const cursorAt = async (app: Page) =>
  Number((await app.getByTestId('cursor-position').textContent())?.match(/\d+/)?.[0]);

/** Something the step points at is marked: a lane, a deque or slot, an iterator, a with block, or a line. */
const highlighted = (app: Page) => app.locator('.spotlit, [data-testid=editor-focus-line]').count();

async function walk(app: Page, shot: (name: string) => Promise<void>, lang: 'en' | 'zh-TW') {
  const words = {
    en: {
      start: 'Start',
      intro: 'Introduction',
      step: (n: number, of: number) => `Step ${n} of ${of}`,
      paused: /^Paused/,
      stopped: /^(Paused|Finished)/,
    },
    'zh-TW': {
      start: '開始',
      intro: '簡介',
      step: (n: number, of: number) => `第 ${n} 步,共 ${of} 步`,
      paused: /^已暫停/,
      stopped: /^(已暫停|已完成)/,
    },
  }[lang];
  await waitForPython(app);
  await pickLesson(app, 'round_robin', { startPaused: true });
  const player = app.getByTestId('lesson-player');
  await expect(player).toBeVisible();
  const steps = await player.getByRole('list', { includeHidden: true }).locator('li').count();
  expect(steps).toBeGreaterThan(3);
  await expect(where(app)).toHaveText(words.intro);

  await app.getByRole('button', { name: words.start }).click();
  // Stopped before the first line: paused, with only the run's start recorded.
  await expect(status(app)).toHaveText(words.paused);
  expect(Number((await status(app).textContent())?.match(/\d+/)?.[0])).toBeLessThanOrEqual(2);
  await shot(`lesson-${lang}-intro`);

  const next = app.getByTestId('lesson-next');
  let previous = -1;
  const texts: string[] = [];
  for (let n = 1; n <= steps; n++) {
    await next.press('Enter');
    await expect(where(app)).toHaveText(words.step(n, steps));
    await expect(player.locator('[aria-current=step]')).toHaveText(String(n));
    // The run is stopped at or just past this moment (or ended, when the moment is its end), and
    // the views show the moment.
    await expect(status(app)).toHaveText(words.stopped);
    const at = await cursorAt(app);
    expect(at).toBeGreaterThan(previous);
    previous = at;
    expect(await highlighted(app)).toBeGreaterThan(0);
    texts.push((await app.getByTestId('lesson-text').textContent()) ?? '');
    if (n === 2 || n === steps) await shot(`lesson-${lang}-step-${n}`);
  }
  // Each step says something of its own, and the last offers the exercise.
  expect(new Set(texts).size).toBe(steps);
  await expect(next).toBeDisabled();
  await expect(app.getByTestId('lesson-try')).toBeVisible();

  // Back returns to the previous moment, by keyboard too.
  await app.getByTestId('lesson-back').press('Enter');
  await expect(where(app)).toHaveText(words.step(steps - 1, steps));
  expect(await cursorAt(app)).toBeLessThan(previous);
}

test.describe('a lesson walked end to end', () => {
  test.beforeEach(async ({ app }) => {
    await waitForPython(app);
  });

  test('in English', async ({ app, shot }) => {
    await app.getByTestId('language').selectOption('en');
    await walk(app, shot, 'en');
  });

  test.describe('in a 1280×720 classroom', () => {
    test.use({ viewport: { width: 1280, height: 720 } });

    test('in Traditional Chinese, presented', async ({ app, shot }) => {
      await app.getByTestId('language').selectOption('zh-TW');
      await app.getByTestId('presentation').click();
      await walk(app, shot, 'zh-TW');
    });
  });
});

test('Start paused: Run stops before the first line, and F10 before any run starts one so', async ({
  app,
}) => {
  await waitForPython(app);
  await setProgram(app, 'def count(n):\n    for i in range(n):\n        yield i\n\nprint(sum(count(3)))\n');
  await app.keyboard.press('Escape');
  // F10 before any run: a run starts, stopped before its first line.
  await app.locator('body').press('F10');
  await expect(status(app)).toHaveText(/^Paused/);
  const first = eventsIn(await status(app).textContent());
  await app.locator('body').press('F10');
  await expect.poll(async () => eventsIn(await status(app).textContent())).toBeGreaterThan(first);
  await app.getByTestId('stop').click();
  await expect(status(app)).toHaveText(/^Stopped/);

  // With Start paused on, Run stops before the first line too.
  await app.getByTestId('start-paused').setChecked(true);
  await app.getByTestId('run').click();
  await expect(status(app)).toHaveText(/^Paused/);
  await expect(app.getByTestId('console')).toHaveText('');
  await app.getByTestId('pause').click();
  await expect(status(app)).toHaveText(/^Finished/);
  await expect(app.getByTestId('console')).toHaveText('3');
});

test('Predict: a question made from the run before each step, the views hidden until answered, and a score', async ({
  app,
  shot,
}) => {
  await waitForPython(app);
  await app.getByTestId('language').selectOption('en');
  await pickLesson(app, 'round_robin', { startPaused: true });
  await app.getByTestId('predict-mode').check();
  await app.getByTestId('lesson-start').click();
  await expect(status(app)).toHaveText(/^Paused/);
  let asked = 0;
  for (let n = 1; n <= 3; n++) {
    const before = await cursorAt(app);
    await app.getByTestId('lesson-next').click();
    const question = app.getByTestId('predict-question');
    const shown = where(app).filter({ hasText: new RegExp(`^Step ${n} of`) });
    // The player first steps the run on to the moment: then it asks, or (nothing to ask) shows the step.
    await expect(question.or(shown)).toBeVisible();
    if (await shown.isVisible()) continue;
    asked++;
    // The views stay at the moment asked from (the deque as it is now, to predict from); the timeline,
    // which would show what the run went on to do, is hidden.
    await expect(app.getByTestId('panel-timeline')).toBeHidden();
    await expect(app.getByTestId('panel-deques')).toBeVisible();
    await expect(app.locator('[data-whole-run]').first()).toBeHidden();
    expect(await cursorAt(app)).toBe(before);
    await expect(question.getByRole('button').first()).toBeVisible();
    if (asked === 1) await shot('predict-question');
    await question.getByRole('button').first().click();
    await expect(app.getByTestId('predict-verdict')).toHaveText(/^(Right|Not quite)/);
    await expect(where(app)).toHaveText(new RegExp(`^Step ${n} of`));
    await expect(app.getByTestId('panel-timeline')).toBeVisible();
    await expect(app.getByTestId('predict-score')).toHaveText(new RegExp(`^Score: \\d of ${asked}$`));
  }
  expect(asked).toBeGreaterThan(0);
});
