/**
 * JSON Lines export and import of a trace (`.jsonl`).
 *
 * The first line is a header object naming the format and its version:
 *
 *   {"format":"yieldscope-trace","version":3,"events":3}
 *
 * then one event per line, exactly as Trace.event decodes it: `seq`, `t` (nanoseconds since run
 * start), `kind`, `obj` and `line` where they apply, and every field of the kind under its schema
 * name (schema.ts), `null` where it has no value:
 *
 *   {"seq":0,"t":0,"kind":"run.start","obj":0,"python":"3.14.2","program":"main.py","options":"{\"seed\":1}",
 *    "source":"def producer():\n…","files":"[[\"main.py\",120]]"}
 *   {"seq":1,"t":5120,"kind":"gen.create","obj":1,"line":3,"name":"producer","genkind":"generator"}
 *
 * On import the header is optional (a file of bare event lines is read too), but when present its
 * version must be one this reader opens (READABLE_VERSIONS: fields a version lacks read as null),
 * and its event count must match. Blank lines are ignored. Every event
 * line is validated against the schema; the first bad one is refused with its line number.
 */
import { TraceBuilder, TraceEventError } from './builder.ts';
import { TraceFileError } from './file-error.ts';
import { READABLE_VERSIONS, TRACE_VERSION, type TraceEvent } from './schema.ts';
import type { Trace } from './trace.ts';

export const JSONL_FORMAT = 'yieldscope-trace';

interface JsonlHeader {
  format: typeof JSONL_FORMAT;
  version: number;
  events?: number;
}

/** Events per chunk of text: a chunk stays far below V8's longest string, the whole file need not. */
const CHUNK_EVENTS = 10_000;

/** The trace as JSON Lines text, header first, one event per line, each line ending in "\n". */
export function encodeJsonl(trace: Trace): string {
  return [...jsonlChunks(trace)].join('');
}

/** The same text in pieces, for writing a trace too big to be one string. */
export function* jsonlChunks(trace: Trace): Generator<string> {
  const header: JsonlHeader = { format: JSONL_FORMAT, version: TRACE_VERSION, events: trace.size };
  yield JSON.stringify(header) + '\n';
  for (let from = 0; from < trace.size; from += CHUNK_EVENTS) {
    const lines: string[] = [];
    for (let i = from; i < Math.min(trace.size, from + CHUNK_EVENTS); i++)
      lines.push(JSON.stringify(trace.event(i)));
    yield lines.join('\n') + '\n';
  }
}

export function decodeJsonl(text: string): Trace {
  const builder = new TraceBuilder();
  let header: JsonlHeader | undefined;
  let lineNumber = 0;
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end).trim();
    at = end + 1;
    lineNumber++;
    if (line === '') continue;
    const value = parseLine(line, lineNumber);
    if (lineNumber === 1 && isHeader(value)) {
      header = checkHeader(value);
      continue;
    }
    try {
      builder.add(value as TraceEvent);
    } catch (e) {
      if (e instanceof TraceEventError) throw TraceFileError.flaw(e.flaw, { ...e.values, line: lineNumber });
      throw e;
    }
  }
  if (header === undefined && builder.size === 0) throw TraceFileError.flaw('traceNoEvents');
  if (header?.events !== undefined && header.events !== builder.size)
    throw TraceFileError.flaw('traceCountMismatch', { announced: header.events, held: builder.size });
  return builder.trace();
}

function parseLine(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw TraceFileError.flaw('lineNotJson', { line: lineNumber });
  }
}

function isHeader(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && 'format' in value;
}

function checkHeader(value: Record<string, unknown>): JsonlHeader {
  if (value.format !== JSONL_FORMAT)
    throw TraceFileError.flaw('traceOtherFormat', {
      format: String(JSON.stringify(value.format)),
      expected: JSONL_FORMAT,
    });
  const version = value.version;
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version))
    throw TraceFileError.wrongVersion(String(JSON.stringify(version)));
  const events = value.events;
  if (events !== undefined && !(typeof events === 'number' && Number.isInteger(events) && events >= 0))
    throw TraceFileError.flaw('lineHeaderEvents', { line: 1, got: JSON.stringify(events) });
  return { format: JSONL_FORMAT, version, events };
}
