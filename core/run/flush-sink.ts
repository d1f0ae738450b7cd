import type { PyProxy } from 'pyodide/ffi';
import type { ProbeKind } from '../probe/load.ts';
import type { EventBatch } from '../trace/batch.ts';
import { FIELD_COLUMNS } from '../trace/schema.ts';
import { FlushDecoder, undelivered, type ProbeFlush } from './decode.ts';
import { decodeStrings, type EncodedStrings } from './encoded-strings.ts';

type TypedArray = Int32Array | Float64Array | Uint8Array;

/** A copy of the memory a Python buffer (an array, a memoryview of the probe's) holds, as `type`. */
function copyOut<T extends TypedArray>(proxy: PyProxy, type: 'i32' | 'f64' | 'u8'): T {
  const buffer = (proxy as unknown as { getBuffer(t: string): { data: T; release(): void } }).getBuffer(type);
  const copy = buffer.data.slice() as T;
  buffer.release();
  return copy;
}

/** Where a flush goes: its batch, and the batch's new strings still encoded when it has none of its own. */
export type Deliver = (batch: EventBatch, encoded?: EncodedStrings) => void;

/**
 * The function a recorder hands each flush to, which turns it into the batch `deliver` receives:
 * the compiled recorder's flush is the trace's columns, copied out of the interpreter's `memory`
 * where the probe says they are, and its new strings, delivered encoded; the Python recorder's is
 * decoded (core/run/decode.ts). A flush sent again after a stop struck its hand-over is delivered
 * once (undelivered).
 */
export function flushSink(
  probe: ProbeKind,
  deliver: Deliver,
  memory: () => ArrayBufferLike,
): (...args: never[]) => void {
  if (probe === 'compiled') {
    let delivered: EventBatch | null = null;
    return (
      first: number,
      count: number,
      t: number,
      kind: number,
      obj: number,
      line: number,
      f: number,
      stringBase: number,
      text: number,
      textBytes: number,
      lengths: number,
      strings: number,
      wide: boolean,
    ) => {
      const heap = memory();
      const encoded: EncodedStrings = {
        text: new Uint8Array(heap, text, textBytes).slice(),
        lengths: new Int32Array(heap, lengths, strings).slice(),
        wide,
      };
      const columns = {
        first,
        count,
        t: new Float64Array(heap, t, count).slice(),
        kind: new Uint8Array(heap, kind, count).slice(),
        obj: new Int32Array(heap, obj, count).slice(),
        line: new Int32Array(heap, line, count).slice(),
        f: new Int32Array(heap, f, count * FIELD_COLUMNS).slice(),
        stringBase,
      };
      let decoded: string[] | undefined;
      // its strings are decoded here only for a flush sent again (see undelivered), which is rare
      const sent: EventBatch = {
        ...columns,
        get strings() {
          return (decoded ??= decodeStrings(encoded));
        },
      };
      const batch = undelivered(sent, delivered);
      if (batch === sent) deliver({ ...columns, strings: [] }, encoded);
      else if (batch) deliver(batch.count === sent.count ? batch : copied(batch));
      // as the probe sent it (a second re-send starts where this one did), once it is delivered
      delivered = sent;
    };
  }
  const decoder = new FlushDecoder();
  let delivered: ProbeFlush | null = null;
  return (
    first: number,
    count: number,
    e: PyProxy,
    t: PyProxy,
    f: PyProxy,
    stringBase: number,
    strings: PyProxy,
  ) => {
    const sent: ProbeFlush = {
      first,
      count,
      events: copyOut(e, 'i32'),
      seconds: copyOut(t, 'f64'),
      fields: copyOut(f, 'i32'),
      stringBase,
      strings: strings.toJs() as string[],
    };
    const flush = undelivered(sent, delivered);
    if (flush) deliver(decoder.decode(flush));
    // as the probe sent it (a second re-send starts where this one did), once it is delivered
    delivered = sent;
  };
}

/** A batch whose columns are views into a larger one, with columns of its own (to be transferred). */
function copied(batch: EventBatch): EventBatch {
  return {
    ...batch,
    t: batch.t.slice(),
    kind: batch.kind.slice(),
    obj: batch.obj.slice(),
    line: batch.line.slice(),
    f: batch.f.slice(),
  };
}
