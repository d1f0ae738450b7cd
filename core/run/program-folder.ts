/**
 * The program's folder inside Python: its working directory, which reads the host folder lazily
 * and keeps every change in memory, so the program can create, write, rename and delete files as
 * it would on disk while the host's files are never written.
 *
 * It is a fresh MEMFS mount per run whose nodes carry file operations of ours: a folder lists its
 * host folder on first look (names and sizes only), a file reads its host file on first open (only
 * what the program opens), and every change is noted as a FileChange. These operations run inside
 * Emscripten's system calls, where Python cannot be called (its GIL is released): the worker turns
 * the notes into `file` events from Python, when `onChange` has asked it to (files.py).
 * Symbolic links of the host are not followed (they could point anywhere on the host).
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PyodideAPI } from 'pyodide';
import { decodeProgram } from '../session/program-text.ts';
import { ProblemError } from '../session/problems.ts';
import { MAX_FILE_BYTES } from '../trace/schema.ts';
import { MAX_LISTED_FILES, type FolderListing } from './run-start.ts';
import type { Change, FileChange } from './types.ts';

export const PROGRAM_DIR = '/program';
/** A host file bigger than this is not read into the sandbox (the program gets EFBIG). */
export const MAX_READ_BYTES = 64 * 1024 * 1024;
/** What a run's folder may hold in memory, files read and written together (then ENOSPC). */
export const MAX_FOLDER_BYTES = 256 * 1024 * 1024;

/** A refused folder: the message says what to do, and its problem says it in the user's language. */
export class ProgramDirError extends ProblemError {}

// Emscripten's errno numbers (what Python's errno module holds in Pyodide) and mode bits.
const ENOENT = 44;
const EFBIG = 22;
const ENOSPC = 51;
const EIO = 29;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const O_ACCMODE = 3;

/** The parts of an Emscripten FS node this module uses, and what it adds to its own nodes. */
interface Node {
  name: string;
  mode: number;
  parent: Node;
  mount: { root: Node };
  contents: Record<string, Node> | Uint8Array;
  usedBytes: number;
  node_ops: NodeOps;
  stream_ops: StreamOps;
  /** The host file or folder not read yet. */
  host?: string;
  hostSize?: number;
  /** Changed since its last note. */
  dirty?: boolean;
  /** Streams open for writing. */
  writers?: number;
}
interface Stream {
  node: Node;
  flags: number;
}
type Attr = { size: number; [key: string]: unknown };
interface NodeOps {
  getattr(node: Node): Attr;
  setattr(node: Node, attr: Partial<Attr>): void;
  lookup(parent: Node, name: string): Node;
  mknod(parent: Node, name: string, mode: number, dev: number): Node;
  rename(node: Node, newDir: Node, newName: string): void;
  unlink(parent: Node, name: string): void;
  rmdir(parent: Node, name: string): void;
  readdir(node: Node): string[];
  symlink(parent: Node, name: string, target: string): Node;
}
interface StreamOps {
  open?(stream: Stream): void;
  close?(stream: Stream): void;
  write(
    stream: Stream,
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
    canOwn?: boolean,
  ): number;
  [op: string]: unknown;
}
interface Memfs {
  node_ops: NodeOps;
  stream_ops: StreamOps;
  createNode(parent: Node | null, name: string, mode: number, dev: number): Node;
}
interface EmscriptenFS {
  filesystems: { MEMFS: Memfs & object };
  ErrnoError: new (errno: number) => Error;
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
  mkdirTree(path: string): void;
  mount(type: object, opts: object, mountpoint: string): Node;
  unmount(mountpoint: string): void;
  lookupPath(path: string, opts: { follow_mount: boolean }): { node: Node & { mounted?: unknown } };
  analyzePath(path: string): { exists: boolean };
}

const isDir = (node: Node): boolean => (node.mode & 0o170000) === S_IFDIR;
const isFile = (node: Node): boolean => (node.mode & 0o170000) === S_IFREG;
const children = (dir: Node): Record<string, Node> => dir.contents as Record<string, Node>;

function isHostFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A copy of a file's first `limit` bytes (MEMFS may hold them in an Int8Array, a view of Python's memory). */
function bytesOf(node: Node, limit: number): Uint8Array {
  const held = node.contents as Uint8Array;
  return new Uint8Array(held.buffer, held.byteOffset, Math.min(node.usedBytes, limit)).slice();
}

export interface FolderSetup {
  /** The host folder, read lazily; none for a program typed in the editor (a folder of its own). */
  hostDir?: string;
  fileName: string;
  /** The program's text: its file in the folder holds this (what runs, not an older save). */
  source: string;
  /** Whether changes carry their content (for `file` events); the final state always can. */
  withContent: boolean;
  /** Called (inside a system call) when a change was noted. */
  onChange(): void;
}

export class ProgramFolder {
  private readonly fs: EmscriptenFS;
  private readonly memfs: Memfs;
  private readonly notes: FileChange[] = [];
  /** Files changed since their last note, noted when no stream writes them any more. */
  private readonly pending = new Set<Node>();
  /** Paths that existed when the run began (what the host folder held, and the program). */
  private readonly original = new Set<string>();
  /** The last change of every path the run touched: the folder's final state. */
  private readonly last = new Map<string, Change>();
  private bytes = 0;
  private root!: Node;
  private readonly dirOps: NodeOps;
  private readonly fileOps: NodeOps;
  private readonly streamOps: StreamOps;

  constructor(
    py: PyodideAPI,
    private readonly setup: FolderSetup,
  ) {
    this.fs = py.FS as unknown as EmscriptenFS;
    this.memfs = this.fs.filesystems.MEMFS;
    const memfs = this.memfs;
    const fs = this.fs;
    const ops = memfs.node_ops;
    this.dirOps = {
      ...ops,
      lookup: (parent, name) => {
        this.populate(parent);
        const child = children(parent)[name];
        if (!child) throw new fs.ErrnoError(ENOENT);
        return child;
      },
      readdir: (node) => {
        this.populate(node);
        return ops.readdir(node);
      },
      mknod: (parent, name, mode, dev) => {
        this.populate(parent);
        this.notePending();
        const node = ops.mknod(parent, name, mode, dev);
        this.adopt(node);
        if (isDir(node)) this.noted(node, 'created');
        else this.touch(node);
        return node;
      },
      rename: (node, newDir, newName) => {
        this.populate(newDir);
        this.notePending();
        const moved = this.subtree(node);
        for (const each of moved) this.load(each);
        const replaced = children(newDir)[newName];
        for (const each of moved.reverse()) this.note(each, 'deleted');
        if (replaced) this.bytes -= this.subtree(replaced).reduce((sum, n) => sum + this.held(n), 0);
        ops.rename(node, newDir, newName);
        node.parent = newDir; // as FS.rename does once this returns: the new paths are noted now
        for (const each of this.subtree(node)) this.note(each, this.createdOrWritten(each));
        this.setup.onChange();
      },
      unlink: (parent, name) => {
        this.notePending();
        const node = children(parent)[name];
        ops.unlink(parent, name);
        this.bytes -= this.held(node);
        this.pending.delete(node);
        this.noted(node, 'deleted', this.relative(parent) + name);
      },
      rmdir: (parent, name) => {
        const node = children(parent)[name];
        this.populate(node);
        this.notePending();
        ops.rmdir(parent, name);
        this.noted(node, 'deleted', `${this.relative(parent)}${name}/`);
      },
    };
    this.fileOps = {
      ...ops,
      getattr: (node) => {
        const attr = ops.getattr(node);
        if (node.host !== undefined) attr.size = node.hostSize ?? 0;
        return attr;
      },
      setattr: (node, attr) => {
        if (attr.size === undefined) return ops.setattr(node, attr);
        if (attr.size > 0) this.load(node);
        else delete node.host; // emptied: no need to read what it held
        this.grow(node, attr.size);
        ops.setattr(node, attr);
        this.touch(node);
      },
    };
    const stream = memfs.stream_ops;
    this.streamOps = {
      ...stream,
      open: (s) => {
        this.load(s.node);
        if ((s.flags & O_ACCMODE) !== 0) s.node.writers = (s.node.writers ?? 0) + 1;
      },
      close: (s) => {
        if ((s.flags & O_ACCMODE) === 0) return;
        s.node.writers = (s.node.writers ?? 1) - 1;
        if (s.node.dirty) this.setup.onChange();
      },
      write: (s, buffer, offset, length, position, canOwn) => {
        this.grow(s.node, Math.max(s.node.usedBytes, position + length));
        const written = stream.write(s, buffer, offset, length, position, canOwn);
        this.touch(s.node);
        return written;
      },
    };
  }

