import type { PyProxy } from 'pyodide/ffi';
import type { ProbeKind } from '../probe/load.ts';
import type { EventBatch } from '../trace/batch.ts';
import { FlushDecoder, undelivered, type ProbeFlush } from './decode.ts';

type TypedArray = Int32Array | Float64Array | Uint8Array;

/** A copy of the memory a Python buffer (an array, a memoryview of the probe's) holds, as `type`. */
function copyOut<T extends TypedArray>(proxy: PyProxy, type: 'i32' | 'f64' | 'u8'): T {
  const buffer = (proxy as unknown as { getBuffer(t: string): { data: T; release(): void } }).getBuffer(type);
  const copy = buffer.data.slice() as T;
  buffer.release();
  return copy;
}

/**
 * The function a recorder hands each flush to, which turns it into the batch `deliver` receives:
 * the compiled recorder's flush is the trace's columns, only copied; the Python recorder's is
 * decoded (core/run/decode.ts). A flush sent again after a stop struck its hand-over is delivered
 * once (undelivered).
 */
export function flushSink(
  probe: ProbeKind,
  deliver: (batch: EventBatch) => void,
): (...args: never[]) => void {
  if (probe === 'compiled') {
    let delivered: EventBatch | null = null;
    return (
      first: number,
      count: number,
      t: PyProxy,
      kind: PyProxy,
      obj: PyProxy,
      line: PyProxy,
      f: PyProxy,
      stringBase: number,
      text: PyProxy,
      lengths: PyProxy,
      wide: boolean,
    ) => {
      const sent: EventBatch = {
        first,
        count,
        t: copyOut(t, 'f64'),
        kind: copyOut(kind, 'u8'),
        obj: copyOut(obj, 'i32'),
        line: copyOut(line, 'i32'),
        f: copyOut(f, 'i32'),
        stringBase,
        strings: utf8Strings(copyOut(text, 'u8'), copyOut(lengths, 'i32'), wide),
      };
      const batch = undelivered(sent, delivered);
      if (batch) deliver(batch.count === sent.count ? batch : copied(batch));
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

const utf8 = new TextDecoder();

/** Strings written one after the other as UTF-8, each `lengths` bytes long: decoded at once when all are ASCII. */
function utf8Strings(bytes: Uint8Array, lengths: Int32Array, wide: boolean): string[] {
  const strings = new Array<string>(lengths.length);
  const all = wide ? '' : utf8.decode(bytes);
  for (let i = 0, at = 0; i < lengths.length; at += lengths[i++])
    strings[i] = wide ? utf8.decode(bytes.subarray(at, at + lengths[i])) : all.slice(at, at + lengths[i]);
  return strings;
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
