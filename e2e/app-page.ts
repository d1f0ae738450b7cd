/** Steps a user takes in the app, in the words of the UI, shared by the specs. */
import type { ElectronApplication, Page } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from './fixtures.ts';

export const status = (app: Page) => app.getByTestId('status');

/** Waits for Python to be ready (its first start can take a while on a slow machine). */
export async function waitForPython(app: Page): Promise<void> {
  // Waits for the host to say so: a negative wait (no "loading" message) passes before the page has drawn.
  await expect(status(app)).toHaveAttribute('data-python', 'ready', { timeout: 90_000 });
  await expect(app.getByTestId('message-python')).toBeHidden();
}

/**
 * Opens the Frames and objects view. By keyboard, as a keyboard user would: the header wraps, and its
 * buttons move while the page fills in (the run's status, the lesson list), so a click aimed at where
 * the button was a moment ago can land beside it on a loaded machine; focus does not depend on where
 * it is drawn. Then waits for the toggle to say it is on.
 */
export async function showFrames(app: Page): Promise<void> {
  const toggle = app.getByTestId('show-frames');
  await toggle.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
}

/** The timeline's text alternative: where its cursor is ("Cursor at event 12, line 3."). */
const cursorSays = (app: Page) => app.getByTestId('switch-list').locator('p');

/**
 * Presses a key on the timeline and waits until its cursor has moved, as its text alternative says:
 * the views draw from that same cursor in the same update, so they then show the event moved to.
 * Reading a view straight after the key would read the event before, and step once too often.
 */
export async function moveCursor(app: Page, key: string): Promise<void> {
  const before = (await cursorSays(app).textContent()) ?? '';
  await app.getByTestId('timeline').press(key);
  await expect(cursorSays(app)).not.toHaveText(before);
}

/**
 * Picks a lesson. A lesson's Run stops before the first line unless told otherwise; these specs run
 * lessons through unless they ask for `startPaused`.
 */
export async function pickLesson(app: Page, id: string, { startPaused = false } = {}): Promise<void> {
  await app.getByTestId('lesson-picker').selectOption(id);
  await app.getByTestId('start-paused').setChecked(startPaused);
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

/**
 * Saves or exports the trace with a toolbar button into `folder`; resolves with the file's path. The
 * browser edition downloads it; the desktop app asks a native save dialog, answered here in its
 * main process with the path the browser edition would have suggested.
 */
export async function saveTraceAs(
  app: Page,
  desktop: ElectronApplication | null,
  button: 'save-trace' | 'export-jsonl',
  folder: string,
  desktopName: string,
): Promise<string> {
  if (!desktop) {
    const [download] = await Promise.all([app.waitForEvent('download'), app.getByTestId(button).click()]);
    const file = resolve(folder, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  }
  const file = resolve(folder, desktopName);
  rmSync(file, { force: true });
  await desktop.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
  }, file);
  await app.getByTestId(button).click();
  await expect.poll(() => existsSync(file)).toBe(true);
  return file;
}

/**
 * Opens a file with one of the page's Open buttons: picked in the browser edition, chosen in the
 * desktop app's native open dialog (where the host reads it).
 */
async function openFile(
  app: Page,
  desktop: ElectronApplication | null,
  button: 'open-trace' | 'open-program',
  file: string,
): Promise<void> {
  if (!desktop) {
    await app.getByTestId(`${button}-input`).setInputFiles(file);
    return;
  }
  await desktop.evaluate(({ dialog }, path) => {
    dialog.showOpenDialog = (async () => ({
      canceled: false,
      filePaths: [path],
    })) as typeof dialog.showOpenDialog;
  }, file);
  await app.getByTestId(button).click();
}

/** Opens a trace file, as a user does in each host. */
export function openTraceFile(app: Page, desktop: ElectronApplication | null, file: string): Promise<void> {
  return openFile(app, desktop, 'open-trace', file);
}

/** Opens a program file, as a user does in each host. */
export function openProgramFile(app: Page, desktop: ElectronApplication | null, file: string): Promise<void> {
  return openFile(app, desktop, 'open-program', file);
}
