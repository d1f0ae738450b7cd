import type { Trace } from '../../core/trace/trace.ts';
import { KIND_CODE, NULL_INT } from '../../core/trace/schema.ts';
import { SnapshotLog } from './snapshots.ts';

/** An active `with` block. */
export interface ActiveContext {
  obj: number;
  name: string;
  /** What `__enter__` returned. */
  value: string | null;
  enteredAt: number;
  line: number;
}

/** The most recent exit, shown at the cursor with its exception and whether it was suppressed. */
export interface ContextExit {
  context: ActiveContext;
  seq: number;
  exc: string | null;
  suppressed: boolean;
}

export interface ContextState {
  stack: ActiveContext[];
  lastExit: ContextExit | null;
}

/** The stack of active `with` blocks at any instant (snapshots plus replay of enter/exit events). */
export class ContextIndex {
  readonly log: SnapshotLog<ContextState>;

  constructor(private readonly trace: Trace) {
    this.log = new SnapshotLog<ContextState>(
      { stack: [], lastExit: null },
      (s) => ({ stack: s.stack.slice(), lastExit: s.lastExit }),
      (s, seq) => this.#apply(s, seq),
    );
  }

  ingest(i: number): void {
    this.log.record(i);
  }

  at(seq: number): ContextState {
    return this.log.at(seq);
  }

  #apply(s: ContextState, seq: number): ContextState {
    const t = this.trace;
    const obj = t.objAt(seq);
    if (t.kindAt(seq) === KIND_CODE['ctx.enter']) {
      s.stack.push({
        obj,
        name: t.str(seq, 0) ?? 'context manager',
        value: t.str(seq, 1),
        enteredAt: seq,
        line: t.lineAt(seq),
      });
      return s;
    }
    let at = -1;
    for (let j = s.stack.length - 1; j >= 0 && at < 0; j--) if (s.stack[j].obj === obj) at = j;
    if (at < 0) return s;
    const [context] = s.stack.splice(at, 1);
    const suppressed = t.field(seq, 1);
    s.lastExit = {
      context,
      seq,
      exc: t.str(seq, 0),
      suppressed: suppressed !== NULL_INT && suppressed !== 0,
    };
    return s;
  }
}
