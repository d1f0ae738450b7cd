/**
 * The native trace file (`.ystrace`): a whole Trace, losslessly, in about a tenth of its in-memory size.
 *
 * Layout (integers in the header are unsigned 32-bit little-endian):
 *
 *   offset  size  content
 *   0       8     magic 89 59 53 54 52 0D 0A 1A ("\x89YSTR\r\n\x1a": binary, and caught by text-mode mangling)
 *   8       4     format version (TRACE_VERSION of schema.ts; a reader opens READABLE_VERSIONS, refuses others)
 *   12      4     event count N
 *   16      4     string-table size S
 *   20      4     body length in bytes, before compression
 *   24      …     the body, raw DEFLATE (RFC 1951), to the end of the file
 *
 * The body is column by column. `varint` is unsigned LEB128; `zz` maps signed to unsigned (zigzag);
 * a "nullable delta" stream stores 0 for a missing value (NULL_INT) and otherwise
 * varint(zz(v − previous non-missing value of the same stream) + 1), the previous value starting at 0:
 *
 *   1 byte        t encoding: 0 = integers, N × varint(zz(t[i] − t[i−1])) follow (t[−1] = 0);
 *                             1 = otherwise, N × float64 little-endian follow
 *   N bytes       kind codes
 *   …             obj: nullable delta stream
 *   …             line: nullable delta stream
 *   5 × …         field columns f0..f4, each a nullable delta stream over the events whose kind has
 *                 that field (the others have none: read back as NULL_INT); its "previous value" is
 *                 kept per event kind (a string id follows the last one of the same kind and column)
 *   S × varint    string lengths in UTF-16 code units
 *   varint, …     byte length of the UTF-8 text of all strings concatenated, then that text
 *
 * Nothing may follow the strings. Reading validates the header, the exact body length, every kind
 * code and every string reference, and throws TraceFileError naming the problem otherwise.
 */
import { deflateSync, inflateSync } from 'fflate';
import { TraceFileError } from './file-error.ts';
import {
  FIELD_COLUMNS,
  fieldCount,
  KIND_NAMES,
  KINDS,
  NULL_INT,
  READABLE_VERSIONS,
  TRACE_VERSION,
} from './schema.ts';
import { Trace } from './trace.ts';
import { ByteReader, ByteWriter, unzigzag, zigzag } from './varint.ts';

export const NATIVE_MAGIC = Uint8Array.of(0x89, 0x59, 0x53, 0x54, 0x52, 0x0d, 0x0a, 0x1a);
const HEADER_BYTES = 24;
/** DEFLATE cannot expand data more than about 1032-fold; a header claiming more is lying. */
const MAX_INFLATE_RATIO = 1032;
const T_INTEGERS = 0;
const T_FLOATS = 1;

export function isNative(bytes: Uint8Array): boolean {
  return bytes.length >= NATIVE_MAGIC.length && NATIVE_MAGIC.every((b, i) => bytes[i] === b);
}

export function encodeNative(trace: Trace): Uint8Array {
  const n = trace.size;
  const { t, kind, obj, line, f } = trace.pieces();
  const body = new ByteWriter();
  writeTimes(body, t);
  for (const piece of kind) body.write(piece);
  writeNullableDeltas(body, obj, 0, null, null);
  writeNullableDeltas(body, line, 0, null, null);
  const counts = fieldCounts(TRACE_VERSION);
  for (let col = 0; col < FIELD_COLUMNS; col++) writeNullableDeltas(body, f, col, kind, counts);
  for (const s of trace.strings) body.varint(s.length);
  const text = new TextEncoder().encode(trace.strings.join(''));
  body.varint(text.length);
  body.write(text);

  const raw = body.result();
  const packed = deflateSync(raw, { level: 3 });
  const file = new Uint8Array(HEADER_BYTES + packed.length);
  file.set(NATIVE_MAGIC);
  const header = new DataView(file.buffer);
  header.setUint32(8, TRACE_VERSION, true);
  header.setUint32(12, n, true);
  header.setUint32(16, trace.strings.length, true);
  header.setUint32(20, raw.length, true);
  file.set(packed, HEADER_BYTES);
  return file;
}

