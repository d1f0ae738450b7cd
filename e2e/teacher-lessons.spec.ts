/**
 * A teacher's own lessons (YIELDSCOPE_LESSONS_DIR): the ones that can be offered are, and what is
 * wrong with the others is said in the language of the interface, file, step and field.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

/** A teacher's own folder of lessons: one that can be offered, one with two mistakes in its first step. */
function teachersLessons(): string {
  // one path for the runner and its workers: the option's value names the worker that serves it
  const dir = join(tmpdir(), 'yieldscope-e2e-teacher-lessons');
  const lesson = (say: string) =>
    `title: { en: First, zh-TW: 第一課 }\nintro: { en: About it., zh-TW: 關於它。 }\nsteps:\n` +
    `  - at: { output: '1' }\n    say: ${say}\n    highlight: [{ line: print(1) }]\n`;
  for (const [folder, say] of [
    ['01-good', '{ en: It prints 1., zh-TW: 它印出 1。 }'],
    ['02-bad', '{ en: It prints 1., zh: 它印出 1。 }'],
  ]) {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, 'lesson.yaml'), lesson(say));
    writeFileSync(join(dir, folder, 'first.py'), 'print(1)\n');
  }
  return dir;
}

// a server of its own (the lessons are read when it starts): top-level, as Playwright wants it
test.use({ locale: 'zh-TW', lessonsDir: teachersLessons() });

test.describe("on a Traditional Chinese system, with a teacher's own lessons", () => {
  test('says what to fix in a lesson in Traditional Chinese, and in English once switched', async ({
    app,
    shot,
  }) => {
    const notice = app.getByTestId('message-notice');
    await expect(notice).toContainText(
      '02-bad/lesson.yaml:第 1 步,say.zh-TW:缺少:請用英文(en)和繁體中文(zh-TW)都寫出來',
    );
    await expect(notice).toContainText('02-bad/lesson.yaml:第 1 步,say:無法辨識的鍵:"zh"');
    await expect(app.getByTestId('lesson-picker').locator('option')).toHaveText(['選擇課程…', '第一課']);
    await shot('lang-zh-TW-lesson-problems');
    await app.getByTestId('language').selectOption('en');
    await expect(notice).toContainText(
      '02-bad/lesson.yaml: step 1, say.zh-TW: missing: write it in English (en) and in Traditional Chinese (zh-TW)',
    );
    await expect(notice).toContainText('02-bad/lesson.yaml: step 1, say: Unrecognized key: "zh"');
  });
});
