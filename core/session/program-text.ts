/**
 * A program file's bytes to its text, as CPython decodes source: UTF-8 unless a PEP 263 coding line
 * (`# -*- coding: latin-1 -*-`, on line 1, or on line 2 below a comment or blank line) names another
 * encoding; a UTF-8 byte order mark means UTF-8. What CPython would refuse is refused here too, with
 * a message naming the byte — never decoded with replacement characters. Runs in every host and in
 * the page (a program picked in the browser edition).
 */
import { ProblemError, type Problem } from './problems.ts';

/** The longest program Yieldscope runs, in bytes of its file and characters of its text. */
export const MAX_PROGRAM_BYTES = 2_000_000;

/** A program that cannot be run as it is: the problem says why and what to do. */
export class ProgramTextError extends ProblemError {}

const BOM = [0xef, 0xbb, 0xbf];
const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(?:[#\r\n]|$)/;

/** Python's names for an encoding (lower case, `_` as `-`) → the WHATWG label TextDecoder knows. */
const DECODERS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  u8: 'utf-8',
  'utf-8-sig': 'utf-8',
  cp65001: 'utf-8',
  koi8r: 'koi8-r',
  'koi8-r': 'koi8-r',
  'koi8-u': 'koi8-u',
  gbk: 'gbk',
  gb2312: 'gbk',
  cp936: 'gbk',
  gb18030: 'gb18030',
  big5: 'big5',
  cp950: 'big5',
  'euc-jp': 'euc-jp',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  cp932: 'shift_jis',
  'euc-kr': 'euc-kr',
  cp949: 'euc-kr',
  'iso-2022-jp': 'iso-2022-jp',
  'mac-roman': 'macintosh',
  macroman: 'macintosh',
};
for (const n of [1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258])
  DECODERS[`cp${n}`] = DECODERS[`windows-${n}`] = `windows-${n}`;
for (const n of [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16])
  DECODERS[`iso-8859-${n}`] = DECODERS[`iso8859-${n}`] = `iso-8859-${n}`;
/** Encodings whose WHATWG label means something else (latin-1 is windows-1252 there): decoded here. */
const LATIN1 = new Set(['latin-1', 'latin1', 'latin', 'l1', 'iso-8859-1', 'iso8859-1', '8859', 'cp819']);
const ASCII = new Set(['ascii', 'us-ascii', '646']);
/** Node's TextDecoder reads windows-1252 as latin-1: its 0x80–0x9f are decoded here (0 where Python has none). */
const CP1252 = new Set(['cp1252', 'windows-1252']);
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0, 0x17d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0, 0x17e,
  0x178,
];

/** The program's text. Throws ProgramTextError for a binary file, an unknown encoding or an undecodable byte. */
export function decodeProgram(bytes: Uint8Array, fileName: string): string {
  if (bytes.length > MAX_PROGRAM_BYTES) throw new ProgramTextError(tooLong(fileName, bytes.length));
  const zero = bytes.indexOf(0);
  if (zero >= 0)
    throw new ProgramTextError({ key: 'zeroByte', values: { name: fileName, at: String(zero) } });
  const bom = BOM.every((b, i) => bytes[i] === b);
  const named = codingLine(bytes);
  const encoding = named ?? 'utf-8';
  if (bom && named !== undefined && !['utf-8', 'utf8', 'u8', 'utf-8-sig'].includes(named))
    throw new ProgramTextError({ key: 'bomAndCoding', values: { name: fileName, encoding: named } });
  const body = bom ? bytes.subarray(3) : bytes;
  const at = bom ? 3 : 0;
  if (LATIN1.has(encoding)) return byteText(body);
  if (ASCII.has(encoding)) {
    const bad = body.findIndex((b) => b > 0x7f);
    if (bad >= 0) throw new ProgramTextError(undecodable(fileName, 'ASCII', body, bad, at));
    return byteText(body);
  }
  if (CP1252.has(encoding)) {
    const bad = body.findIndex((b) => b >= 0x80 && b < 0xa0 && CP1252_HIGH[b - 0x80] === 0);
    if (bad >= 0) throw new ProgramTextError(undecodable(fileName, encoding, body, bad, at));
    return byteText(body).replace(/[\x80-\x9f]/g, (c) =>
      String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]),
    );
  }
  if (encoding === 'utf-8' || DECODERS[encoding] === 'utf-8') {
    const bad = badUtf8(body);
    if (bad >= 0) throw new ProgramTextError(undecodable(fileName, 'utf-8', body, bad, at));
  }
  const label = DECODERS[encoding];
  if (label === undefined)
    throw new ProgramTextError({ key: 'unknownEncoding', values: { name: fileName, encoding } });
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new ProgramTextError(undecodable(fileName, encoding, body, firstBadByte(label, body), at));
  }
}

