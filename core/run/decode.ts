import type { EventBatch } from '../trace/batch.ts';
import { FIELD_COLUMNS, KIND_CODE, KIND_NAMES, KINDS, NULL_INT, type EventKind } from '../trace/schema.ts';

/**
 * The compiled recorder writes the trace's own columns (core/probe/compiled/columns.c): its flushes
 * are EventBatches already. The Python recorder's are compact buffers, decoded here.
 *
 * Turns one flush of the Python probe's compact buffers (core/probe/ys_probe/record.py) into an
 * EventBatch. Per event the probe writes one int64 `kind | TIMED<<7 | line<<8 | obj<<32` (read here
 * as two int32 halves), a float64 time in seconds only when TIMED is set (the probe reads the clock
 * at every event only while events are sparse; an untimed event takes the time of the stamp before
 * it), and, flat, exactly as many int32 fields per event as its kind has (padded here to FIELD_COLUMNS).
 *
 * Which generator is running is worked out here, from the order of events, so the probe's hottest
 * callbacks keep no stack: a gen.resume starts its obj (the probe leaves out its first field, `by`:
 * the generator running until then), a gen.yield, gen.return or gen.raise, and a gen.close with obj
 * RUNNING (one closed from inside), leave the running generator, which is their obj, and line events
 * belong to whichever generator is running (0, the main program, when none is).
 */

const TIMED = 128;
/** The obj the probe gives events about whichever generator is running. */
const RUNNING = 0;
/** How many fields the probe writes for an event of this kind: all, but gen.resume's `by`, filled in here. */
export function probeFieldCount(kind: EventKind): number {
  return KINDS[kind].fields.length - (kind === 'gen.resume' ? 1 : 0);
}
const FIELD_COUNT = KIND_NAMES.map(probeFieldCount);
const LINE = KIND_CODE.line;
const RESUME = KIND_CODE['gen.resume'];
const LEAVES = KIND_NAMES.map((name) => ['gen.yield', 'gen.return', 'gen.raise', 'gen.close'].includes(name));

export interface ProbeFlush {
  first: number;
  count: number;
  /** Two int32 per event: low half then high half of the probe's int64. */
  events: Int32Array;
  seconds: Float64Array;
  fields: Int32Array;
  stringBase: number;
  strings: string[];
}

export class ProbeFlushError extends Error {}

/** A flush of either recorder: the Python one's compact buffers, or the compiled one's batch. */
type Flush = ProbeFlush | EventBatch;

/** The events of `flush` after the `delivered` ones, and their fields and times. */
function after<F extends Flush>(flush: F, delivered: F): F {
  if ('events' in flush) {
    const d = delivered as ProbeFlush;
    return {
      ...flush,
      events: flush.events.subarray(d.events.length),
      seconds: flush.seconds.subarray(d.seconds.length),
      fields: flush.fields.subarray(d.fields.length),
    };
  }
  const n = delivered.count;
  return {
    ...flush,
    t: flush.t.subarray(n),
    kind: flush.kind.subarray(n),
    obj: flush.obj.subarray(n),
    line: flush.line.subarray(n),
    f: flush.f.subarray(n * FIELD_COLUMNS),
  };
}

/**
 * The part of a flush not delivered before. A stop's KeyboardInterrupt can strike as the probe's call
 * that hands a flush over returns: the probe then takes the flush for unsent and sends it again,
 * followed by newer events (both recorders put the events back in front of the new ones). That
 * re-send starts where the delivered flush started; its delivered prefix is dropped here, so every
 * event reaches the trace, and the decoder, once. Returns null when nothing new is left.
 */
export function undelivered<F extends Flush>(flush: F, delivered: F | null): F | null {
  // A re-send repeats both where the events and where the strings start; a flush after one that
  // carried only new strings starts at the same event but at later strings.
  if (!delivered || flush.first !== delivered.first || flush.stringBase !== delivered.stringBase)
    return flush;
  const count = flush.count - delivered.count;
  if (count <= 0) return null;
  return {
    ...after(flush, delivered),
    first: delivered.first + delivered.count,
    count,
    stringBase: delivered.stringBase + delivered.strings.length,
    strings: flush.strings.slice(delivered.strings.length),
  };
}

/**
 * Decodes flushes of one run in order; remembers the last time for untimed events at a batch's
 * start, and which generator is running (and what resumed each one) across batches.
 */
export class FlushDecoder {
  private lastT = 0;
  private running = 0;
  private resumers: number[] = [];

  decode(flush: ProbeFlush): EventBatch {
    const n = flush.count;
    if (flush.events.length !== n * 2)
      throw new ProbeFlushError(`flush holds ${flush.events.length / 2} events, says ${n}`);
    const t = new Float64Array(n);
    const kind = new Uint8Array(n);
    const obj = new Int32Array(n);
    const line = new Int32Array(n);
    const f = new Int32Array(n * FIELD_COLUMNS).fill(NULL_INT);
    let ti = 0;
    let fi = 0;
    for (let i = 0; i < n; i++) {
      const lo = flush.events[2 * i];
      const k = lo & 127;
      if (k >= KIND_NAMES.length) throw new ProbeFlushError(`event ${flush.first + i} has unknown kind ${k}`);
      if (lo & TIMED) this.lastT = Math.round(flush.seconds[ti++] * 1e9);
      t[i] = this.lastT;
      kind[i] = k;
      line[i] = lo >> 8;
      let o = flush.events[2 * i + 1];
      let at = i * FIELD_COLUMNS;
      const count = FIELD_COUNT[k];
      if (k === LINE) o = this.running;
      else if (k === RESUME) {
        f[at++] = this.running;
        this.resumers.push(this.running);
        this.running = o;
      } else if (LEAVES[k] && o === RUNNING) {
        o = this.running;
        this.running = this.resumers.pop() ?? 0;
      }
      obj[i] = o;
      for (let j = 0; j < count; j++) f[at + j] = flush.fields[fi + j];
      fi += count;
    }
    if (ti !== flush.seconds.length || fi !== flush.fields.length)
      throw new ProbeFlushError(`flush at event ${flush.first} has times or fields left over`);
    return {
      first: flush.first,
      count: n,
      t,
      kind,
      obj,
      line,
      f,
      stringBase: flush.stringBase,
      strings: flush.strings,
    };
  }
}
