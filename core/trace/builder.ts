import type { EventBatch } from './batch.ts';
import { FIELD_COLUMNS, KIND_CODE, KINDS, NULL_INT, type EventKind, type TraceEvent } from './schema.ts';
import { Trace } from './trace.ts';
import { lineFlawText, type FlawValues, type LineFlawKey } from '../session/trace-flaws.ts';

/** A decoded event that does not fit the schema: its flaw (a key and values, so a reader can say it in the user's language) and that flaw in English. */
export class TraceEventError extends Error {
  constructor(
    readonly flaw: LineFlawKey,
    readonly values: FlawValues = {},
  ) {
    super(lineFlawText('en', flaw, values));
  }
}

const BASE_KEYS = new Set(['seq', 't', 'kind', 'obj', 'line']);

function isInt32(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;
}

/**
 * Encodes decoded events (the schema's field names, as Trace.event returns them and JSON Lines
 * holds them) back into columnar batches, interning strings, so `builder.trace().event(i)` gives
 * back the event that was added. Every event is validated against the schema on the way in.
 */
export class TraceBuilder {
  private readonly stringIds = new Map<string, number>();
  private stringCount = 0;
  private added = 0;
  private pending: TraceEvent[] = [];
  private pendingStrings: string[] = [];
  private pendingStringBase = 0;
  private readonly built = new Trace();

  /** Number of events added so far. */
  get size(): number {
    return this.added;
  }

  /** Adds the next event; its `seq` must be the number of events added before it. */
  add(ev: TraceEvent): void {
    checkEvent(ev, this.added);
    for (const [name, type] of KINDS[ev.kind].fields) {
      const v = ev[name];
      if (v === null || v === undefined) continue;
      if (type === 'str') this.intern(v as string);
      else if (type === 'num') this.intern(String(v));
    }
    this.pending.push(ev);
    this.added++;
  }

  /** The events added since the last batch, as one batch continuing the previous ones. */
  private takeBatch(): EventBatch {
    const events = this.pending;
    const n = events.length;
    const batch: EventBatch = {
      first: this.added - n,
      count: n,
      t: new Float64Array(n),
      kind: new Uint8Array(n),
      obj: new Int32Array(n),
      line: new Int32Array(n),
      f: new Int32Array(n * FIELD_COLUMNS).fill(NULL_INT),
      stringBase: this.pendingStringBase,
      strings: this.pendingStrings,
    };
    events.forEach((ev, i) => {
      batch.t[i] = ev.t;
      batch.kind[i] = KIND_CODE[ev.kind];
      batch.obj[i] = ev.obj ?? NULL_INT;
      batch.line[i] = ev.line ?? 0;
      KINDS[ev.kind].fields.forEach(([name, type], col) => {
        const v = ev[name];
        if (v === null || v === undefined) return;
        const at = i * FIELD_COLUMNS + col;
        if (type === 'str') batch.f[at] = this.stringIds.get(v as string)!;
        else if (type === 'num') batch.f[at] = this.stringIds.get(String(v))!;
        else if (type === 'bool') batch.f[at] = v ? 1 : 0;
        else batch.f[at] = v as number;
      });
    });
    this.pending = [];
    this.pendingStrings = [];
    this.pendingStringBase = this.stringCount;
    return batch;
  }

  /** Everything added so far, as a Trace. The builder can keep going; call again for a later view. */
  trace(): Trace {
    if (this.pending.length > 0) this.built.append(this.takeBatch());
    return this.built;
  }

  private intern(s: string): void {
    if (this.stringIds.has(s)) return;
    this.stringIds.set(s, this.stringCount++);
    this.pendingStrings.push(s);
  }
}

/** A trace from a list of decoded events. */
export function traceOf(events: Iterable<TraceEvent>): Trace {
  const builder = new TraceBuilder();
  for (const ev of events) builder.add(ev);
  return builder.trace();
}

function checkEvent(ev: TraceEvent, expectedSeq: number): void {
  if (typeof ev !== 'object' || ev === null || Array.isArray(ev)) throw new TraceEventError('eventNotObject');
  if (typeof ev.kind !== 'string' || !Object.hasOwn(KINDS, ev.kind))
    throw new TraceEventError('eventUnknownKind', { kind: String(JSON.stringify(ev.kind)) });
  const kind = ev.kind as EventKind;
  if (ev.seq !== expectedSeq)
    throw new TraceEventError('eventSeq', { seq: String(JSON.stringify(ev.seq)), expected: expectedSeq });
  if (typeof ev.t !== 'number' || !Number.isFinite(ev.t) || ev.t < 0)
    throw new TraceEventError('eventTime', { got: String(JSON.stringify(ev.t)) });
  if (ev.obj !== undefined && (!isInt32(ev.obj) || ev.obj === NULL_INT))
    throw new TraceEventError('eventObj', { got: JSON.stringify(ev.obj) });
  if (ev.line !== undefined && (!isInt32(ev.line) || ev.line < 1))
    throw new TraceEventError('eventLine', { got: JSON.stringify(ev.line) });
  const fields = KINDS[kind].fields;
  const known = new Set<string>(fields.map(([name]) => name));
  for (const key of Object.keys(ev))
    if (!BASE_KEYS.has(key) && !known.has(key))
      throw new TraceEventError('eventNoField', { kind, field: JSON.stringify(key) });
  for (const [name, type] of fields) {
    const v = ev[name];
    if (v === null || v === undefined) continue;
    const ok =
      type === 'str'
        ? typeof v === 'string'
        : type === 'bool'
          ? typeof v === 'boolean'
          : type === 'num'
            ? typeof v === 'number' && Number.isFinite(v)
            : isInt32(v) && v !== NULL_INT;
    if (!ok) throw new TraceEventError('eventFieldType', { kind, field: name, type, got: JSON.stringify(v) });
  }
}
