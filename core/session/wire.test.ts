import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EventBatch } from '../trace/batch.ts';
import { FIELD_COLUMNS, NULL_INT } from '../trace/schema.ts';
import { decodeFrame, encodeFrame, WireError, type Frame } from './wire.ts';

const batchArb = fc.integer({ min: 0, max: 40 }).chain((count) =>
  fc.record({
    first: fc.nat(1_000_000),
    count: fc.constant(count),
    t: fc.array(fc.double(), { minLength: count, maxLength: count }).map((a) => Float64Array.from(a)),
    kind: fc.array(fc.nat(255), { minLength: count, maxLength: count }).map((a) => Uint8Array.from(a)),
    obj: fc
      .array(fc.integer({ min: NULL_INT, max: 2 ** 31 - 1 }), { minLength: count, maxLength: count })
      .map((a) => Int32Array.from(a)),
    line: fc
      .array(fc.integer({ min: NULL_INT, max: 2 ** 31 - 1 }), { minLength: count, maxLength: count })
      .map((a) => Int32Array.from(a)),
    f: fc
      .array(fc.integer({ min: NULL_INT, max: 2 ** 31 - 1 }), {
        minLength: count * FIELD_COLUMNS,
        maxLength: count * FIELD_COLUMNS,
      })
      .map((a) => Int32Array.from(a)),
    stringBase: fc.nat(1_000_000),
    // past 16 strings a batch's string table travels as text: both ways are exercised
    strings: fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 40 }),
  }),
);

function expectSameBatch(got: EventBatch, want: EventBatch) {
  expect(got.first).toBe(want.first);
  expect(got.count).toBe(want.count);
  expect(got.stringBase).toBe(want.stringBase);
  expect(got.strings).toEqual(want.strings);
  for (const col of ['t', 'kind', 'obj', 'line', 'f'] as const) {
    expect(got[col].constructor).toBe(want[col].constructor);
    expect(Array.from(got[col])).toEqual(Array.from(want[col]));
  }
}

