import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PyodideAPI } from 'pyodide';

/** The program's folder inside Pyodide: a read-only copy of the host folder, its working directory. */
export const PROGRAM_DIR = '/program';
const MAX_FILES = 500;
const MAX_BYTES = 64 * 1024 * 1024;

export class ProgramDirError extends Error {}

type FS = PyodideAPI['FS'];

/** Removes a previous run's copy (its read-only modes would refuse the removal). */
function removeTree(fs: FS, path: string): void {
  if (!fs.analyzePath(path).exists) return;
  emptyDir(fs, path);
  fs.rmdir(path);
}

/** Removes everything in a folder, whatever modes a program left on it. */
function emptyDir(fs: FS, path: string): void {
  fs.chmod(path, 0o755);
  for (const name of fs.readdir(path)) {
    if (name === '.' || name === '..') continue;
    const child = `${path}/${name}`;
    const { mode } = fs.lstat(child);
    if (fs.isDir(mode)) removeTree(fs, child);
    else fs.unlink(child);
  }
}

/** Where a program may write: emptied before each run, so no run sees what an earlier one left there. */
const SCRATCH_DIRS = ['/tmp'];

export function emptyScratchDirs(py: PyodideAPI): void {
  for (const dir of SCRATCH_DIRS) if (py.FS.analyzePath(dir).exists) emptyDir(py.FS, dir);
}

/**
 * Copies the host folder into Pyodide's in-memory file system and makes the copy read-only, so the
 * program can open its data files but cannot change anything and sees nothing else of the host.
 * Symbolic links are not followed (they could point anywhere on the host).
 */
export function mountProgramDir(py: PyodideAPI, hostDir: string | undefined): string {
  const fs = py.FS;
  removeTree(fs, PROGRAM_DIR);
  fs.mkdirTree(PROGRAM_DIR);
  let files = 0;
  let bytes = 0;
  const copy = (from: string, to: string): void => {
    for (const name of readdirSync(from)) {
      const src = join(from, name);
      const dst = `${to}/${name}`;
      const st = lstatSync(src);
      if (st.isDirectory()) {
        fs.mkdir(dst);
        copy(src, dst);
        fs.chmod(dst, 0o555);
      } else if (st.isFile()) {
        files += 1;
        bytes += st.size;
        if (files > MAX_FILES || bytes > MAX_BYTES)
          throw new ProgramDirError(
            `the program's folder ${hostDir} is too big to mount (over ${MAX_FILES} files or ${MAX_BYTES >> 20} MB): put the program in a folder of its own, with only the files it reads`,
          );
        fs.writeFile(dst, readFileSync(src));
        fs.chmod(dst, 0o444);
      }
    }
  };
  if (hostDir) {
    try {
      copy(hostDir, PROGRAM_DIR);
    } catch (e) {
      if (e instanceof ProgramDirError) throw e;
      throw new ProgramDirError(`cannot read the program's folder ${hostDir}: ${(e as Error).message}`);
    }
  }
  fs.chmod(PROGRAM_DIR, 0o555);
  return PROGRAM_DIR;
}