export function decodeNative(bytes: Uint8Array): Trace {
  if (!isNative(bytes)) throw TraceFileError.flaw('traceNoSignature');
  if (bytes.length < HEADER_BYTES) throw TraceFileError.flaw('traceHeaderCut');
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const version = header.getUint32(8, true);
  if (!READABLE_VERSIONS.includes(version)) throw TraceFileError.wrongVersion(version);
  const n = header.getUint32(12, true);
  const stringCount = header.getUint32(16, true);
  const bodyLength = header.getUint32(20, true);
  const packed = bytes.subarray(HEADER_BYTES);
  if (bodyLength > packed.length * MAX_INFLATE_RATIO + 64 || n > bodyLength || stringCount > bodyLength)
    throw TraceFileError.flaw('traceHeaderSize');

  const out = new Uint8Array(bodyLength + 1);
  let raw: Uint8Array;
  try {
    raw = inflateSync(packed, { out });
  } catch (e) {
    throw TraceFileError.flaw('traceInflate', { detail: (e as Error).message });
  }
  if (raw.length < bodyLength) throw TraceFileError.flaw('traceDataShort');
  if (raw.length > bodyLength) throw TraceFileError.flaw('traceDataLong');

  const body = new ByteReader(raw);
  const t = readTimes(body, n);
  const kind = body.take(n).slice();
  for (let i = 0; i < n; i++)
    if (kind[i] >= KIND_NAMES.length)
      throw TraceFileError.flaw('traceKindCode', { event: i, kindCode: kind[i] });
  const obj = new Int32Array(n);
  readNullableDeltas(body, obj, n, 0, null, null);
  const line = new Int32Array(n);
  readNullableDeltas(body, line, n, 0, null, null);
  const f = new Int32Array(n * FIELD_COLUMNS);
  const counts = fieldCounts(version);
  for (let col = 0; col < FIELD_COLUMNS; col++) readNullableDeltas(body, f, n, col, kind, counts);
  const strings = readStrings(body, stringCount);
  if (body.left > 0) throw TraceFileError.flaw('traceExtraBytes', { count: body.left });
  checkReferences(kind, f, n, stringCount);

  // The columns were checked above and are exactly n long: they become the trace's own, uncopied.
  return Trace.fromColumns(n, { t, kind, obj, line, f }, strings);
}

/** The time column, given as consecutive pieces. */
function writeTimes(body: ByteWriter, t: Float64Array[]): void {
  const integers = t.every((piece) => piece.every((v) => Number.isInteger(v) && Math.abs(v) < 2 ** 52));
  if (!integers) {
    body.byte(T_FLOATS);
    for (const piece of t) body.write(new Uint8Array(Float64Array.from(piece).buffer));
    return;
  }
  body.byte(T_INTEGERS);
  let prev = 0;
  for (const piece of t)
    for (const v of piece) {
      body.varint(zigzag(v - prev));
      prev = v;
    }
}

function readTimes(body: ByteReader, n: number): Float64Array<ArrayBuffer> {
  const encoding = body.byte();
  if (encoding === T_FLOATS) return new Float64Array(body.take(n * 8).slice().buffer);
  if (encoding !== T_INTEGERS) throw TraceFileError.flaw('traceTimeEncoding', { encoding });
  const t = new Float64Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    prev += unzigzag(body.varint());
    t[i] = prev;
  }
  return t;
}

/**
 * How many fields each kind code has in a version: a field column holds a value only for events of
 * kinds that have it (a version-1 run.start has three).
 */
function fieldCounts(version: number): Uint8Array {
  return Uint8Array.from(KIND_NAMES, (name) => fieldCount(name, version));
}

