/** What the Files panel shows of a file at the cursor: its text, or the start of its bytes in hexadecimal. */
import { fileContent, partlyKept, type FileState } from '../../core/trace/files.ts';

/** Characters of text shown; the rest is in the trace (and written out by the CLI's --files-out). */
export const SHOWN_CHARS = 20_000;
/** Bytes of a binary file shown as hexadecimal. */
export const SHOWN_BYTES = 256;

export interface Preview {
  kind: 'text' | 'hex' | 'none';
  lines: string;
  /** The trace kept less than the file held (cut at 1 MB, or left out past 16 MB a run). */
  partly: boolean;
}

export function preview(file: FileState): Preview {
  const partly = partlyKept(file);
  if (file.text !== null) return { kind: 'text', lines: file.text.slice(0, SHOWN_CHARS), partly };
  const bytes = fileContent(file);
  if (bytes === null) return { kind: 'none', lines: '', partly };
  return { kind: 'hex', lines: hexDump(bytes.subarray(0, SHOWN_BYTES)), partly };
}

/** Rows of 16 bytes: offset, bytes in hexadecimal, and the printable ones as characters. */
export function hexDump(bytes: Uint8Array): string {
  const rows: string[] = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const row = bytes.subarray(at, at + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const chars = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${at.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${chars}`);
  }
  return rows.join('\n');
}

/** A size in bytes as people read it. */
export function sizeText(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toLocaleString(lang, { maximumFractionDigits: digits })} ${units[unit]}`;
}
