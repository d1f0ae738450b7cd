import type { PyodideAPI } from 'pyodide';

type FS = PyodideAPI['FS'];

/** Removes a folder and what it holds, whatever modes a program left on them. */
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