/**
 * Values piece[i * stride + col] of a column given as consecutive pieces (as is `kinds`, piece for
 * piece), stride FIELD_COLUMNS with `kinds` and 1 without. With `kinds`, only events whose kind has
 * field `col` (by `counts`) are written, and each kind keeps its own running "previous value";
 * without, every event is, with one.
 */
function writeNullableDeltas(
  body: ByteWriter,
  column: Int32Array[],
  col: number,
  kinds: Uint8Array[] | null,
  counts: Uint8Array | null,
): void {
  const stride = kinds === null ? 1 : FIELD_COLUMNS;
  const prev = new Float64Array(256);
  column.forEach((piece, k) => {
    const kind = kinds === null ? null : kinds[k];
    for (let i = 0; i < piece.length / stride; i++) {
      const s = kind === null ? 0 : kind[i];
      if (kind !== null && counts !== null && counts[s] <= col) continue;
      const v = piece[i * stride + col];
      if (v === NULL_INT) {
        body.varint(0);
        continue;
      }
      body.varint(zigzag(v - prev[s]) + 1);
      prev[s] = v;
    }
  });
}

function readNullableDeltas(
  body: ByteReader,
  column: Int32Array,
  n: number,
  col: number,
  kinds: Uint8Array | null,
  counts: Uint8Array | null,
): void {
  const stride = kinds === null ? 1 : FIELD_COLUMNS;
  const prev = new Float64Array(256);
  for (let i = 0; i < n; i++) {
    const s = kinds === null ? 0 : kinds[i];
    if (kinds !== null && counts !== null && counts[s] <= col) {
      column[i * stride + col] = NULL_INT;
      continue;
    }
    const z = body.varint();
    if (z === 0) {
      column[i * stride + col] = NULL_INT;
      continue;
    }
    const v = prev[s] + unzigzag(z - 1);
    if (v <= NULL_INT || v > 2147483647) throw TraceFileError.flaw('traceNumberRange', { event: i });
    column[i * stride + col] = v;
    prev[s] = v;
  }
}

function readStrings(body: ByteReader, count: number): string[] {
  const lengths = new Array<number>(count);
  let total = 0;
  for (let i = 0; i < count; i++) total += lengths[i] = body.varint();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body.take(body.varint()));
  } catch (e) {
    if (e instanceof TraceFileError) throw e;
    throw TraceFileError.flaw('traceStringsUtf8');
  }
  if (text.length !== total) throw TraceFileError.flaw('traceStringsLengths');
  const strings = new Array<string>(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    strings[i] = text.slice(at, at + lengths[i]);
    at += lengths[i];
  }
  return strings;
}

/** Per kind code, the field types of its columns (undefined past its last field). */
const COLUMN_TYPES = KIND_NAMES.map((name) => KINDS[name].fields.map(([, type]) => type));

/** Every string-typed field must point into the string table, every bool be 0 or 1. */
function checkReferences(kind: Uint8Array, f: Int32Array, n: number, stringCount: number): void {
  for (let i = 0; i < n; i++) {
    const types = COLUMN_TYPES[kind[i]];
    for (let col = 0; col < types.length; col++) {
      const v = f[i * FIELD_COLUMNS + col];
      if (v === NULL_INT) continue;
      const type = types[col];
      if ((type === 'str' || type === 'num') && (v < 0 || v >= stringCount))
        throw badField('traceFieldOutside', i, kind[i], col);
      if (type === 'bool' && v !== 0 && v !== 1) throw badField('traceFieldBool', i, kind[i], col, v);
    }
  }
}

function badField(
  flaw: 'traceFieldOutside' | 'traceFieldBool',
  event: number,
  code: number,
  col: number,
  value = 0,
): TraceFileError {
  const kind = KIND_NAMES[code];
  return TraceFileError.flaw(flaw, { event, kind, field: KINDS[kind].fields[col][0], value });
}
