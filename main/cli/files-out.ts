/** `--files-out DIR`: the files a run left in its folder, written out from its trace. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileContent, FolderHistory, partlyKept } from '../../core/trace/files.ts';
import type { Trace } from '../../core/trace/trace.ts';

/** Writes them into `dir`; returns a sentence for each file the trace did not keep whole. */
export async function writeFilesOut(trace: Trace, dir: string): Promise<string[]> {
  const history = new FolderHistory();
  history.update(trace);
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  const notes: string[] = [];
  for (const file of history.at()) {
    if (file.change === 'deleted') continue;
    const target = resolve(root, file.path);
    // the paths are the folder's own, but a trace is a file anyone can hand over
    if (relative(root, target).startsWith('..')) continue;
    if (file.path.endsWith('/')) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, fileContent(file) ?? new Uint8Array(0));
    if (partlyKept(file))
      notes.push(
        `${join(dir, file.path)}: the trace kept only part of it (files are kept up to 1 MB each, 16 MB a run): ${file.size} bytes in the run`,
      );
  }
  return notes;
}
