import { MAX_RUN_FILE_BYTES } from '../trace/schema.ts';
import type { FieldValue } from '../scheduler/run-context.ts';
import type { FileChange } from './types.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns the folder's changes into `file` event fields, keeping contents within the trace's bounds:
 * each already cut at MAX_FILE_BYTES (the event's size still says the whole), and MAX_RUN_FILE_BYTES for
 * the run, after which contents are left out. One per run.
 */
export class KeptFiles {
  private left = MAX_RUN_FILE_BYTES;

  /** [path, change, size, text, bytes] as the schema orders a `file` event's fields. */
  fields(change: FileChange): FieldValue[] {
    const { path, size, content } = change;
    const base: FieldValue[] = [path, change.change, size];
    if (content === null || content.length > this.left) return [...base, null, null];
    this.left -= content.length;
    const text = asText(content, size !== null && content.length < size);
    return text === null
      ? [...base, null, Buffer.from(content.buffer, content.byteOffset, content.length).toString('base64')]
      : [...base, text, null];
  }
}

/**
 * The content as text if it is UTF-8 without a zero byte, as text files are (a cut one may end inside
 * a character: that end is dropped); else null: it is kept as bytes.
 */
function asText(content: Uint8Array, cut: boolean): string | null {
  if (content.includes(0)) return null;
  for (let drop = 0; drop <= (cut ? Math.min(3, content.length) : 0); drop++) {
    try {
      return utf8.decode(content.subarray(0, content.length - drop));
    } catch {
      // not text, or a character cut in the middle: try without its last bytes
    }
  }
  return null;
}
