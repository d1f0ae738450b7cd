/** Builds the renderer when out/renderer is missing or older than its sources, so `npm run serve` always serves today's code. */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the renderer bundle is made of: its own folder, the core modules it imports, the build config. */
const SOURCES = ['renderer', 'core/trace', 'core/session', 'electron.config.ts', 'main/csp.ts'];

function newest(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function rendererIsStale(root: string): boolean {
  const built = statSync(join(root, 'out', 'renderer', 'index.html'), { throwIfNoEntry: false });
  return !built || SOURCES.some((source) => newest(join(root, source)) > built.mtimeMs);
}

export class BuildError extends Error {}

export function buildRenderer(root: string): void {
  const result = spawnSync('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (result.status !== 0)
    throw new BuildError('Building the app failed (see above); `npm run build` shows the whole output.');
}
