import { checkBatchShape, type EventBatch } from './batch.ts';
import { CHUNK_BITS, Column, SLOT } from './column.ts';
import { FIELD_COLUMNS, KIND_NAMES, KINDS, NULL_INT, type EventKind, type TraceEvent } from './schema.ts';

export class TraceOrderError extends Error {}

const f64 = (n: number): Float64Array => new Float64Array(n);
const u8 = (n: number): Uint8Array => new Uint8Array(n);
const i32 = (n: number): Int32Array => new Int32Array(n);

/** A trace's columns for events from..to, each one contiguous array: the shape of a batch. */
export type TraceColumns = Pick<EventBatch, 't' | 'kind' | 'obj' | 'line' | 'f'>;

/**
 * A run's events in memory: columns (chunked typed arrays, see column.ts) plus a string table,
 * appended to batch by batch. Read an event's values with time(), kindAt(), objAt(), lineAt() and
 * field(); `size` events are held.
 */
export class Trace {
  size = 0;
  readonly strings: string[] = [];
  private t = new Column(f64);
  private kind = new Column(u8);
  private obj = new Column(i32);
  private line = new Column(i32);
  private f = new Column(i32, FIELD_COLUMNS);

  static fromBatches(batches: Iterable<EventBatch>): Trace {
    const trace = new Trace();
    for (const b of batches) trace.append(b);
    return trace;
  }

  /** A trace over whole columns of `size` events (checked by the caller), which it keeps uncopied. */
  static fromColumns(size: number, columns: TraceColumns, strings: Iterable<string>): Trace {
    const trace = new Trace();
    trace.size = size;
    trace.t = Column.over(f64, columns.t, size);
    trace.kind = Column.over(u8, columns.kind, size);
    trace.obj = Column.over(i32, columns.obj, size);
    trace.line = Column.over(i32, columns.line, size);
    trace.f = Column.over(i32, columns.f, size, FIELD_COLUMNS);
    for (const s of strings) trace.strings.push(s);
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
    const n = batch.count;
    this.t.write(batch.t, this.size, n);
    this.kind.write(batch.kind, this.size, n);
    this.obj.write(batch.obj, this.size, n);
    this.line.write(batch.line, this.size, n);
    this.f.write(batch.f, this.size, n);
    for (const s of batch.strings) this.strings.push(s);
    this.size += n;
  }

  /** Events from..to as contiguous copies of the columns. */
  columns(from = 0, to = this.size): TraceColumns {
    return {
      t: this.t.slice(from, to),
      kind: this.kind.slice(from, to),
      obj: this.obj.slice(from, to),
      line: this.line.slice(from, to),
      f: this.f.slice(from, to),
    };
  }

  /**
   * Every event's columns as pieces, views of the trace's own chunks (no copy: a saved trace can be
   * millions of events); piece k of each column holds the same events.
   */
  pieces(): { [C in keyof TraceColumns]: TraceColumns[C][] } {
    return {
      t: this.t.pieces(this.size),
      kind: this.kind.pieces(this.size),
      obj: this.obj.pieces(this.size),
      line: this.line.pieces(this.size),
      f: this.f.pieces(this.size),
    };
  }

  // Each reader below reads its own column's chunks: a live run's index reads millions of events a
  // second through them, and one reader shared by every column would see three kinds of typed array,
  // which the engine reads several times more slowly than one.

  /** Event i's time in ns on the run's clock (schema.ts: set-up and pauses are left out). */
  time(i: number): number {
    return this.t.chunks[i >>> CHUNK_BITS][i & SLOT];
  }

  /** Event i's kind code (schema.ts KIND_CODE). */
  kindAt(i: number): number {
    return this.kind.chunks[i >>> CHUNK_BITS][i & SLOT];
  }

  /** Event i's object id, or NULL_INT. */
  objAt(i: number): number {
    return this.obj.chunks[i >>> CHUNK_BITS][i & SLOT];
  }

  /** Event i's source line, 0 when it has none. */
  lineAt(i: number): number {
    return this.line.chunks[i >>> CHUNK_BITS][i & SLOT];
  }

  kindName(i: number): EventKind {
    return KIND_NAMES[this.kindAt(i)];
  }

  /** Raw value of field column `col` (0..4) of event i. */
  field(i: number, col: number): number {
    return this.f.chunks[i >>> CHUNK_BITS][(i & SLOT) * FIELD_COLUMNS + col];
  }

  /** A string field's text, or null. */
  str(i: number, col: number): string | null {
    const v = this.field(i, col);
    return v === NULL_INT ? null : this.strings[v];
  }

  /** Decodes event i into a plain object with the schema's field names. */
  event(i: number): TraceEvent {
    const kind = this.kindName(i);
    const ev: TraceEvent = { seq: i, t: this.time(i), kind };
    const obj = this.objAt(i);
    if (obj !== NULL_INT) ev.obj = obj;
    const line = this.lineAt(i);
    if (line > 0) ev.line = line;
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
