import { FIELD_COLUMNS } from './schema.ts';

/**
 * A slice of consecutive events in columnar form: what the recorder streams out, what crosses
 * thread and process boundaries (every array is transferable), and what a Trace is built from.
 *
 * Row i of the batch is event `first + i`. `f` holds the kind-specific fields row-major, FIELD_COLUMNS
 * per event. String-typed fields index the run's string table; the strings first introduced by this
 * batch are `strings`, whose ids are `stringBase`, `stringBase + 1`, …
 */
export interface EventBatch {
  first: number;
  count: number;
  t: Float64Array;
  kind: Uint8Array;
  obj: Int32Array;
  line: Int32Array;
  f: Int32Array;
  stringBase: number;
  strings: string[];
}

export function emptyBatch(first: number, stringBase: number): EventBatch {
  return {
    first,
    count: 0,
    t: new Float64Array(0),
    kind: new Uint8Array(0),
    obj: new Int32Array(0),
    line: new Int32Array(0),
    f: new Int32Array(0),
    stringBase,
    strings: [],
  };
}

/** The ArrayBuffers of a batch, for postMessage's transfer list. */
export function batchTransferables(batch: EventBatch): ArrayBuffer[] {
  return [batch.t, batch.kind, batch.obj, batch.line, batch.f].map((a) => a.buffer as ArrayBuffer);
}

export class BatchShapeError extends Error {}

/** Checks the internal consistency of a batch that came from elsewhere. */
export function checkBatchShape(batch: EventBatch): void {
  const n = batch.count;
  if (!Number.isInteger(n) || n < 0) throw new BatchShapeError(`batch count ${n} is not a count`);
  if (batch.t.length !== n || batch.kind.length !== n || batch.obj.length !== n || batch.line.length !== n)
    throw new BatchShapeError(`batch columns do not all hold ${n} events`);
  if (batch.f.length !== n * FIELD_COLUMNS)
    throw new BatchShapeError(
      `batch field column holds ${batch.f.length} values, expected ${n * FIELD_COLUMNS}`,
    );
}
