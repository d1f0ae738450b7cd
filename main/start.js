#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed; otherwise (a machine where it
// could not be downloaded) the browser edition, so the app still runs.
//
// npm 11 blocks dependencies' install scripts unless package.json's allowScripts approves them, and
// ours denies Electron's (its download fails offline and would fail `npm install`). So the first
// `npm start` on a connected machine runs Electron's own installer once, quietly, and a machine
// without internet falls through to the browser edition.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const onWindows = process.platform === 'win32';

/** The path of Electron's binary, or null: the `electron` package throws when its download failed. */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function npm(args, options = {}) {
  return spawn('npm', args, { stdio: 'inherit', shell: onWindows, ...options });
}

function exitWith(child) {
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Runs Electron's own installer (the download npm skipped); true when the binary is there after it. */
function fetchElectron() {
  const installer = createRequire(import.meta.url).resolve('electron/install.js');
  console.log("Electron's binary is not installed yet; fetching it once…");
  const result = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 10 * 60_000 });
  return result.status === 0 && electronBinary() !== null;
}

const electron = electronBinary() ?? (process.env.CI ? null : fetchElectron() ? electronBinary() : null);
if (electron) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', shell: onWindows });
  if (build.status !== 0) process.exit(build.status ?? 1);
  exitWith(spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' }));
} else {
  console.log(
    "Electron's binary is absent (it could not be downloaded here), so the browser edition starts instead.",
  );
  exitWith(npm(['run', '--silent', 'serve', '--', '--open', ...process.argv.slice(2)]));
}
