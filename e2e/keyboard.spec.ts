/**
 * Keyboard and screen readers: Esc then Tab leaves the editor (and F1 says so), every control has a
 * name, and the timeline's text alternative follows the cursor, in both languages.
 */
import { expect, test } from './fixtures.ts';
import { pickLesson, showFrames, waitForPython } from './app-page.ts';

test('Esc then Tab leaves the editor, and F1 says so', async ({ app }) => {
  await waitForPython(app);
  const editor = app.getByTestId('editor-content');
  await editor.click();
  const inEditor = () => app.evaluate(() => !!document.activeElement?.closest('.cm-editor'));
  // Tab indents in the editor …
  await app.keyboard.press('Tab');
  expect(await inEditor()).toBe(true);
  // … Esc then Tab moves on.
  await app.keyboard.press('Escape');
  await app.keyboard.press('Tab');
  expect(await inEditor()).toBe(false);
  await expect(editor).toHaveAttribute('aria-description', /Esc/);

  await app.keyboard.press('F1');
  await expect(app.getByTestId('help-leave-editor')).toBeVisible();
  await expect(app.getByTestId('help-leave-editor')).toContainText('Esc');
});

for (const lang of ['en', 'zh-TW'] as const) {
  test(`every control has a name, and the text alternative follows the cursor (${lang})`, async ({ app }) => {
    await waitForPython(app);
    await app.getByTestId('language').selectOption(lang);
    await pickLesson(app, 'producer_consumer');
    await app.getByTestId('run').click();
    await expect(app.getByTestId('status')).toHaveAttribute('data-state', 'ended', { timeout: 60_000 });
    // The Frames and objects view too, with what it shows at the cursor.
    await showFrames(app);
    await expect(app.getByTestId('frame').first()).toBeVisible({ timeout: 60_000 });
    const tree = await app.locator('body').ariaSnapshot();
    const unnamed = tree
      .split('\n')
      .filter((line) =>
        /^\s*- (button|combobox|checkbox|textbox|spinbutton|slider|separator|link|img)( \[[^\]]*\])?:?$/.test(
          line,
        ),
      );
    expect(unnamed).toEqual([]);

    const timeline = app.getByTestId('timeline');
    await timeline.focus();
    await timeline.press('Home');
    await timeline.press('ArrowRight');
    const alternative = app.getByTestId('switch-list');
    await expect(alternative).toContainText(lang === 'en' ? 'Cursor at event 1' : '游標在第 1 個事件');
    await timeline.press('ArrowRight');
    await expect(alternative).toContainText(lang === 'en' ? 'Cursor at event 2' : '游標在第 2 個事件');
  });
}
