/** The trace file formats a session saves to, by the protocol's format names. */
import type { TraceFormat } from '../../core/session/protocol.ts';
import { encodeChrome } from '../../core/trace/chrome.ts';
import { encodeJsonl } from '../../core/trace/jsonl.ts';
import { encodeNative } from '../../core/trace/native.ts';
import type { Trace } from '../../core/trace/trace.ts';

interface Format {
  extension: string;
  /** For save dialogs' filters. */
  label: string;
  encode(trace: Trace): Uint8Array;
}

const text = (s: string) => new TextEncoder().encode(s);

export const FORMATS: Record<TraceFormat, Format> = {
  native: { extension: '.ystrace', label: 'Yieldscope trace', encode: encodeNative },
  jsonl: { extension: '.jsonl', label: 'JSON Lines', encode: (trace) => text(encodeJsonl(trace)) },
  chrome: {
    extension: '.trace.json',
    label: 'Chrome Trace (Perfetto)',
    encode: (trace) => text(encodeChrome(trace)),
  },
};

/** File extensions of the traces the reader opens (core/trace/open.ts: native and JSON Lines). */
export const OPENABLE_EXTENSIONS = ['.ystrace', '.jsonl'];

const KNOWN_ENDINGS = ['.trace.json', '.ystrace', '.jsonl', '.json', '.py'];

/** `producer.py` saved as JSON Lines → `producer.jsonl`; `run.ystrace` exported for Chrome → `run.trace.json`. */
export function traceFileName(name: string, format: TraceFormat): string {
  const ending = KNOWN_ENDINGS.find((e) => name.toLowerCase().endsWith(e));
  const stem = (ending ? name.slice(0, -ending.length) : name) || 'trace';
  return stem + FORMATS[format].extension;
}
