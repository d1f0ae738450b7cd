import { describe, expect, it } from 'vitest';
import type { FileState } from '../../core/trace/files.ts';
import { hexDump, preview, sizeText } from './file-preview.ts';

const state = (over: Partial<FileState>): FileState => ({
  path: 'f',
  change: 'created',
  size: 0,
  text: null,
  bytes: null,
  seq: 0,
  ...over,
});

describe('a file at the cursor', () => {
  it('shows text as text, bytes in hexadecimal, and nothing when none was kept', () => {
    expect(preview(state({ size: 3, text: 'abc' }))).toEqual({ kind: 'text', lines: 'abc', partly: false });
    expect(preview(state({ size: 3, bytes: 'AP8B' }))).toEqual({
      kind: 'hex',
      lines: '00000000  00 ff 01                                         ...',
      partly: false,
    });
    expect(preview(state({ size: 5 }))).toEqual({ kind: 'none', lines: '', partly: true });
  });

  it('dumps bytes sixteen to a row with their printable characters', () => {
    const bytes = Uint8Array.from({ length: 18 }, (_, i) => 0x41 + i);
    expect(hexDump(bytes).split('\n')).toEqual([
      '00000000  41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50  ABCDEFGHIJKLMNOP',
      '00000010  51 52                                            QR',
    ]);
  });

  it('says sizes as people read them', () => {
    expect(sizeText(6, 'en')).toBe('6 B');
    expect(sizeText(1536, 'en')).toBe('1.5 KB');
    expect(sizeText(5 * 1024 * 1024, 'en')).toBe('5 MB');
  });
});
