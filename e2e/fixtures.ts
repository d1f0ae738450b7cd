/**
 * The `app` fixture: a page of the running app, from the browser edition (a server per test file,
 * a fresh page per test) or from the desktop app (one Electron instance per test).
 */
import {
  _electron,
  chromium,
  expect,
  test as base,
  type Browser,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { electronBinary, ROOT, serve, type ServedApp } from './hosts.ts';
import { browserLaunch } from './browser.ts';

export type Host = 'browser' | 'electron';

export const SCREENSHOTS = resolve(ROOT, 'test-results/screenshots');

export const test = base.extend<
  { app: Page; desktop: ElectronApplication | null; shot: (name: string) => Promise<void> },
  {
    host: Host;
    /** The app's own folder of lessons (YIELDSCOPE_LESSONS_DIR), when not the shipped one. */
    lessonsDir: string | undefined;
    server: ServedApp | null;
    chromiumBrowser: Browser | null;
  }
>({
  host: ['browser', { option: true, scope: 'worker' }],
  lessonsDir: [undefined, { option: true, scope: 'worker' }],

  chromiumBrowser: [
    async ({ host }, use) => {
      if (host !== 'browser') return use(null);
      const browser = await chromium.launch(browserLaunch());
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  server: [
    async ({ host, lessonsDir }, use) => {
      if (host !== 'browser') return use(null);
      const server = await serve(lessonsDir ? { YIELDSCOPE_LESSONS_DIR: lessonsDir } : {});
      await use(server);
      await server.close();
    },
    { scope: 'worker', timeout: 90_000 },
  ],

  app: async ({ host, server, chromiumBrowser, desktop, viewport, locale }, use, testInfo) => {
    if (host === 'browser') {
      // The system's language, as `test.use({ locale })` sets it: the app's default language follows it.
      const context = await chromiumBrowser!.newContext({ viewport, locale, acceptDownloads: true });
      const page = await context.newPage();
      // Script errors and CSP violations show up here; the app must have none.
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      await page.goto(server!.url);
      await use(page);
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('server output', { body: server!.output(), contentType: 'text/plain' });
        mkdirSync(SCREENSHOTS, { recursive: true });
        const name = testInfo.title.replace(/\W+/g, '-').slice(0, 80);
        await page.screenshot({ path: resolve(SCREENSHOTS, `failed-${name}.png`) });
      }
      await context.close();
      expect(problems, 'the page logged errors').toEqual([]);
      return;
    }
    const window = await desktop!.firstWindow();
    await use(window);
  },

  /** The desktop app (Electron's main process, for answering its native dialogs), or null in the browser. */
  desktop: async ({ host, locale, lessonsDir }, use, testInfo) => {
    if (host !== 'electron') return use(null);
    const electron = electronBinary();
    if ('missing' in electron) {
      console.log(`electron: skipping "${testInfo.title}": ${electron.missing}; the browser project runs it`);
      test.skip(true, electron.missing);
      return use(null);
    }
    // Electron takes the system's language from the OS, or from --lang.
    const args = locale ? [`--lang=${locale}`, ROOT] : [ROOT];
    const env = lessonsDir ? { ...process.env, YIELDSCOPE_LESSONS_DIR: lessonsDir } : undefined;
    const desktop = await _electron.launch({ executablePath: electron.path, args, cwd: ROOT, env });
    await use(desktop);
    await desktop.close();
  },

  /** Saves a screenshot of the app's current state under test-results/screenshots/, where CI keeps it. */
  shot: async ({ app, host }, use) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await use(async (name) => {
      await app.screenshot({ path: resolve(SCREENSHOTS, `${host}-${name}.png`) });
    });
  },
});

export { expect };
