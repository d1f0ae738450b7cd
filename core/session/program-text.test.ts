import { describe, expect, it } from 'vitest';
import { decodeProgram, MAX_PROGRAM_BYTES, ProgramTextError } from './program-text.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const refusal = (b: Uint8Array): string => {
  try {
    decodeProgram(b, 'p.py');
  } catch (e) {
    expect(e).toBeInstanceOf(ProgramTextError);
    return (e as Error).message;
  }
  throw new Error('decoded, expected a refusal');
};

describe('decodeProgram, as CPython reads source', () => {
  it('reads UTF-8 by default, and after a byte order mark', () => {
    expect(decodeProgram(bytes("print('café')\n"), 'p.py')).toBe("print('café')\n");
    expect(decodeProgram(bytes([0xef, 0xbb, 0xbf], 'x = 1\n'), 'p.py')).toBe('x = 1\n');
  });

  it('follows a coding line on line 1, or on line 2 below a comment', () => {
    const cafe = [0x63, 0x61, 0x66, 0xe9];
    expect(decodeProgram(bytes('# -*- coding: latin-1 -*-\ns = "', cafe, '"\n'), 'p.py')).toBe(
      '# -*- coding: latin-1 -*-\ns = "café"\n',
    );
    expect(
      decodeProgram(
        bytes('#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\n"', [0xa4], '"\n'),
        'p.py',
      ),
    ).toContain('"€"');
    expect(decodeProgram(bytes('# coding=cp1252\n"', [0x80], '"\n'), 'p.py')).toContain('"€"');
    // below a line of code, a coding line is a plain comment: the file is UTF-8
    expect(refusal(bytes('x = 1\n# coding: latin-1\n"', cafe, '"\n'))).toMatch(
      /not valid UTF-8 text: byte 28 \(0xe9\)/,
    );
  });

  it('refuses undecodable text, naming the byte', () => {
    expect(refusal(bytes("print('caf", [0xe9], "')\n"))).toBe(
      'p.py is not valid UTF-8 text: byte 10 (0xe9) cannot be read. Save it as UTF-8, or name its encoding in a coding line ("# -*- coding: latin-1 -*-").',
    );
    expect(refusal(bytes('# coding: ascii\nx = "', [0xc3, 0xa9], '"\n'))).toMatch(
      /not valid ASCII text: byte 21 \(0xc3\)/,
    );
    expect(refusal(bytes('x = "', [0xe2, 0x82]))).toMatch(/not valid UTF-8 text: byte 5 \(0xe2\)/);
  });

  it('refuses binary files and unknown encodings', () => {
    expect(refusal(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toMatch(
      /^p.py is not a Python program: it holds a zero byte \(at byte 8\)/,
    );
    expect(refusal(bytes('# coding: klingon\n'))).toMatch(
      /names an encoding Python does not know here \(klingon\)/,
    );
    expect(refusal(bytes([0xef, 0xbb, 0xbf], '# coding: latin-1\n'))).toMatch(
      /byte order mark but its coding line says latin-1/,
    );
  });

  it('says the size limit in a sentence', () => {
    expect(refusal(new Uint8Array(MAX_PROGRAM_BYTES + 1).fill(0x20))).toBe(
      "p.py is 2.0 MB: Yieldscope runs programs of up to 2 MB. Move its data into a file of the program's folder and read it from there.",
    );
  });
});
