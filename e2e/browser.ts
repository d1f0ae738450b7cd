/**
 * The browser the tests and benchmarks drive, found in this order: Playwright's own Chromium (`npx
 * playwright install chromium`), a Chrome, Chromium or Edge installed where Linux, macOS or Windows
 * puts it, or the browser YIELDSCOPE_BROWSER names. None is ever downloaded here; with none found,
 * NoBrowser says in one line how to get one. The flags keep it from reaching the network on its own.
 */
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const BROWSER_VARIABLE = 'YIELDSCOPE_BROWSER';

export const INSTALL_ONE = `No browser to run the tests in: run \`npx playwright install chromium\` (or install Chrome, Chromium or Edge, or set ${BROWSER_VARIABLE} to one).`;

export class NoBrowser extends Error {}

/** Where to look: the machine's, or a test's. */
export interface Machine {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  /** Where Playwright keeps the Chromium it installs. */
  playwrightChromium: string;
  exists(path: string): boolean;
}

const thisMachine = (): Machine => ({
  platform: process.platform,
  env: process.env,
  home: homedir(),
  playwrightChromium: chromium.executablePath(),
  exists: existsSync,
});

/** Chrome, Chromium and Edge where each platform's installers put them. */
function systemBrowsers({ platform, env, home }: Machine): string[] {
  if (platform === 'darwin')
    return ['/Applications', posix.join(home, 'Applications')].flatMap((apps) => [
      posix.join(apps, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
      posix.join(apps, 'Chromium.app/Contents/MacOS/Chromium'),
      posix.join(apps, 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'),
    ]);
  if (platform === 'win32')
    return [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
      .filter((folder): folder is string => Boolean(folder))
      .flatMap((folder) => [
        win32.join(folder, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        win32.join(folder, 'Chromium', 'Application', 'chrome.exe'),
        win32.join(folder, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ]);
  return [
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
  ];
}

/** The first browser found, in the order above; throws NoBrowser when there is none. */
export function findBrowser(machine: Machine = thisMachine()): string {
  const named = machine.env[BROWSER_VARIABLE];
  const candidates = [machine.playwrightChromium, ...systemBrowsers(machine), ...(named ? [named] : [])];
  const found = candidates.find((path) => machine.exists(path));
  if (!found) throw new NoBrowser(INSTALL_ONE);
  return found;
}

/** Playwright's launch options for the browser found. */
export function browserLaunch(machine?: Machine) {
  return {
    executablePath: findBrowser(machine),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
