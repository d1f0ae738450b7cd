/**
 * The wire codec of the session API: how requests, replies and pushed events travel between the
 * renderer and a host, over Electron IPC or a WebSocket alike. A frame is one binary message:
 *
 *   bytes 0..3   "YSW" and the codec version (1)
 *   bytes 4..7   length H of the header, little-endian u32
 *   bytes 8..    the header, UTF-8 JSON: { frame, blobs: [[type, byteOffset, length], ...] }
 *   then         each typed array's raw bytes, 8-byte aligned, where the header's blobs say
 *
 * Inside `frame`, every typed array (a batch's columns, a trace file's bytes) is replaced by
 * `{"$bin": i}`, the index of its blob, and every long array of strings (a batch's new strings) by
 * `{"$strs": i}`: blob i holds their UTF-8 text, blob i + 1 their lengths. The rest stays JSON. So
 * an event batch costs its columns' bytes, its text and a small header, never one JSON value per
 * event or per string (parsing thousands of JSON strings a frame cost a live run's renderer more
 * than the rest of decoding).
 *
 * This module runs in the renderer too (the WebSocket client and the sandboxed preload import it):
 * it must stay free of Node APIs.
 */
import { problemOf, type Problem } from './problems.ts';
import type { Args, Method, Replies, SessionApi, SessionEvent } from './protocol.ts';

export type Frame =
  | { kind: 'request'; id: number; method: string; arg?: unknown }
  | { kind: 'reply'; id: number; ok: true; value?: unknown }
  /** A refusal: its English message, and the problem to say it in the user's language when there is one. */
  | { kind: 'reply'; id: number; ok: false; error: string; problem?: Problem }
  | { kind: 'event'; event: SessionEvent };

export class WireError extends Error {}

/** A request the host refused or failed: its English message, and its problem when it has one. */
export class HostRefusal extends Error {
  constructor(
    message: string,
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

export type Reply = Extract<Frame, { kind: 'reply' }>;

/** A reply's value; a refusal is thrown as a HostRefusal, its problem checked since it came from another process. */
export function replyValue(reply: Reply): unknown {
  if (reply.ok) return reply.value;
  throw new HostRefusal(reply.error, problemOf(reply));
}

/**
 * The session API as the desktop preload hands it to the page: `call` answers with the reply itself,
 * refusals included, since an error thrown across Electron's context bridge keeps only its message
 * and a refusal's problem must reach the page to be said in the user's language.
 */
export interface BridgedSession {
  call(method: Method, arg: unknown): Promise<Reply>;
  listen: SessionApi['listen'];
}

/** The page's session API over the preload's. */
export function overBridge(bridged: BridgedSession): SessionApi {
  return {
    call: async <M extends Method>(method: M, arg: Args<M>) =>
      replyValue(await bridged.call(method, arg)) as Replies[M],
    listen: (listener) => bridged.listen(listener),
  };
}

const MAGIC = [0x59, 0x53, 0x57, 1]; // "YSW", version 1
const PREAMBLE = 8;

type Blob = Float64Array | Int32Array | Uint8Array;
const BLOB_TYPES = { Float64Array, Int32Array, Uint8Array } as const;
type BlobType = keyof typeof BLOB_TYPES;

function blobType(value: unknown): BlobType | null {
  if (value instanceof Float64Array) return 'Float64Array';
  if (value instanceof Int32Array) return 'Int32Array';
  if (value instanceof Uint8Array) return 'Uint8Array';
  return null;
}

const align8 = (n: number) => (n + 7) & ~7;

/** Arrays of strings at least this long travel as a text blob and a lengths blob. */
const STRING_TABLE_MIN = 16;
const RESERVED = ['$bin', '$strs'];

/** Replaces typed arrays by blob references, collecting them in `blobs`. */
function extract(value: unknown, blobs: Blob[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  const type = blobType(value);
  if (type) {
    blobs.push(value as Blob);
    return { $bin: blobs.length - 1 };
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer)
    throw new WireError(
      `cannot send a ${value.constructor.name}: only Float64Array, Int32Array and Uint8Array travel`,
    );
  if (Array.isArray(value)) {
    if (value.length >= STRING_TABLE_MIN && value.every((v) => typeof v === 'string')) {
      const strings = value as string[];
      blobs.push(
        new TextEncoder().encode(strings.join('')),
        Int32Array.from(strings, (v) => v.length),
      );
      return { $strs: blobs.length - 2 };
    }
    return value.map((v) => extract(v, blobs));
  }
  const reserved = RESERVED.find((key) => Object.hasOwn(value, key));
  if (reserved) throw new WireError(`an object with a "${reserved}" key cannot travel: the key is reserved`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = extract(v, blobs);
  return out;
}

export function encodeFrame(frame: Frame): Uint8Array<ArrayBuffer> {
  const blobs: Blob[] = [];
  const body = extract(frame, blobs);
  const layout: [BlobType, number, number][] = [];
  // Offsets are relative to the end of the header, which is itself padded to 8: lay the blobs out
  // first, then the header, whose length does not depend on them.
  let offset = 0;
  for (const blob of blobs) {
    layout.push([blobType(blob)!, offset, blob.length]);
    offset = align8(offset + blob.byteLength);
  }
  const header = new TextEncoder().encode(JSON.stringify({ frame: body, blobs: layout }));
  const start = align8(PREAMBLE + header.length);
  const out = new Uint8Array(start + offset);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, header.length, true);
  out.set(header, PREAMBLE);
  blobs.forEach((blob, i) =>
    out.set(new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength), start + layout[i][1]),
  );
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Puts the blobs back where their references stand. */
function revive(value: unknown, blobs: Blob[], used: Set<number>): unknown {
  if (Array.isArray(value)) return value.map((v) => revive(v, blobs, used));
  if (!isRecord(value)) return value;
  if (Object.hasOwn(value, '$bin')) {
    const i = value.$bin;
    if (Object.keys(value).length !== 1 || typeof i !== 'number' || !(i in blobs) || used.has(i))
      throw new WireError('frame holds a bad blob reference');
    used.add(i);
    return blobs[i];
  }
  if (Object.hasOwn(value, '$strs')) return stringTable(value, blobs, used).strings();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (isRecord(v) && Object.hasOwn(v, '$strs')) definedOnRead(out, k, stringTable(v, blobs, used).strings);
    else out[k] = revive(v, blobs, used);
  }
  return out;
}

/**
 * Sets `target[key]` to what `make` returns, made when first read (or overwritten): a plain data
 * property from then on, so readers, copies and clones see an ordinary value.
 */
function definedOnRead(target: Record<string, unknown>, key: string, make: () => unknown): void {
  const settle = (value: unknown) =>
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = make();
      settle(value);
      return value;
    },
    set: settle,
  });
}

