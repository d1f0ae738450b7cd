import { FolderHistory } from '../../core/trace/files.ts';
import type { Trace } from '../../core/trace/trace.ts';
import { KIND_CODE } from '../../core/trace/schema.ts';
import { JoinIndex } from './awaits.ts';
import { ConsoleIndex } from './console.ts';
import { ContextIndex } from './contexts.ts';
import { DequeIndex } from './deques.ts';
import { GeneratorIndex, IteratorIndex } from './iterators.ts';
import { TimelineIndex } from './timeline.ts';

const K = KIND_CODE;

/**
 * Events ingested between two looks at the clock: about 0.06 ms of work, so a frame's share of a
 * fast stream ends close to its deadline (a slice of 1024 overran it by a quarter of a millisecond).
 */
const SLICE = 256;

/**
 * Everything the views derive from one trace, kept up to date incrementally: `update()` ingests only
 * the events appended since the last call, so streaming a run costs work per new event, not per frame.
 */
export class TraceIndex {
  ingested = 0;
  readonly timeline = new TimelineIndex();
  readonly deques: DequeIndex;
  readonly iterators: IteratorIndex;
  readonly generators: GeneratorIndex;
  readonly contexts: ContextIndex;
  readonly console: ConsoleIndex;
  readonly joins: JoinIndex;
  /** The program's folder: the files it changed and read. */
  readonly files = new FolderHistory();

  constructor(readonly trace: Trace) {
    this.joins = new JoinIndex(trace);
    this.deques = new DequeIndex(trace);
    this.iterators = new IteratorIndex(trace);
    this.generators = new GeneratorIndex(trace);
    this.contexts = new ContextIndex(trace);
    this.console = new ConsoleIndex(trace);
  }

  /** What the user calls object `obj`: its lane, deque or iterator name. */
  nameOf(obj: number): string | null {
    const lane = this.timeline.laneOf(obj);
    if (lane !== undefined) return this.timeline.lanes[lane].name;
    return this.deques.get(obj)?.name ?? this.iterators.get(obj)?.name ?? null;
  }

  /**
   * Ingests the events appended since the last call. With a `deadline` (on performance.now()'s
   * clock) it stops at the first slice of events that ends past it and leaves the rest for the next
   * call, so that a frame's share of a fast stream stays bounded.
   */
  update(deadline = Infinity): this {
    const trace = this.trace;
    while (this.ingested < trace.size) {
      const end = Math.min(trace.size, this.ingested + SLICE);
      this.#ingest(trace, this.ingested, end);
      this.ingested = end;
      if (performance.now() >= deadline) break;
    }
    return this;
  }

  #ingest(trace: Trace, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const kind = trace.kindAt(i);
      this.timeline.ingest(trace, i);
      switch (kind) {
        case K['deque.create']:
          this.deques.ingestCreate(i);
          break;
        case K['deque.op']:
          this.deques.ingestOp(i);
          break;
        case K['iter.create']:
        case K['iter.next']:
        case K['iter.stop']:
          this.iterators.ingest(i);
          break;
        case K['gen.yield']:
          this.generators.ingest(i);
          this.iterators.ingest(i);
          break;
        case K['gen.create']:
        case K['gen.resume']:
        case K['gen.return']:
        case K['gen.raise']:
        case K['gen.close']:
          this.generators.ingest(i);
          break;
        case K['ctx.enter']:
        case K['ctx.exit']:
          this.contexts.ingest(i);
          break;
        case K.stdout:
        case K.stderr:
        case K.stdin:
          this.console.ingest(i);
          break;
        case K['sched.spawn']:
        case K['sched.park']:
        case K['sched.wake']:
        case K['sched.pick']:
        case K['sched.done']:
          this.joins.ingest(i);
          break;
        case K.file:
          this.files.ingest(trace, i);
          break;
      }
    }
  }
}
