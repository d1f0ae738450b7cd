import { describe, expect, it } from 'vitest';
import type { EventBatch } from './batch.ts';
import { FIELD_COLUMNS, KIND_CODE, NULL_INT } from './schema.ts';
import { Trace, TraceOrderError } from './trace.ts';

function batch(first: number, stringBase: number, strings: string[], rows: number[][]): EventBatch {
  const n = rows.length;
  const f = new Int32Array(n * FIELD_COLUMNS).fill(NULL_INT);
  rows.forEach((r, i) => r.slice(4).forEach((v, c) => (f[i * FIELD_COLUMNS + c] = v)));
  return {
    first,
    count: n,
    t: Float64Array.from(rows, (r) => r[0]),
    kind: Uint8Array.from(rows, (r) => r[1]),
    obj: Int32Array.from(rows, (r) => r[2]),
    line: Int32Array.from(rows, (r) => r[3]),
    f,
    stringBase,
    strings,
  };
}

describe('Trace', () => {
  it('decodes events with schema field names across batches', () => {
    const trace = new Trace();
    trace.append(batch(0, 0, ['producer', 'generator'], [[10, KIND_CODE['gen.create'], 1, 3, 0, 1]]));
    trace.append(
      batch(
        1,
        2,
        ['next', '5'],
        [
          [20, KIND_CODE['gen.resume'], 1, 4, 0, 2, NULL_INT],
          [30, KIND_CODE['iter.stop'], 2, 9, 1],
        ],
      ),
    );
    expect(trace.size).toBe(3);
    expect(trace.event(0)).toEqual({
      seq: 0,
      t: 10,
      kind: 'gen.create',
      obj: 1,
      line: 3,
      name: 'producer',
      genkind: 'generator',
    });
    expect(trace.event(1)).toMatchObject({ kind: 'gen.resume', by: 0, via: 'next', value: null });
    expect(trace.event(2)).toMatchObject({ kind: 'iter.stop', again: true });
  });

  it('refuses a batch that skips events', () => {
    const trace = new Trace();
    trace.append(batch(0, 0, [], [[0, KIND_CODE.line, 0, 1]]));
    expect(() => trace.append(batch(2, 0, [], [[0, KIND_CODE.line, 0, 1]]))).toThrow(TraceOrderError);
  });
});