function checkEnvelope(frame: unknown): Frame {
  if (!isRecord(frame)) throw new WireError('frame is not an object');
  const id = frame.id;
  const idOk = typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
  if (frame.kind === 'request' && idOk && typeof frame.method === 'string') return frame as Frame;
  if (
    frame.kind === 'reply' &&
    idOk &&
    (frame.ok === true || (frame.ok === false && typeof frame.error === 'string'))
  )
    return frame as Frame;
  if (frame.kind === 'event' && isRecord(frame.event) && typeof frame.event.type === 'string')
    return frame as Frame;
  throw new WireError('frame is neither a request, a reply nor an event');
}

/**
 * A string table from its text blob and its lengths blob (see the top of this module): its
 * references are checked at once, its text (UTF-8, as long as its lengths say) and its strings by
 * `strings()`, which throws a WireError for a bad one. A property holding one is made when first
 * read: a live run's renderer receives batches faster than it shows them, and decoding a batch's
 * text as it arrived cost the frames of a run at the recorder's rate (5M events/s) a twentieth of
 * the page's time, which taking the batch in, within a frame's budget for new events, does not.
 */
function stringTable(
  ref: Record<string, unknown>,
  blobs: Blob[],
  used: Set<number>,
): { strings: () => string[] } {
  const i = ref.$strs;
  if (
    Object.keys(ref).length !== 1 ||
    typeof i !== 'number' ||
    !(blobs[i] instanceof Uint8Array) ||
    !(blobs[i + 1] instanceof Int32Array) ||
    used.has(i) ||
    used.has(i + 1)
  )
    throw new WireError('frame holds a bad string table reference');
  used.add(i);
  used.add(i + 1);
  const bytes = blobs[i];
  const lengths = blobs[i + 1];
  return {
    strings: () => {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new WireError('frame holds a string table that is not UTF-8');
      }
      let total = 0;
      for (let k = 0; k < lengths.length; k++) {
        if (lengths[k] < 0 || (total += lengths[k]) > text.length)
          throw new WireError('frame holds a string table longer than its text');
      }
      if (total !== text.length) throw new WireError('frame holds a string table shorter than its text');
      const strings = new Array<string>(lengths.length);
      for (let k = 0, at = 0; k < lengths.length; k++) strings[k] = text.slice(at, (at += lengths[k]));
      return strings;
    },
  };
}

/**
 * Decodes a frame from untrusted bytes; throws WireError naming what is wrong (for the text of a
 * string table held by a property, such as a batch's new strings: where it is first read). Each typed array is a
 * copy that owns its buffer (transferable, aligned, not pinning the frame), unless `views`: then it
 * is a view into the frame where alignment allows, for a receiver that only reads it once (the
 * renderer appends a batch's columns into its trace: a copy on top would double a live run's
 * allocations).
 */
export function decodeFrame(data: Uint8Array | ArrayBuffer, { views = false } = {}): Frame {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length < PREAMBLE || MAGIC.some((b, i) => bytes[i] !== b))
    throw new WireError('not a Yieldscope frame (or from another version)');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const start = align8(PREAMBLE + headerLength);
  if (PREAMBLE + headerLength > bytes.length) throw new WireError('frame is shorter than its header says');
  let header: unknown;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength)),
    );
  } catch {
    throw new WireError('frame header is not JSON');
  }
  if (!isRecord(header) || !Array.isArray(header.blobs))
    throw new WireError('frame header has no blob table');
  const blobs = header.blobs.map((entry: unknown): Blob => {
    if (!Array.isArray(entry) || entry.length !== 3) throw new WireError('bad blob table entry');
    const [type, offset, length] = entry as unknown[];
    if (typeof type !== 'string' || !Object.hasOwn(BLOB_TYPES, type))
      throw new WireError(`blob type ${String(type)} is not allowed`);
    const Ctor = BLOB_TYPES[type as BlobType];
    if (
      !Number.isSafeInteger(offset) ||
      !Number.isSafeInteger(length) ||
      (offset as number) < 0 ||
      (length as number) < 0
    )
      throw new WireError('bad blob bounds');
    const from = start + (offset as number);
    const to = from + (length as number) * Ctor.BYTES_PER_ELEMENT;
    if (to > bytes.length) throw new WireError('a blob runs past the end of the frame');
    const at = bytes.byteOffset + from;
    if (views && at % Ctor.BYTES_PER_ELEMENT === 0)
      return new Ctor(bytes.buffer as ArrayBuffer, at, length as number);
    const own = bytes.slice(from, to);
    return new Ctor(own.buffer, 0, length as number);
  });
  return checkEnvelope(revive(header.frame, blobs, new Set()));
}
