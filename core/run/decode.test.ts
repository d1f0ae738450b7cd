import { describe, expect, it } from 'vitest';
import { FIELD_COLUMNS, KIND_CODE, NULL_INT } from '../trace/schema.ts';
import { FlushDecoder, ProbeFlushError, undelivered, type ProbeFlush } from './decode.ts';

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
    const a = decoder.decode(
      flush(0, [
        { kind: KIND_CODE['gen.resume'], line: 7, obj: 3, t: 0.5, fields: [1, NULL_INT] },
        { kind: KIND_CODE.line, line: 8, obj: 0 },
      ]),
    );
    expect([...a.t]).toEqual([5e8, 5e8]);
    expect([...a.line]).toEqual([7, 8]);
    expect([...a.obj]).toEqual([3, 3]);
    expect([...a.f.subarray(0, FIELD_COLUMNS)]).toEqual([0, 1, NULL_INT, NULL_INT, NULL_INT]);
    expect([...a.f.subarray(FIELD_COLUMNS)]).toEqual(Array(FIELD_COLUMNS).fill(NULL_INT));
    const b = decoder.decode(flush(2, [{ kind: KIND_CODE.line, line: 9, obj: 0 }]));
    expect(b.first).toBe(2);
    expect([...b.t]).toEqual([5e8]);
    expect(b.obj[0]).toBe(3);
  });

  it('follows which generator runs: what resumed it, whose lines, who leaves', () => {
    const decoder = new FlushDecoder();
    const resume = (obj: number, via: number) => ({
      kind: KIND_CODE['gen.resume'],
      line: 1,
      obj,
      fields: [via, NULL_INT],
    });
    const leave = (kind: 'gen.yield' | 'gen.return' | 'gen.raise' | 'gen.close', fields: number[]) => ({
      kind: KIND_CODE[kind],
      line: 2,
      obj: 0,
      fields,
    });
    const line = { kind: KIND_CODE.line, line: 3, obj: 0 };
    const a = decoder.decode(
      flush(0, [
        resume(4, 10),
        line,
        resume(5, 11),
        line,
        leave('gen.yield', [12]),
        line,
        { kind: KIND_CODE['gen.close'], line: 2, obj: 5 },
        leave('gen.return', [13]),
        line,
        resume(4, 10),
      ]),
    );
    expect([...a.obj]).toEqual([4, 4, 5, 5, 5, 4, 5, 4, 0, 4]);
    const by = (i: number) => a.f[i * FIELD_COLUMNS];
    expect([by(0), by(2), by(9)]).toEqual([0, 4, 0]);
    expect([...a.f.subarray(2 * FIELD_COLUMNS, 2 * FIELD_COLUMNS + 2)]).toEqual([4, 11]);
    expect(a.f[4 * FIELD_COLUMNS]).toBe(12);
    expect(a.f[7 * FIELD_COLUMNS]).toBe(13);
    const b = decoder.decode(flush(10, [leave('gen.raise', [14, 15]), line, leave('gen.close', [])]));
    expect([...b.obj]).toEqual([4, 0, 0]);
    expect([...b.f.subarray(0, 2)]).toEqual([14, 15]);
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

describe('undelivered', () => {
  const flush = (first: number, count: number, stringBase: number, strings: string[]): ProbeFlush => ({
    first,
    count,
    events: Int32Array.from({ length: count * 2 }, (_, i) => first * 2 + i),
    seconds: Float64Array.from({ length: count }, (_, i) => first + i),
    fields: Int32Array.from({ length: count }, (_, i) => 100 + first + i),
    stringBase,
    strings,
  });

  it('passes a flush that continues the stream as it is', () => {
    const next = flush(3, 2, 1, ['b']);
    expect(undelivered(next, flush(0, 3, 0, ['a']))).toBe(next);
    expect(undelivered(next, null)).toBe(next);
  });

  it('drops the prefix of a re-sent flush that was delivered already, events and strings alike', () => {
    const delivered = flush(0, 3, 0, ['a']);
    const resent = flush(0, 5, 0, ['a', 'b']);
    const rest = undelivered(resent, delivered)!;
    expect(rest).toMatchObject({ first: 3, count: 2, stringBase: 1, strings: ['b'] });
    expect([...rest.events]).toEqual([6, 7, 8, 9]);
    expect([...rest.seconds]).toEqual([3, 4]);
    expect([...rest.fields]).toEqual([103, 104]);
  });

  it('passes a flush that follows one with strings but no events', () => {
    const next = flush(3, 2, 2, ['c']);
    expect(undelivered(next, flush(3, 0, 1, ['b']))).toBe(next);
  });

  it('leaves nothing when the re-send holds no new event', () => {
    expect(undelivered(flush(0, 3, 0, ['a']), flush(0, 3, 0, ['a']))).toBeNull();
  });
});
