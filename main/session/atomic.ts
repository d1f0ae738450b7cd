import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type Chunks = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Writes a file so that a crash at any moment leaves either the old file or the new one where it
 * stands, never half of one: the bytes go to a temporary file in the same folder (a rename across
 * file systems would not be atomic), are flushed to the disk, and the temporary file is then renamed
 * over the target.
 */
export async function writeFileAtomic(path: string, data: Chunks): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temp, 'wx');
  try {
    for await (const chunk of data instanceof Uint8Array ? [data] : data) await file.writeFile(chunk);
    await file.sync();
    await file.close();
    await rename(temp, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** Makes the rename itself durable. Windows cannot open a folder for syncing; there NTFS's journal covers it. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
