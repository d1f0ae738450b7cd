import { describe, expect, it } from 'vitest';
import { batchTransferables, type EventBatch } from '../trace/batch.ts';
import { FIELD_COLUMNS } from '../trace/schema.ts';
import { decodeStrings, type EncodedStrings } from './encoded-strings.ts';
import { flushSink } from './flush-sink.ts';

/**
 * A stand-in for the interpreter's memory, laid out as the compiled probe lays out a flush: each
 * column and the new strings at their own (aligned) place. Returns the sink's arguments.
 */
function flushIn(heap: ArrayBuffer, first: number, events: number[], stringBase: number, strings: string[]) {
  const n = events.length;
  let at = 0;
  const place = (bytes: number) => {
    const here = at;
    at += Math.ceil(bytes / 8) * 8;
    return here;
  };
  const [t, kind, obj, line, f] = [8 * n, n, 4 * n, 4 * n, 4 * n * FIELD_COLUMNS].map(place);
  const text = new TextEncoder().encode(strings.join(''));
  const textAt = place(text.length);
  const lengthsAt = place(4 * strings.length);
  events.forEach((e, i) => {
    new Float64Array(heap, t, n)[i] = e;
    new Int32Array(heap, obj, n)[i] = e;
  });
  new Uint8Array(heap, kind, n).fill(1);
  new Int32Array(heap, line, n).fill(0);
  new Int32Array(heap, f, n * FIELD_COLUMNS).fill(0);
  new Uint8Array(heap, textAt, text.length).set(text);
  new Int32Array(heap, lengthsAt, strings.length).set(strings.map((s) => new TextEncoder().encode(s).length));
  const wide = text.length !== strings.join('').length;
  return [first, n, t, kind, obj, line, f, stringBase, textAt, text.length, lengthsAt, strings.length, wide];
}

describe("the compiled recorder's flush sink", () => {
  it('delivers columns and encoded strings, and once only what a flush sent again adds', () => {
    const heap = new ArrayBuffer(1 << 16);
    const got: { batch: EventBatch; strings: string[] }[] = [];
    const sink = flushSink(
      'compiled',
      (batch: EventBatch, encoded?: EncodedStrings) => {
        // as the worker posts it (worker.ts): the columns are transferred away, the strings copied
        const sent = structuredClone({ batch, encoded }, { transfer: batchTransferables(batch) });
        got.push({
          batch: sent.batch,
          strings: sent.encoded ? decodeStrings(sent.encoded) : sent.batch.strings,
        });
      },
      () => heap,
    ) as (...args: unknown[]) => void;
    sink(...flushIn(heap, 0, [10, 11], 0, ['a', 'ü']));
    // a stop struck the hand-over: the probe sends it again, with what came next
    sink(...flushIn(heap, 0, [10, 11, 12], 0, ['a', 'ü', 'c']));
    sink(...flushIn(heap, 3, [13], 3, []));
    expect(got.map(({ batch, strings }) => [batch.first, [...batch.obj], batch.stringBase, strings])).toEqual(
      [
        [0, [10, 11], 0, ['a', 'ü']],
        [2, [12], 2, ['c']],
        [3, [13], 3, []],
      ],
    );
  });
});
