/** The trace file formats a session saves to, by the protocol's format names. */
import type { TraceFormat } from '../../core/session/protocol.ts';
import { chromeChunks } from '../../core/trace/chrome.ts';
import { jsonlChunks } from '../../core/trace/jsonl.ts';
import { encodeNative } from '../../core/trace/native.ts';
import type { Trace } from '../../core/trace/trace.ts';

interface Format {
  extension: string;
  /** The file's bytes in pieces: the text exports of a large trace exceed the longest string V8 allows. */
  chunks(trace: Trace): Iterable<Uint8Array>;
}

function* encoded(texts: Iterable<string>): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  for (const text of texts) yield encoder.encode(text);
}

export const FORMATS: Record<TraceFormat, Format> = {
  native: { extension: '.ystrace', chunks: (trace) => [encodeNative(trace)] },
  jsonl: { extension: '.jsonl', chunks: (trace) => encoded(jsonlChunks(trace)) },
  chrome: { extension: '.trace.json', chunks: (trace) => encoded(chromeChunks(trace)) },
};

/** The pieces as one array, for a browser download. */
export function joinChunks(chunks: Iterable<Uint8Array>): Uint8Array {
  const parts = [...chunks];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

/** File extensions of the traces the reader opens (core/trace/open.ts: native and JSON Lines). */
export const OPENABLE_EXTENSIONS = ['.ystrace', '.jsonl'];

const KNOWN_ENDINGS = ['.trace.json', '.ystrace', '.jsonl', '.json', '.py'];

/** `producer.py` saved as JSON Lines → `producer.jsonl`; `run.ystrace` exported for Chrome → `run.trace.json`. */
export function traceFileName(name: string, format: TraceFormat): string {
  const ending = KNOWN_ENDINGS.find((e) => name.toLowerCase().endsWith(e));
  const stem = (ending ? name.slice(0, -ending.length) : name) || 'trace';
  return stem + FORMATS[format].extension;
}
