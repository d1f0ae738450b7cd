/**
 * The program's folder as a trace tells it: which files the run created, wrote or deleted, and what
 * they held, at any event. Read from the trace's `file` events (schema.ts), scanned once as the
 * trace grows, so asking for the folder at the cursor costs a search, not a walk of the run.
 */
import { KIND_CODE, NULL_INT } from './schema.ts';
import type { Trace } from './trace.ts';

export type FileChange = 'created' | 'written' | 'deleted';

/** A path of the folder after its last change up to some event. A folder's path ends in "/". */
export interface FileState {
  path: string;
  change: FileChange;
  /** Bytes after the change; null for a folder or a deleted path. */
  size: number | null;
  /** The content as text (UTF-8), or as base64 bytes, or neither when it was not kept. */
  text: string | null;
  bytes: string | null;
  /** The event that made this change. */
  seq: number;
}

/** A file the run read from the host folder, first at event `seq`. */
export interface FileRead {
  path: string;
  size: number | null;
  seq: number;
}

const FILE = KIND_CODE.file;

export class FolderHistory {
  private scanned = 0;
  private readonly changes: FileState[] = [];
  readonly reads: FileRead[] = [];

  /** Takes in the events the trace gained since the last call. */
  update(trace: Trace): void {
    for (let i = this.scanned; i < trace.size; i++) if (trace.kindAt(i) === FILE) this.ingest(trace, i);
    this.scanned = trace.size;
  }

  /** Takes in event i, a `file` event (for an index that walks the trace itself). */
  ingest(trace: Trace, i: number): void {
    const path = trace.str(i, 0) ?? '';
    const change = trace.str(i, 1);
    const size = trace.field(i, 2);
    const known = size === NULL_INT ? null : size;
    if (change === 'read') this.reads.push({ path, size: known, seq: i });
    else if (change === 'created' || change === 'written' || change === 'deleted')
      this.changes.push({ path, change, size: known, text: trace.str(i, 3), bytes: trace.str(i, 4), seq: i });
  }

  /** The files read from the host folder up to event `seq` (included). */
  readAt(seq: number = Infinity): FileRead[] {
    return this.reads.filter((read) => read.seq <= seq);
  }

  /** Whether the run touched no file of its folder (so far): none changed, none read. */
  get empty(): boolean {
    return this.changes.length === 0 && this.reads.length === 0;
  }

  /** Every path the run changed up to event `seq` (included), each as its last change left it, by path. */
  at(seq: number = Infinity): FileState[] {
    const last = new Map<string, FileState>();
    for (const state of this.changes) {
      if (state.seq > seq) break;
      last.set(state.path, state);
    }
    return [...last.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

/** The bytes a file state kept (cut at 1 MB: compare with its size), or null when none were kept. */
export function fileContent(state: FileState): Uint8Array | null {
  if (state.text !== null) return new TextEncoder().encode(state.text);
  if (state.bytes !== null) return Uint8Array.from(atob(state.bytes), (c) => c.charCodeAt(0));
  return null;
}

/** Whether the trace kept less of a file than it held (cut, or left out past the run's budget). */
export function partlyKept(state: FileState): boolean {
  if (state.change === 'deleted' || state.size === null) return false;
  const kept = fileContent(state);
  return kept === null ? state.size > 0 : kept.length < state.size;
}
