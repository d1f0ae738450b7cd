/**
 * Debian's Chromium, never a downloaded one, for every browser the tests and benchmarks launch; the
 * flags keep it from reaching the network on its own (this machine's network is closed).
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
