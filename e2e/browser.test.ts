import { describe, expect, it } from 'vitest';
import { findBrowser, INSTALL_ONE, NoBrowser, type Machine } from './browser.ts';

/** A machine with these files and nothing else. */
const machine = (platform: NodeJS.Platform, files: string[], env: Machine['env'] = {}): Machine => ({
  platform,
  env,
  home: platform === 'darwin' ? '/Users/ann' : '/home/ann',
  playwrightChromium: '/home/ann/.cache/ms-playwright/chromium-1/chrome-linux64/chrome',
  exists: (path) => files.includes(path),
});

describe('the browser the tests drive', () => {
  it("takes Playwright's own Chromium first", () => {
    const own = '/home/ann/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';
    expect(findBrowser(machine('linux', [own, '/usr/bin/chromium']))).toBe(own);
  });

  it('then a Chrome, Chromium or Edge where each system puts it', () => {
    expect(findBrowser(machine('linux', ['/usr/bin/chromium', '/opt/microsoft/msedge/msedge']))).toBe(
      '/usr/bin/chromium',
    );
    expect(findBrowser(machine('linux', ['/opt/microsoft/msedge/msedge']))).toBe(
      '/opt/microsoft/msedge/msedge',
    );
    const chrome = '/Users/ann/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(machine('darwin', [chrome]))).toBe(chrome);
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const windows = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    expect(findBrowser(machine('win32', [edge], windows))).toBe(edge);
  });

  it('then the one YIELDSCOPE_BROWSER names', () => {
    const mine = '/home/ann/bin/my-chromium';
    expect(findBrowser(machine('linux', [mine], { YIELDSCOPE_BROWSER: mine }))).toBe(mine);
    expect(findBrowser(machine('linux', [mine, '/usr/bin/chromium'], { YIELDSCOPE_BROWSER: mine }))).toBe(
      '/usr/bin/chromium',
    );
  });

  it('says in one line how to get one when there is none', () => {
    const none = () => findBrowser(machine('linux', [], { YIELDSCOPE_BROWSER: '/nowhere/chrome' }));
    expect(none).toThrow(NoBrowser);
    expect(none).toThrow(INSTALL_ONE);
    expect(INSTALL_ONE).not.toContain('\n');
    expect(INSTALL_ONE).toContain('npx playwright install chromium');
  });
});
