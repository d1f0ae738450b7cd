import { defineConfig } from '@playwright/test';
import type { Host } from './e2e/fixtures.ts';

/**
 * End-to-end tests of the whole app. The `browser` project drives `npm run serve` (started by the
 * `app` fixture, which reads the URL and token the server prints) in the browser e2e/browser.ts
 * finds (Playwright's own Chromium, else a Chrome, Chromium or Edge installed on the machine, else
 * YIELDSCOPE_BROWSER), launched by the fixture with its flags; with none, the `find-browser` step it
 * depends on fails in one line saying how to get one. The `electron` project drives the desktop app
 * through Playwright's `_electron` where Electron's binary exists, and skips, saying why, where it
 * does not. No browser is ever downloaded.
 */
export default defineConfig<object, { host: Host }>({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/playwright',
  // One Python engine per server and two cores on CI: tests run one after another.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'off',
  },
  projects: [
    { name: 'find-browser', testMatch: 'find-browser.setup.ts' },
    {
      name: 'browser',
      use: { host: 'browser' },
      dependencies: ['find-browser'],
    },
    { name: 'electron', use: { host: 'electron' } },
  ],
});
