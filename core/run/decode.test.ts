import { describe, expect, it } from 'vitest';
import { FIELD_COLUMNS, KIND_CODE, NULL_INT } from '../trace/schema.ts';
import { FlushDecoder, ProbeFlushError, type ProbeFlush } from './decode.ts';

/** Packs events the way the probe does: kind | TIMED<<7 | line<<8 in the low half, obj in the high
 * half; fields flat, as many as the kind has. */
function flush(
  first: number,
  rows: { kind: number; line: number; obj: number; t?: number; fields?: number[] }[],
): ProbeFlush {
  const events = new Int32Array(rows.length * 2);
  const seconds: number[] = [];
  const fields: number[] = [];
  rows.forEach((r, i) => {
    events[2 * i] = r.kind | (r.t === undefined ? 0 : 128) | (r.line << 8);
    events[2 * i + 1] = r.obj;
    if (r.t !== undefined) seconds.push(r.t);
    if (r.fields) fields.push(...r.fields);
  });
  return {
    first,
    count: rows.length,
    events,
    seconds: new Float64Array(seconds),
    fields: new Int32Array(fields),
    stringBase: 0,
    strings: [],
  };
}

describe('FlushDecoder', () => {
  it('expands fields, gives untimed line events the previous time, also across flushes', () => {
    const decoder = new FlushDecoder();
    const resume = [0, 1, NULL_INT];
    const a = decoder.decode(
      flush(0, [
        { kind: KIND_CODE['gen.resume'], line: 7, obj: 3, t: 0.5, fields: resume },
        { kind: KIND_CODE.line, line: 8, obj: 3 },
      ]),
    );
    expect([...a.t]).toEqual([5e8, 5e8]);
    expect([...a.line]).toEqual([7, 8]);
    expect([...a.obj]).toEqual([3, 3]);
    expect([...a.f.subarray(0, FIELD_COLUMNS)]).toEqual([...resume, NULL_INT, NULL_INT]);
    expect([...a.f.subarray(FIELD_COLUMNS)]).toEqual(Array(FIELD_COLUMNS).fill(NULL_INT));
    const b = decoder.decode(flush(2, [{ kind: KIND_CODE.line, line: 9, obj: NULL_INT }]));
    expect(b.first).toBe(2);
    expect([...b.t]).toEqual([5e8]);
    expect(b.obj[0]).toBe(NULL_INT);
  });

  it('refuses a flush whose parts do not agree', () => {
    const bad = flush(0, [{ kind: KIND_CODE.line, line: 1, obj: 0 }]);
    expect(() => new FlushDecoder().decode({ ...bad, seconds: new Float64Array([1]) })).toThrow(
      ProbeFlushError,
    );
    expect(() => new FlushDecoder().decode({ ...bad, count: 2 })).toThrow(ProbeFlushError);
    expect(() => new FlushDecoder().decode(flush(0, [{ kind: 120, line: 1, obj: 0 }]))).toThrow(
      /unknown kind/,
    );
  });
});
