import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolder } from './places.ts';
import { appIsStale } from './app-build.ts';

describe('the data folder', () => {
  it('is YIELDSCOPE_DATA_DIR when set, else the platform’s place, and exists', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'yieldscope-data-')), 'nested');
    expect(dataFolder({ YIELDSCOPE_DATA_DIR: dir }, 'linux')).toBe(dir);
    const xdg = await mkdtemp(join(tmpdir(), 'yieldscope-xdg-'));
    expect(dataFolder({ XDG_DATA_HOME: xdg }, 'linux')).toBe(join(xdg, 'yieldscope'));
  });
});

describe('the app build', () => {
  it('is stale when the renderer or the worker is missing, or older than a source of either', async () => {
    const root = await mkdtemp(join(tmpdir(), 'yieldscope-build-'));
    const sources = [join('renderer', 'lib', 'a.ts'), join('core', 'run', 'worker.ts')];
    for (const source of sources) {
      await mkdir(join(root, source, '..'), { recursive: true });
      await writeFile(join(root, source), '');
    }
    expect(appIsStale(root)).toBe(true);
    await mkdir(join(root, 'out', 'renderer'), { recursive: true });
    await writeFile(join(root, 'out', 'renderer', 'index.html'), '');
    const past = new Date(Date.now() - 60_000);
    for (const source of sources) await utimes(join(root, source), past, past);
    expect(appIsStale(root), 'the worker is not built').toBe(true);
    await mkdir(join(root, 'out', 'main'), { recursive: true });
    await writeFile(join(root, 'out', 'main', 'worker.js'), '');
    expect(appIsStale(root)).toBe(false);
    const future = new Date(Date.now() + 60_000);
    for (const source of sources) {
      await utimes(join(root, source), future, future);
      expect(appIsStale(root), source).toBe(true);
      await utimes(join(root, source), past, past);
    }
    expect(appIsStale(root)).toBe(false);
  });
});
