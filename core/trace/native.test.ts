import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceOf } from './builder.ts';
import { eventsArbitrary } from './event-arbitrary.ts';
import { TraceFileError } from './file-error.ts';
import { decodeNative, encodeNative } from './native.ts';
import { TRACE_VERSION, type TraceEvent } from './schema.ts';
import { CHUNK } from './column.ts';

const sample: TraceEvent[] = [
  {
    seq: 0,
    t: 0,
    kind: 'run.start',
    obj: 0,
    python: '3.14.0',
    program: 'p.py',
    options: '{"seed":1}',
    source: 'print(1)\n',
    files: '[["p.py",9]]',
  },
  { seq: 1, t: 1500, kind: 'gen.create', obj: 1, line: 3, name: 'producer', genkind: 'generator' },
  { seq: 2, t: 2500, kind: 'gen.resume', obj: 1, line: 3, by: 0, via: 'next', value: null },
  {
    seq: 3,
    t: 2600,
    kind: 'deque.op',
    obj: 2,
    line: 5,
    op: 'append',
    arg: '0',
    value: null,
    dropped: null,
    len: 1,
  },
  { seq: 4, t: 2700, kind: 'gen.yield', obj: 1, line: 6, value: 'naïve ✓ 🐍' },
  { seq: 5, t: 9000, kind: 'run.end', obj: 0, status: 'ok', message: null },
];

describe('native trace file', () => {
  it('reads back a trace of many chunks, written from its chunks, column for column', () => {
    const events = 3 * CHUNK + 5;
    const trace = traceOf(
      Array.from({ length: events }, (_, seq): TraceEvent => {
        const t = seq * 250 + (seq % 7);
        if (seq % 3 === 0) return { seq, t, kind: 'line', obj: seq % 5, line: (seq % 40) + 1 };
        if (seq % 3 === 1)
          return { seq, t, kind: 'gen.yield', obj: 1 + (seq % 4), line: 6, value: String(seq) };
        return { seq, t, kind: 'iter.stop', obj: seq, line: 9, again: seq % 2 === 0 };
      }),
    );
    const back = decodeNative(encodeNative(trace));
    expect(back.size).toBe(events);
    expect(back.columns()).toEqual(trace.columns());
    expect(back.strings).toEqual(trace.strings);
  });

  it('reads back exactly what it wrote', () => {
    fc.assert(
      fc.property(eventsArbitrary(), (events) => {
        const trace = decodeNative(encodeNative(traceOf(events)));
        expect([...trace.events()]).toEqual(events);
      }),
    );
  });

  it('keeps fractional and huge times exactly', () => {
    const events = sample.map((e, i) => ({ ...e, t: i * 1234.5678 + (i === 5 ? 2 ** 60 : 0) }));
    expect([...decodeNative(encodeNative(traceOf(events))).events()]).toEqual(events);
  });

  it('writes the format version into the header', () => {
    const bytes = encodeNative(traceOf(sample));
    expect(new DataView(bytes.buffer).getUint32(8, true)).toBe(TRACE_VERSION);
    expect(new DataView(bytes.buffer).getUint32(12, true)).toBe(sample.length);
  });

  it('refuses another version by number', () => {
    const bytes = encodeNative(traceOf(sample));
    new DataView(bytes.buffer).setUint32(8, TRACE_VERSION + 1, true);
    expect(() => decodeNative(bytes)).toThrow(
      `wrong version: the file is trace format version ${TRACE_VERSION + 1}, this Yieldscope reads versions 1 to 3`,
    );
  });

  it('refuses every truncation', () => {
    const bytes = encodeNative(traceOf(sample));
    for (let cut = 0; cut < bytes.length; cut++)
      expect(() => decodeNative(bytes.subarray(0, cut)), `cut at ${cut}`).toThrow(TraceFileError);
  });

  it('refuses a header that lies about the event count', () => {
    const bytes = encodeNative(traceOf(sample));
    new DataView(bytes.buffer).setUint32(12, sample.length + 1, true);
    expect(() => decodeNative(bytes)).toThrow(TraceFileError);
  });
});
