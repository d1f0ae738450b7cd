/**
 * Presentation mode on a projector's screen: the header in one row, 20 lines of code, the timeline
 * on at least 40% of the height; a panel maximised and restored with one key; the type size stepped
 * with Ctrl+= and Ctrl+-. Measured on the real layout.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { pickLesson, waitForPython } from './app-page.ts';

async function box(app: Page, selector: string) {
  const found = await app.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on screen`);
  return found;
}

/** The rows the header's visible controls take: their tops, grouped within a few pixels. */
async function headerRows(app: Page): Promise<number> {
  const tops = await app.locator('.app > header').evaluate((header) =>
    [...header.querySelectorAll('button, select, input, output, label')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[popover]'))
      .map((el) => el.getBoundingClientRect())
      .map((r) => r.top + r.height / 2),
  );
  const rows: number[] = [];
  for (const y of tops.sort((a, b) => a - b)) if (!rows.some((r) => Math.abs(r - y) < 8)) rows.push(y);
  return rows.length;
}

/** How many lines of code the editor has room for: its scroller's height over one line's. */
const editorLines = (app: Page) =>
  app.locator('.cm-scroller').evaluate((scroller) => {
    const line = scroller.querySelector('.cm-line') as HTMLElement;
    return Math.floor(scroller.clientHeight / line.getBoundingClientRect().height);
  });

/** How many lines of a lesson step's text the player has room for. */
const narrationLines = (app: Page) =>
  app
    .getByTestId('lesson-text')
    .evaluate((text) => Math.floor(text.clientHeight / parseFloat(getComputedStyle(text).lineHeight)));

for (const [width, height] of [
  [1280, 720],
  [1024, 768],
] as const) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test('presentation: one header row, 20 lines of code, the timeline on 40% of the height', async ({
      app,
      shot,
    }) => {
      await waitForPython(app);
      for (const lang of ['en', 'zh-TW'] as const) {
        await app.getByTestId('language').selectOption(lang);
        await pickLesson(app, 'producer_consumer');
        if ((await app.getByTestId('presentation').getAttribute('aria-pressed')) !== 'true')
          await app.getByTestId('presentation').click();
        await app.getByTestId('run').click();
        await expect(app.getByTestId('status')).toHaveAttribute('data-state', 'ended', { timeout: 60_000 });
        expect(await headerRows(app), `header rows in ${lang}`).toBe(1);
        expect(await editorLines(app)).toBeGreaterThanOrEqual(20);
        expect((await box(app, '[data-testid=panel-timeline]')).height).toBeGreaterThanOrEqual(0.4 * height);
        // The lesson's words are read from the back of the room too: a step's text has room below the code.
        expect(await narrationLines(app), `lines of narration in ${lang}`).toBeGreaterThanOrEqual(3);
        const overflow = await app.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await shot(`presentation-${width}x${height}-${lang}`);
        // What is not in the row is one click away.
        await app.getByTestId('more-button').click();
        await expect(app.getByTestId('language')).toBeVisible();
        await app.keyboard.press('Escape');
        await expect(app.getByTestId('language')).toBeHidden();
        await app.getByTestId('more-button').click();
      }
    });
  });
}

test('a panel is maximised and restored with one key, and Ctrl+= / Ctrl+- step the type size', async ({
  app,
}) => {
  await waitForPython(app);
  const workspace = await box(app, 'main.workspace');
  const normal = await box(app, '[data-testid=panel-timeline]');
  await app.getByTestId('timeline').focus();
  await app.keyboard.press('F8');
  await expect
    .poll(async () => (await box(app, '[data-testid=panel-timeline]')).height)
    .toBeCloseTo(workspace.height, 0);
  expect((await box(app, '[data-testid=panel-timeline]')).width).toBeCloseTo(workspace.width, 0);
  await app.keyboard.press('F8');
  await expect
    .poll(async () => (await box(app, '[data-testid=panel-timeline]')).height)
    .toBeCloseTo(normal.height, 0);

  // The editor too, with the key pressed while typing in it.
  await app.getByTestId('editor-content').click();
  await app.keyboard.press('F8');
  await expect
    .poll(async () => (await box(app, '[data-panel=editor]')).height)
    .toBeCloseTo(workspace.height, 0);
  await app.keyboard.press('F8');

  const rootSize = () => app.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await rootSize();
  await app.keyboard.press('Control+Equal');
  await expect.poll(rootSize).toBeGreaterThan(before);
  await app.keyboard.press('Control+Minus');
  await app.keyboard.press('Control+Minus');
  await expect.poll(rootSize).toBeLessThan(before);
  await app.keyboard.press('Control+0');
  await expect.poll(rootSize).toBe(before);
});