  /** Mounts a fresh folder at PROGRAM_DIR (the last run's is dropped unread) and returns its path. */
  mount(): string {
    const { hostDir, fileName } = this.setup;
    if (hostDir !== undefined && !isHostFolder(hostDir))
      throw new ProgramDirError({ key: 'programFolderGone', values: { path: hostDir } });
    const fs = this.fs;
    if (
      fs.analyzePath(PROGRAM_DIR).exists &&
      fs.lookupPath(PROGRAM_DIR, { follow_mount: false }).node.mounted
    )
      fs.unmount(PROGRAM_DIR);
    fs.mkdirTree(PROGRAM_DIR);
    this.root = fs.mount(this.memfs, {}, PROGRAM_DIR);
    this.adopt(this.root);
    this.root.host = hostDir;
    this.populate(this.root);
    const own =
      children(this.root)[fileName] ?? this.memfs.createNode(this.root, fileName, S_IFREG | 0o666, 0);
    const program = this.programBytes(own.host);
    this.adopt(own);
    delete own.host;
    own.contents = program;
    own.usedBytes = program.length;
    this.bytes += program.length;
    this.original.add(fileName);
    return PROGRAM_DIR;
  }

  /** The program file's bytes: the host file's if they decode to the source (its own encoding kept), else UTF-8. */
  private programBytes(host: string | undefined): Uint8Array {
    const { source, fileName } = this.setup;
    if (host !== undefined) {
      try {
        const saved = new Uint8Array(readFileSync(host));
        if (decodeProgram(saved, fileName) === source) return saved;
      } catch {
        // unreadable or not text: the folder holds the source as it runs
      }
    }
    return new TextEncoder().encode(source);
  }

