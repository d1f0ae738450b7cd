import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolder } from './places.ts';
import { rendererIsStale } from './renderer-build.ts';

describe('the data folder', () => {
  it('is YIELDSCOPE_DATA_DIR when set, else the platform’s place, and exists', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'yieldscope-data-')), 'nested');
    expect(dataFolder({ YIELDSCOPE_DATA_DIR: dir }, 'linux')).toBe(dir);
    const xdg = await mkdtemp(join(tmpdir(), 'yieldscope-xdg-'));
    expect(dataFolder({ XDG_DATA_HOME: xdg }, 'linux')).toBe(join(xdg, 'yieldscope'));
  });
});

describe('the renderer build', () => {
  it('is stale when missing or older than a source', async () => {
    const root = await mkdtemp(join(tmpdir(), 'yieldscope-build-'));
    await mkdir(join(root, 'renderer', 'lib'), { recursive: true });
    await writeFile(join(root, 'renderer', 'lib', 'a.ts'), '');
    expect(rendererIsStale(root)).toBe(true);
    await mkdir(join(root, 'out', 'renderer'), { recursive: true });
    await writeFile(join(root, 'out', 'renderer', 'index.html'), '');
    const past = new Date(Date.now() - 60_000);
    await utimes(join(root, 'renderer', 'lib', 'a.ts'), past, past);
    expect(rendererIsStale(root)).toBe(false);
    await writeFile(join(root, 'renderer', 'lib', 'a.ts'), 'changed');
    const future = new Date(Date.now() + 60_000);
    await utimes(join(root, 'renderer', 'lib', 'a.ts'), future, future);
    expect(rendererIsStale(root)).toBe(true);
  });
});
