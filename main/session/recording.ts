/**
 * The last recording, kept automatically in the host's data folder so that it can be offered again
 * after a crash or a restart. Two files: the trace in the native format, and a small JSON note saying
 * what it is. Both are written atomically, trace first, so the note never describes a missing trace.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Hello } from '../../core/session/protocol.ts';
import { encodeNative } from '../../core/trace/native.ts';
import type { Trace } from '../../core/trace/trace.ts';
import { writeFileAtomic } from './atomic.ts';

export type RecordingNote = NonNullable<Hello['lastRecording']>;

const Note = z.object({ name: z.string(), events: z.number().int().min(0), savedAt: z.string() });

export class LastRecording {
  private readonly tracePath: string;
  private readonly notePath: string;

  constructor(folder: string) {
    this.tracePath = join(folder, 'last-recording.ystrace');
    this.notePath = join(folder, 'last-recording.json');
  }

  async keep(trace: Trace, name: string): Promise<void> {
    const note: RecordingNote = { name, events: trace.size, savedAt: new Date().toISOString() };
    await writeFileAtomic(this.tracePath, encodeNative(trace));
    await writeFileAtomic(this.notePath, new TextEncoder().encode(JSON.stringify(note)));
  }

  /** What was kept, or null when nothing was (or the note is unreadable). */
  async note(): Promise<RecordingNote | null> {
    try {
      return Note.parse(JSON.parse(await readFile(this.notePath, 'utf8')));
    } catch {
      return null;
    }
  }

  /** The kept trace's bytes, for the trace reader to validate like any other file. */
  async load(): Promise<{ name: string; bytes: Uint8Array } | null> {
    const note = await this.note();
    if (!note) return null;
    return { name: note.name, bytes: new Uint8Array(await readFile(this.tracePath)) };
  }
}