  /** What the folder holds at the start, as run.start lists it (its top level). */
  listing(): FolderListing {
    return Object.values(children(this.root))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, MAX_LISTED_FILES)
      .map((node) => (isDir(node) ? [`${node.name}/`, null] : [node.name, this.size(node)]));
  }

  /** The changes noted since the last call, oldest first. */
  take(): FileChange[] {
    this.notePending();
    return this.notes.splice(0);
  }

  /**
   * After the run: notes what is still unnoted (a file never closed), and returns the folder's final
   * state, the last change of every path the run touched, with the content of what remains.
   */
  finish(): FileChange[] {
    for (const node of this.pending) node.writers = 0;
    this.notePending();
    return [...this.last]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, change]) => {
        const node = change === 'deleted' ? undefined : this.find(path);
        return {
          path,
          change,
          size: node && isFile(node) ? node.usedBytes : null,
          content: node && isFile(node) ? bytesOf(node, node.usedBytes) : null,
        };
      });
  }

  /** Gives a node of the folder our operations. */
  private adopt(node: Node): void {
    if (isDir(node)) {
      node.node_ops = this.dirOps;
    } else if (isFile(node)) {
      node.node_ops = this.fileOps;
      node.stream_ops = this.streamOps;
    }
  }

  /** Lists a folder's host folder into it, the first time it is looked at. */
  private populate(dir: Node): void {
    const host = dir.host;
    if (host === undefined) return;
    delete dir.host;
    const base = this.relative(dir);
    let names: string[];
    try {
      names = readdirSync(host);
    } catch {
      throw new this.fs.ErrnoError(EIO);
    }
    for (const name of names) {
      if (children(dir)[name]) continue;
      const path = join(host, name);
      let info;
      try {
        info = lstatSync(path);
      } catch {
        continue; // gone since it was listed
      }
      if (!info.isDirectory() && !info.isFile()) continue;
      const node = this.memfs.createNode(
        dir,
        name,
        info.isDirectory() ? S_IFDIR | 0o777 : S_IFREG | 0o666,
        0,
      );
      this.adopt(node);
      node.host = path;
      node.hostSize = info.size;
      this.original.add(base + name + (info.isDirectory() ? '/' : ''));
    }
  }

  /** Reads a file's host content, the first time it is opened (or changed in place). */
  private load(node: Node): void {
    if (node.host === undefined) return;
    if (isDir(node)) return this.populate(node);
    const size = node.hostSize ?? 0;
    if (size > MAX_READ_BYTES) throw new this.fs.ErrnoError(EFBIG);
    if (this.bytes + size > MAX_FOLDER_BYTES) throw new this.fs.ErrnoError(ENOSPC);
    let data: Uint8Array;
    try {
      data = new Uint8Array(readFileSync(node.host));
    } catch {
      throw new this.fs.ErrnoError(EIO);
    }
    delete node.host;
    node.contents = data;
    node.usedBytes = data.length;
    this.bytes += data.length;
    this.notes.push({ path: this.relative(node), change: 'read', size: data.length, content: null });
    this.setup.onChange();
  }

  /** Accounts for a file growing (or shrinking) to `size`; refuses what would pass MAX_FOLDER_BYTES. */
  private grow(node: Node, size: number): void {
    const delta = size - node.usedBytes;
    if (delta > 0 && this.bytes + delta > MAX_FOLDER_BYTES) throw new this.fs.ErrnoError(ENOSPC);
    this.bytes += delta;
  }

  private held(node: Node | undefined): number {
    return node && isFile(node) && node.host === undefined ? node.usedBytes : 0;
  }

  private size(node: Node): number {
    return node.host !== undefined ? (node.hostSize ?? 0) : node.usedBytes;
  }

  /** A file changed: it is noted once no stream writes it any more. */
  private touch(node: Node): void {
    node.dirty = true;
    this.pending.add(node);
    if (!node.writers) this.setup.onChange();
  }

  private notePending(): void {
    for (const node of this.pending) {
      if (node.writers) continue;
      this.pending.delete(node);
      if (node.dirty) this.note(node, this.createdOrWritten(node));
    }
  }

  /** A folder is created; a file is written if it was there when the run began, else created. */
  private createdOrWritten(node: Node): Change {
    return isFile(node) && this.original.has(this.relative(node)) ? 'written' : 'created';
  }

  private note(node: Node, change: Change, path = this.relative(node)): void {
    node.dirty = false;
    this.last.set(path, change);
    const file = isFile(node) && change !== 'deleted';
    const content = file && this.setup.withContent ? bytesOf(node, MAX_FILE_BYTES) : null;
    this.notes.push({ path, change, size: file ? node.usedBytes : null, content });
  }

  /** Notes a change made by the program just now, and asks for it to be recorded. */
  private noted(node: Node, change: Change, path?: string): void {
    this.note(node, change, path);
    this.setup.onChange();
  }

  /** A node and everything under it, folders before what they hold (listing host folders). */
  private subtree(node: Node): Node[] {
    if (!isDir(node)) return [node];
    this.populate(node);
    return [node, ...Object.values(children(node)).flatMap((child) => this.subtree(child))];
  }

  /** The path of a node relative to the folder; a folder's ends in "/" (the folder's own is ""). */
  private relative(node: Node): string {
    const names: string[] = [];
    for (let at = node; at !== this.root; at = at.parent) names.unshift(at.name);
    return names.join('/') + (isDir(node) && names.length > 0 ? '/' : '');
  }

  private find(path: string): Node | undefined {
    let node: Node | undefined = this.root;
    for (const name of path.split('/').filter(Boolean))
      node = node && isDir(node) ? children(node)[name] : undefined;
    return node;
  }
}
