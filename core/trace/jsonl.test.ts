import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceOf } from './builder.ts';
import { eventsArbitrary } from './event-arbitrary.ts';
import { TraceFileError } from './file-error.ts';
import { decodeJsonl, encodeJsonl, jsonlChunks } from './jsonl.ts';
import { TRACE_VERSION, type TraceEvent } from './schema.ts';

describe('JSON Lines', () => {
  it('reads back exactly what it wrote', () => {
    fc.assert(
      fc.property(eventsArbitrary(), (events) => {
        expect([...decodeJsonl(encodeJsonl(traceOf(events))).events()]).toEqual(events);
      }),
    );
  });

  it('writes a header, then one event per line with the schema field names', () => {
    const text = encodeJsonl(traceOf([{ seq: 0, t: 7, kind: 'iter.stop', obj: 3, line: 9, again: true }]));
    expect(text).toBe(
      `{"format":"yieldscope-trace","version":${TRACE_VERSION},"events":1}\n` +
        '{"seq":0,"t":7,"kind":"iter.stop","obj":3,"line":9,"again":true}\n',
    );
  });

  it('reads bare event lines without a header', () => {
    const trace = decodeJsonl(
      '{"seq":0,"t":1,"kind":"line","obj":0,"line":2}\n\n{"seq":1,"t":2,"kind":"gen.close","obj":1}',
    );
    expect(trace.size).toBe(2);
    expect(trace.event(1)).toEqual({ seq: 1, t: 2, kind: 'gen.close', obj: 1 });
  });

  const header = `{"format":"yieldscope-trace","version":${TRACE_VERSION}}`;
  it.each([
    ['', 'not a trace: the file holds no events'],
    [`{"format":"yieldscope-trace","version":99}`, 'wrong version: the file is trace format version 99'],
    [`{"format":"other"}`, 'not a trace'],
    [`${header}\n{"seq":0,"t":1,"kind":"line"`, 'bad line 2: not valid JSON'],
    [`${header}\n{"seq":0,"t":1,"kind":"gen.teleport"}`, 'bad line 2: unknown kind "gen.teleport"'],
    [
      `${header}\n{"seq":0,"t":1,"kind":"gen.yield","value":5}`,
      'bad line 2: gen.yield field value must be a string, got 5',
    ],
    [`${header}\n{"seq":0,"t":"soon","kind":"line"}`, 'bad line 2: t must be'],
    [
      `${header}\n{"seq":0,"t":1,"kind":"line"}\n{"seq":2,"t":1,"kind":"line"}`,
      'bad line 3: seq is 2, expected 1',
    ],
    [`${header}\n[1,2]`, 'bad line 2'],
    [
      `{"format":"yieldscope-trace","version":${TRACE_VERSION},"events":2}\n{"seq":0,"t":1,"kind":"line"}`,
      'truncated: the header announces 2 events, the file holds 1',
    ],
  ])('refuses %j', (text, message) => {
    expect(() => decodeJsonl(text)).toThrow(TraceFileError);
    expect(() => decodeJsonl(text)).toThrow(message);
  });

  it('writes a big trace in pieces that join into the same text', () => {
    const many = Array.from({ length: 25_001 }, (_, seq): TraceEvent => ({
      seq,
      t: seq,
      kind: 'line',
      obj: 0,
      line: 1 + (seq % 7),
    }));
    const trace = traceOf(many);
    const chunks = [...jsonlChunks(trace)];
    expect(chunks.length).toBe(4);
    expect(decodeJsonl(chunks.join('')).size).toBe(25_001);
    expect(chunks.join('')).toBe(encodeJsonl(trace));
  });
});
