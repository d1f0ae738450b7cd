/** Steps a user takes in the app, in the words of the UI, shared by the specs. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export const status = (app: Page) => app.getByTestId('status');

/** Waits for Python to be ready (its first start can take a while on a slow machine). */
export async function waitForPython(app: Page): Promise<void> {
  await expect(app.getByTestId('message-python')).toBeHidden({ timeout: 90_000 });
  await expect(status(app)).not.toHaveText(/Python is loading/, { timeout: 90_000 });
}

export async function pickLesson(app: Page, id: string): Promise<void> {
  await app.getByTestId('lesson-picker').selectOption(id);
}

/** Replaces the program in the editor, typed as a user would paste it. */
export async function setProgram(app: Page, source: string): Promise<void> {
  await app.getByTestId('editor-content').click();
  await app.keyboard.press('ControlOrMeta+a');
  await app.keyboard.insertText(source);
  await expect(app.getByTestId('editor-content')).toContainText(source.split('\n')[0]);
}

/** Runs the program in the editor to its end; resolves with the number of events recorded. */
export async function runToEnd(app: Page): Promise<number> {
  await app.getByTestId('run').click();
  await expect(status(app)).toHaveText(/^Finished: [\d,]+ events?/, { timeout: 60_000 });
  return eventsIn(await status(app).textContent());
}

export function eventsIn(text: string | null): number {
  const match = /([\d,]+) events?/.exec(text ?? '');
  if (!match) throw new Error(`no event count in status "${text}"`);
  return Number(match[1].replace(/,/g, ''));
}

/** The status's event count once it stops changing (batches in flight have landed). */
export async function settledEvents(app: Page): Promise<number> {
  let last = -1;
  for (;;) {
    const now = eventsIn(await status(app).textContent());
    if (now === last) return now;
    last = now;
    await app.waitForTimeout(300);
  }
}
