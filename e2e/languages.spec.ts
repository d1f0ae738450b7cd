/** The interface speaks English and Traditional Chinese: the system's language first, then the user's choice, remembered. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures.ts';
import { moveCursor, openTraceFile, pickLesson, setProgram, status, waitForPython } from './app-page.ts';
import { ROOT } from './hosts.ts';

const FILES = resolve(ROOT, 'test-results/e2e-files');
mkdirSync(FILES, { recursive: true });

test.describe('on a Traditional Chinese system', () => {
  test.use({ locale: 'zh-TW' });

  test('speaks Traditional Chinese, switches to English at once, and remembers the choice', async ({
    app,
    shot,
  }) => {
    await expect(app.locator('html')).toHaveAttribute('lang', 'zh-TW');
    await expect(app.getByTestId('run')).toHaveText('▶ 執行');
    await expect(app.getByRole('toolbar', { name: '執行控制' })).toBeVisible();
    await waitForPython(app);
    await expect(status(app)).toHaveText('就緒');
    await shot('lang-zh-TW');

    // The host (the desktop's menu and dialogs) hears the language, and says so.
    await expect(app.locator('html')).toHaveAttribute('data-host-lang', 'zh-TW');
    await app.getByTestId('language').selectOption('en');
    await expect(app.getByTestId('run')).toHaveText('▶ Run');
    await expect(app.locator('html')).toHaveAttribute('data-host-lang', 'en');
    await expect(status(app)).toHaveText('Ready');
    await expect(app.locator('html')).toHaveAttribute('lang', 'en');
    await expect(app.getByRole('textbox', { name: 'Python program' })).toBeVisible();

    await app.reload();
    await expect(app.getByTestId('run')).toHaveText('▶ Run');
    await expect(app.getByTestId('language')).toHaveValue('en');
  });

  test('says why the host refused a file in Traditional Chinese, and again in English once switched', async ({
    app,
    desktop,
    shot,
  }) => {
    const notes = resolve(FILES, 'notes.txt');
    writeFileSync(notes, 'not a trace, just notes\n');
    await openTraceFile(app, desktop, notes);
    const notice = app.getByTestId('message-notice');
    await expect(notice).toContainText(
      '開啟 notes.txt沒有成功: notes.txt:不是追蹤:既不是 Yieldscope 追蹤檔,也不是 JSON Lines',
    );
    await shot('lang-zh-TW-refusal');
    // the notice already shown follows the language at once: the host sent a problem, not a sentence
    await app.getByTestId('language').selectOption('en');
    await expect(notice).toContainText(
      'Opening notes.txt did not work: notes.txt: not a trace: neither a Yieldscope trace file nor JSON Lines',
    );
  });

  test('says a deadlock in Traditional Chinese, naming the waiting tasks, and in English once switched', async ({
    app,
    shot,
  }) => {
    await waitForPython(app);
    // asyncio's own loop, run by Yieldscope's scheduler: its one task waits on an event nobody sets
    await setProgram(
      app,
      ['import asyncio', 'async def main():', '    await asyncio.Event().wait()', 'asyncio.run(main())'].join(
        '\n',
      ),
    );
    await app.getByTestId('run').click();
    const end = app.getByTestId('message-run-end');
    await expect(end).toHaveText(
      "執行已停止:死結,每個任務都在等待,沒有任何任務能執行。 死結:沒有任務可以執行,也沒有任務在睡眠,但剩下的任務都在等待:'main'。只有另一個任務能喚醒它們。",
      { timeout: 60_000 },
    );
    // the line under the timeline says, at the scheduler's deadlock, what each task waits on
    const words = app.getByTestId('event-words');
    await app.getByTestId('timeline').press('End');
    await expect(words).toContainText('執行結束');
    while (!((await words.textContent()) ?? '').includes('沒有一個能執行'))
      await moveCursor(app, 'ArrowLeft');
    await expect(words).toHaveText(
      /^\d+ 死結:1 個工作仍在等待,沒有一個能執行:main 等待\(await\)Event\.wait\(\)$/,
    );
    await shot('deadlock-zh-TW');
    await app.getByTestId('language').selectOption('en');
    await expect(end).toHaveText(
      "Run stopped: deadlock, every task waits and none can run. Deadlock: no task can run and none is sleeping, yet every task left waits: 'main'. Only another task could wake them.",
    );
    await expect(words).toHaveText(
      /^\d+ Deadlock: 1 task waits and none can run: main awaits Event\.wait\(\)$/,
    );
  });
});

test.describe('on an English system', () => {
  test.use({ locale: 'en-US' });

  test('speaks English, and Traditional Chinese once picked, down to the editor’s name', async ({ app }) => {
    await expect(app.getByTestId('run')).toHaveText('▶ Run');
    await app.getByTestId('language').selectOption('zh-TW');
    await expect(app.getByTestId('run')).toHaveText('▶ 執行');
    await expect(app.getByRole('textbox', { name: 'Python 程式' })).toBeVisible();
    await expect(app.getByTestId('help-button')).toHaveAccessibleName('鍵盤快捷鍵');
  });

  test('shows a run in Traditional Chinese, its output in reading order', async ({ app, shot }) => {
    await app.getByTestId('language').selectOption('zh-TW');
    await waitForPython(app);
    await pickLesson(app, 'producer_consumer');
    await app.getByTestId('run').click();
    await expect(status(app)).toHaveText(/^已完成/, { timeout: 60_000 });
    await expect(app.getByRole('region', { name: '程式輸出' })).toBeVisible();
    await expect(app.getByTestId('panel-deques')).toContainText('左端');
    // Oldest first, as a screen reader reads it, and still scrolled to the newest line.
    const lines = app.getByTestId('console').locator('button');
    const texts = await lines.allTextContents();
    expect(texts.findIndex((l) => l.includes('consumed 1'))).toBeLessThan(
      texts.findIndex((l) => l.includes('consumed 34')),
    );
    await expect(lines.last()).toBeInViewport();
    await shot('lang-zh-TW-run');
  });
});
