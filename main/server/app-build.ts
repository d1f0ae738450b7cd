/**
 * Builds the app when a part of out/ is missing or older than its sources, so that `npm run serve`
 * always runs today's code: the renderer it serves and the core worker its engine starts (the same
 * bundle the desktop app ships, so both editions run one worker).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the two bundles are made of: the renderer's folder, core (the worker and what the renderer imports), the build config. */
const SOURCES = ['renderer', 'core', 'electron.config.ts', 'main/csp.ts'];
/** The built files: the renderer's page and the core worker. */
const OUTPUTS = [join('out', 'renderer', 'index.html'), join('out', 'main', 'worker.js')];

function newest(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function appIsStale(root: string): boolean {
  const built = OUTPUTS.map(
    (output) => statSync(join(root, output), { throwIfNoEntry: false })?.mtimeMs ?? 0,
  );
  const oldest = Math.min(...built);
  return oldest === 0 || SOURCES.some((source) => newest(join(root, source)) > oldest);
}

export class BuildError extends Error {}

export function buildApp(root: string): void {
  const result = spawnSync('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (result.status !== 0)
    throw new BuildError('Building the app failed (see above); `npm run build` shows the whole output.');
}
