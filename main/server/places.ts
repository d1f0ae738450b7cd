/** Where the browser edition finds its files and keeps its data. */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const RENDERER_FOLDER = join(ROOT, 'out', 'renderer');
/** The core worker as the desktop app ships it (bundled, its Python files beside it). */
export const WORKER_FILE = join(ROOT, 'out', 'main', 'worker.js');
/** The lessons shipped with the app (a teacher may name a folder of their own: lessonsFolder). */
export const SHIPPED_LESSONS = join(ROOT, 'assets', 'lessons');

/**
 * The data folder (the last recording): YIELDSCOPE_DATA_DIR when set (tests isolate themselves with
 * it), else the platform's usual place for an application's data, shared with nothing else.
 */
export function dataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = homedir();
  const folder =
    env.YIELDSCOPE_DATA_DIR ||
    (platform === 'win32'
      ? join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Yieldscope')
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support', 'Yieldscope')
        : join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'yieldscope'));
  mkdirSync(folder, { recursive: true });
  return folder;
}