describe('wire codec', () => {
  it('carries any event batch through encode → decode exactly', () => {
    fc.assert(
      fc.property(batchArb, fc.nat(), (batch, runId) => {
        const frame = decodeFrame(encodeFrame({ kind: 'event', event: { type: 'batch', runId, batch } }));
        expect(frame.kind).toBe('event');
        if (frame.kind !== 'event' || frame.event.type !== 'batch') throw new Error('not a batch event');
        expect(frame.event.runId).toBe(runId);
        expectSameBatch(frame.event.batch, batch);
      }),
    );
  });

  it('keeps NaN, infinities and -0 in the time column bit for bit', () => {
    const t = Float64Array.from([NaN, Infinity, -Infinity, -0, 1.5e-300]);
    const batch: EventBatch = {
      first: 0,
      count: 5,
      t,
      kind: new Uint8Array(5),
      obj: new Int32Array(5),
      line: new Int32Array(5),
      f: new Int32Array(25),
      stringBase: 0,
      strings: [],
    };
    const frame = decodeFrame(encodeFrame({ kind: 'event', event: { type: 'batch', runId: 1, batch } }));
    if (frame.kind !== 'event' || frame.event.type !== 'batch') throw new Error('not a batch event');
    expect(new Uint8Array(frame.event.batch.t.buffer)).toEqual(new Uint8Array(t.buffer));
  });

  it('sends the batch columns as raw bytes, not JSON numbers', () => {
    const n = 10_000;
    const batch: EventBatch = {
      first: 0,
      count: n,
      t: new Float64Array(n).fill(123456.789),
      kind: new Uint8Array(n),
      obj: new Int32Array(n),
      line: new Int32Array(n),
      f: new Int32Array(n * FIELD_COLUMNS).fill(NULL_INT),
      stringBase: 0,
      strings: ['x'],
    };
    const size = encodeFrame({ kind: 'event', event: { type: 'batch', runId: 1, batch } }).length;
    const columnBytes = n * (8 + 1 + 4 + 4 + 4 * FIELD_COLUMNS);
    expect(size).toBeGreaterThanOrEqual(columnBytes);
    expect(size).toBeLessThan(columnBytes + 512);
  });

  it('carries requests with bytes (a picked trace file) and replies', () => {
    const bytes = Uint8Array.from([1, 2, 3, 250]);
    const frames: Frame[] = [
      { kind: 'request', id: 7, method: 'openTrace', arg: { name: 'a.ystrace', bytes } },
      { kind: 'request', id: 8, method: 'hello' },
      { kind: 'reply', id: 7, ok: true, value: { runId: 3, name: 'a', events: 10 } },
      { kind: 'reply', id: 9, ok: false, error: 'no' },
    ];
    for (const frame of frames) expect(decodeFrame(encodeFrame(frame))).toEqual(frame);
    const got = decodeFrame(encodeFrame(frames[0]));
    expect(got.kind === 'request' && (got.arg as { bytes: unknown }).bytes).toBeInstanceOf(Uint8Array);
  });

  it('decodes a frame that sits at an odd offset inside a larger buffer', () => {
    const batch: EventBatch = {
      first: 0,
      count: 1,
      t: Float64Array.of(2.5),
      kind: Uint8Array.of(3),
      obj: Int32Array.of(4),
      line: Int32Array.of(5),
      f: Int32Array.of(1, 2, 3, 4, 5),
      stringBase: 0,
      strings: ['é'],
    };
    const encoded = encodeFrame({ kind: 'event', event: { type: 'batch', runId: 2, batch } });
    const shifted = new Uint8Array(encoded.length + 3);
    shifted.set(encoded, 3);
    const frame = decodeFrame(shifted.subarray(3));
    if (frame.kind !== 'event' || frame.event.type !== 'batch') throw new Error('not a batch event');
    expectSameBatch(frame.event.batch, batch);
  });

  it('carries a long string table as text, with empty, non-ASCII and astral strings intact', () => {
    const strings = [
      '',
      'consumed 1',
      'é',
      '😀 x',
      '',
      'line\nbreak',
      ...Array.from({ length: 30 }, (_, i) => `v${i}`),
    ];
    for (const views of [false, true]) {
      const frame = decodeFrame(encodeFrame({ kind: 'reply', id: 1, ok: true, value: { strings } }), {
        views,
      });
      expect(frame).toEqual({ kind: 'reply', id: 1, ok: true, value: { strings } });
    }
  });

  it('makes a long string table only when it is first read, then keeps it as a plain value', () => {
    const strings = Array.from({ length: 40 }, (_, i) => `consumed ${i}\n`);
    const frame = decodeFrame(encodeFrame({ kind: 'reply', id: 1, ok: true, value: { strings } }), {
      views: true,
    });
    if (frame.kind !== 'reply' || !frame.ok) throw new Error('not a reply');
    const value = frame.value as { strings: string[] };
    // A live run's renderer takes most batches in frames after they arrived: none is made on arrival.
    expect(Object.getOwnPropertyDescriptor(value, 'strings')?.get).toBeTypeOf('function');
    expect(structuredClone(value)).toEqual({ strings });
    expect(Object.getOwnPropertyDescriptor(value, 'strings')).toEqual({
      value: strings,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(value.strings).toBe(value.strings);
    const again = decodeFrame(encodeFrame({ kind: 'reply', id: 1, ok: true, value: { strings } }));
    if (again.kind !== 'reply' || !again.ok) throw new Error('not a reply');
    const replaced = again.value as { strings: string[] };
    replaced.strings = ['one'];
    expect({ ...replaced }).toEqual({ strings: ['one'] });
  });

  it('decodes a batch into views of the frame, or copies, with the same events', () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        const bytes = encodeFrame({ kind: 'event', event: { type: 'batch', runId: 0, batch } });
        const frame = decodeFrame(bytes.buffer, { views: true });
        if (frame.kind !== 'event' || frame.event.type !== 'batch') throw new Error('not a batch event');
        expectSameBatch(frame.event.batch, batch);
        if (batch.count > 0) expect(frame.event.batch.f.buffer).toBe(bytes.buffer);
      }),
    );
  });

  it('refuses what it cannot carry', () => {
    expect(() => encodeFrame({ kind: 'reply', id: 1, ok: true, value: new Uint16Array(2) })).toThrow(
      WireError,
    );
    expect(() => encodeFrame({ kind: 'reply', id: 1, ok: true, value: { $bin: 0 } })).toThrow(WireError);
    expect(() => encodeFrame({ kind: 'reply', id: 1, ok: true, value: { $strs: 0 } })).toThrow(WireError);
  });

  it('refuses malformed bytes with a WireError, never anything else', () => {
    const good = encodeFrame({ kind: 'request', id: 1, method: 'pause', arg: { a: Uint8Array.of(1, 2) } });
    const header = (json: string, payload: Uint8Array = new Uint8Array(16)) => {
      const h = new TextEncoder().encode(json);
      const start = (8 + h.length + 7) & ~7;
      const out = new Uint8Array(start + payload.length);
      out.set([0x59, 0x53, 0x57, 1]);
      new DataView(out.buffer).setUint32(4, h.length, true);
      out.set(h, 8);
      out.set(payload, start);
      return out;
    };
    const strs = (ref: string, blobs: string, payload?: Uint8Array) =>
      header(`{"frame":{"kind":"request","id":1,"method":"x","arg":${ref}},"blobs":${blobs}}`, payload);
    const text4 = '[["Uint8Array",0,4],["Int32Array",8,2]]';
    const lengths = (...l: number[]) => {
      const payload = new Uint8Array(16);
      payload.set([0x61, 0x62, 0x63, 0x64]);
      new Int32Array(payload.buffer, 8, 2).set(l);
      return payload;
    };
    const bad = [
      new Uint8Array(0),
      Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8),
      good.slice(0, 10),
      header('not json'),
      header('{"frame":{"kind":"request","id":1,"method":"x"}}'),
      header('{"frame":{"kind":"request","id":-1,"method":"x"},"blobs":[]}'),
      header('{"frame":{"kind":"nope"},"blobs":[]}'),
      header('{"frame":{"kind":"request","id":1,"method":"x","arg":{"$bin":0}},"blobs":[["Function",0,1]]}'),
      header(
        '{"frame":{"kind":"request","id":1,"method":"x","arg":{"$bin":0}},"blobs":[["Uint8Array",0,100000]]}',
      ),
      header(
        '{"frame":{"kind":"request","id":1,"method":"x","arg":{"$bin":1}},"blobs":[["Uint8Array",0,1]]}',
      ),
      header(
        '{"frame":{"kind":"request","id":1,"method":"x","arg":[{"$bin":0},{"$bin":0}]},"blobs":[["Uint8Array",0,1]]}',
      ),
      header(
        '{"frame":{"kind":"request","id":1,"method":"x","arg":{"$bin":0,"x":1}},"blobs":[["Uint8Array",0,1]]}',
      ),
      strs('{"$strs":0}', '[["Int32Array",0,2],["Uint8Array",8,4]]'),
      strs('{"$strs":1}', text4, lengths(2, 2)),
      strs('[{"$strs":0},{"$bin":1}]', text4, lengths(2, 2)),
      strs('{"$strs":"0"}', text4, lengths(2, 2)),
    ];
    expect(decodeFrame(strs('{"$strs":0}', text4, lengths(1, 3)))).toMatchObject({ arg: ['a', 'bcd'] });
    // A table's text is decoded where it is first read (here, the request's `arg`), and a bad one refused there.
    const held = (payload: Uint8Array) => {
      const frame = decodeFrame(strs('{"$strs":0}', text4, payload));
      return () => (frame as { arg: string[] }).arg;
    };
    expect(held(lengths(2, 2))()).toEqual(['ab', 'cd']);
    for (const payload of [
      lengths(1, 2),
      lengths(3, 2),
      lengths(-1, 5),
      Uint8Array.of(0xff, 0xfe, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0),
    ])
      expect(held(payload)).toThrow(WireError);
    for (const bytes of bad) expect(() => decodeFrame(bytes)).toThrow(WireError);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(good.length), (noise, at) => {
        const mutated = good.slice();
        mutated.set(noise.subarray(0, good.length - at), at);
        try {
          // Read whole, its string tables too.
          structuredClone(decodeFrame(mutated));
        } catch (e) {
          expect(e).toBeInstanceOf(WireError);
        }
      }),
    );
  });
});
