import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic.ts';

async function tempFolder() {
  return mkdtemp(join(tmpdir(), 'yieldscope-atomic-'));
}

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one', async () => {
    const dir = await tempFolder();
    const path = join(dir, 'run.ystrace');
    await writeFileAtomic(path, new TextEncoder().encode('first'));
    expect(await readFile(path, 'utf8')).toBe('first');
    await writeFileAtomic(path, [new TextEncoder().encode('sec'), new TextEncoder().encode('ond')]);
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['run.ystrace']);
  });

  it('leaves the old file intact and no temporary file behind when the write fails midway', async () => {
    const dir = await tempFolder();
    const path = join(dir, 'run.ystrace');
    await writeFile(path, 'the old trace');
    async function* crashing() {
      yield new Uint8Array(1 << 20).fill(65);
      throw new Error('disk full');
    }
    await expect(writeFileAtomic(path, crashing())).rejects.toThrow('disk full');
    expect(await readFile(path, 'utf8')).toBe('the old trace');
    expect(await readdir(dir)).toEqual(['run.ystrace']);
  });

  it('fails without touching anything when the folder does not exist', async () => {
    const dir = await tempFolder();
    await expect(writeFileAtomic(join(dir, 'missing', 'x.ystrace'), new Uint8Array(1))).rejects.toThrow(
      /ENOENT/,
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