/** The problem of a program over the size limit. */
export function tooLong(fileName: string, bytes: number): Problem {
  return {
    key: 'programTooLong',
    values: { name: fileName, mb: (bytes / 1e6).toFixed(1), max: MAX_PROGRAM_BYTES / 1e6 },
  };
}

/** The encoding a PEP 263 coding line names (normalized as Python does), if there is one. */
function codingLine(bytes: Uint8Array): string | undefined {
  const lines = latin1Lines(bytes, 2);
  const first = lines[0]?.match(COOKIE);
  if (first) return normal(first[1]);
  if (lines[0] !== undefined && BLANK_OR_COMMENT.test(lines[0])) {
    const second = lines[1]?.match(COOKIE);
    if (second) return normal(second[1]);
  }
  return undefined;
}

function normal(name: string): string {
  return name.toLowerCase().replaceAll('_', '-');
}

function latin1Lines(bytes: Uint8Array, count: number): string[] {
  const lines: string[] = [];
  let start = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? 3 : 0;
  while (lines.length < count && start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    lines.push(byteText(bytes.subarray(start, Math.min(end, start + 400))));
    start = end + 1;
  }
  return lines;
}

/** Each byte as the character of the same number (latin-1), in pieces small enough to spread. */
function byteText(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

/** Where the first malformed UTF-8 sequence starts (as Python reports it), or -1. */
function badUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const [length, min, max] =
      b < 0x80
        ? [1, 0, 0]
        : b >= 0xc2 && b < 0xe0
          ? [2, 0x80, 0xbf]
          : b === 0xe0
            ? [3, 0xa0, 0xbf]
            : b === 0xed
              ? [3, 0x80, 0x9f]
              : b > 0xe0 && b < 0xf0
                ? [3, 0x80, 0xbf]
                : b === 0xf0
                  ? [4, 0x90, 0xbf]
                  : b > 0xf0 && b < 0xf4
                    ? [4, 0x80, 0xbf]
                    : b === 0xf4
                      ? [4, 0x80, 0x8f]
                      : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      // the second byte's range guards against overlong and surrogate forms; the rest are plain continuations
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** The first byte a decoder refuses: the shortest refused prefix, found by halving. */
function firstBadByte(label: string, bytes: Uint8Array): number {
  const refuses = (length: number): boolean => {
    try {
      new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length), {
        stream: true,
      });
      return false;
    } catch {
      return true;
    }
  };
  let [lo, hi] = [0, bytes.length];
  if (!refuses(hi)) return bytes.length; // only the end is unfinished: the last character was cut
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (refuses(mid)) hi = mid;
    else lo = mid;
  }
  return lo;
}

function undecodable(
  fileName: string,
  encoding: string,
  body: Uint8Array,
  offset: number,
  at: number,
): Problem {
  const where = Math.min(offset, body.length - 1);
  const byte = body[where];
  return {
    key: 'undecodable',
    values: {
      name: fileName,
      encoding: encoding === 'utf-8' ? 'UTF-8' : encoding,
      // `cut`: the file ends inside a character, so there is no byte to name
      at: byte === undefined ? 'cut' : String(where + at),
      hex: byte === undefined ? '' : `0x${byte.toString(16).padStart(2, '0')}`,
    },
  };
}
