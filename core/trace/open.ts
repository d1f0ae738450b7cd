import { TraceFileError } from './file-error.ts';
import { decodeJsonl } from './jsonl.ts';
import { decodeNative, isNative } from './native.ts';
import type { Trace } from './trace.ts';

export { TraceFileError } from './file-error.ts';

/**
 * Reads a trace file of either readable format, telling them apart by content (not by name): the
 * native signature, or JSON Lines text. Anything else, and every flaw inside, is refused with a
 * TraceFileError whose message starts with the file's name.
 */
export function readTraceFile(bytes: Uint8Array, name: string): Trace {
  try {
    return decode(bytes, name);
  } catch (e) {
    if (e instanceof TraceFileError)
      throw e.flaw ? new TraceFileError({ key: e.flaw.key, values: { ...e.flaw.values, name } }) : e;
    // A reader bug or an allocation failure on absurd input: still this file's problem to the user.
    const detail = e instanceof Error ? e.message : String(e);
    throw new TraceFileError({ key: 'traceUnreadable', values: { name, detail } });
  }
}

/** JSON Lines is read as one string, and V8's strings stop at 2^29 − 24 characters. */
const MAX_TEXT_BYTES = 2 ** 29 - 24;

function decode(bytes: Uint8Array, name: string): Trace {
  if (bytes.length === 0) throw new TraceFileError({ key: 'traceEmpty', values: { name } });
  if (isNative(bytes)) return decodeNative(bytes);
  if (bytes.length > MAX_TEXT_BYTES)
    throw new TraceFileError({
      key: 'traceTooLargeAsText',
      values: { name, mb: Math.round(bytes.length / 1e6) },
    });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new TraceFileError({ key: 'traceNotText', values: { name } });
  }
  const start = text.trimStart();
  if (start.startsWith('{"displayTimeUnit"') || start.startsWith('{"traceEvents"'))
    throw new TraceFileError({ key: 'traceChrome', values: { name } });
  if (!start.startsWith('{')) throw new TraceFileError({ key: 'traceNotJsonl', values: { name } });
  return decodeJsonl(text);
}
