import { checkBatchShape, type EventBatch } from './batch.ts';
import { FIELD_COLUMNS, KIND_NAMES, KINDS, NULL_INT, type EventKind, type TraceEvent } from './schema.ts';

export class TraceOrderError extends Error {}

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  let size = Math.max(1024, a.length);
  while (size < need) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * A run's events in memory: typed-array columns plus a string table, appended to batch by batch.
 * Column arrays are over-allocated; only the first `size` rows are meaningful.
 */
export class Trace {
  size = 0;
  t = new Float64Array(0);
  kind = new Uint8Array(0);
  obj = new Int32Array(0);
  line = new Int32Array(0);
  f = new Int32Array(0);
  readonly strings: string[] = [];

  static fromBatches(batches: Iterable<EventBatch>): Trace {
    const trace = new Trace();
    for (const b of batches) trace.append(b);
    return trace;
  }

  /** Appends a batch; it must continue the sequence and the string table exactly. */
  append(batch: EventBatch): void {
    checkBatchShape(batch);
    if (batch.first !== this.size)
      throw new TraceOrderError(
        `batch starts at event ${batch.first}, expected ${this.size}: events were lost`,
      );
    if (batch.stringBase !== this.strings.length)
      throw new TraceOrderError(
        `batch strings start at ${batch.stringBase}, expected ${this.strings.length}`,
      );
    const n = this.size + batch.count;
    this.t = grow(this.t, n);
    this.kind = grow(this.kind, n);
    this.obj = grow(this.obj, n);
    this.line = grow(this.line, n);
    this.f = grow(this.f, n * FIELD_COLUMNS);
    this.t.set(batch.t, this.size);
    this.kind.set(batch.kind, this.size);
    this.obj.set(batch.obj, this.size);
    this.line.set(batch.line, this.size);
    this.f.set(batch.f, this.size * FIELD_COLUMNS);
    for (const s of batch.strings) this.strings.push(s);
    this.size = n;
  }

  kindName(i: number): EventKind {
    return KIND_NAMES[this.kind[i]];
  }

  /** Raw value of field column `col` (0..4) of event i. */
  field(i: number, col: number): number {
    return this.f[i * FIELD_COLUMNS + col];
  }

  /** A string field's text, or null. */
  str(i: number, col: number): string | null {
    const v = this.field(i, col);
    return v === NULL_INT ? null : this.strings[v];
  }

  /** Decodes event i into a plain object with the schema's field names. */
  event(i: number): TraceEvent {
    const kind = this.kindName(i);
    const ev: TraceEvent = { seq: i, t: this.t[i], kind };
    if (this.obj[i] !== NULL_INT) ev.obj = this.obj[i];
    if (this.line[i] > 0) ev.line = this.line[i];
    KINDS[kind].fields.forEach(([name, type], col) => {
      const v = this.field(i, col);
      if (v === NULL_INT) ev[name] = null;
      else if (type === 'str') ev[name] = this.strings[v];
      else if (type === 'num') ev[name] = Number(this.strings[v]);
      else if (type === 'bool') ev[name] = v !== 0;
      else ev[name] = v;
    });
    return ev;
  }

  *events(from = 0, to = this.size): Generator<TraceEvent> {
    for (let i = from; i < to; i++) yield this.event(i);
  }
}
