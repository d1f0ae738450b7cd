/**
 * Who awaits whom at the cursor, as a forest: each task with the tasks it waits for below it.
 * asyncio's links come from the heap snapshot (the probe reads them where asyncio keeps them, see
 * core/probe/ys_probe/heap.py); a `yieldscope` task's from the trace: a task parked on `join` at the
 * cursor awaits the task it named.
 */
import type { TaskAwaits } from '../../core/session/snapshot.ts';
import { KIND_CODE } from '../../core/trace/schema.ts';
import type { Trace } from '../../core/trace/trace.ts';

/** `waiter` awaits `awaited` (both are trace object ids: task lanes). */
export interface AwaitEdge {
  waiter: number;
  awaited: number;
}

export interface AwaitNode {
  obj: number;
  name: string;
  /** The tasks this one awaits. */
  awaits: AwaitNode[];
}

const K = KIND_CODE;
/** A trace of version 1 or 2 names the task joined only in the park's English detail. */
const JOIN_DETAIL = /^task '(.*)' to finish$/;

/**
 * The `join`s of `yieldscope` tasks, built as events append: from the park of the waiting task
 * (its `what` names the task it joins, by the unique name sched.spawn gave it) to its next
 * scheduler event (woken, picked, done).
 */
export class JoinIndex {
  #taskByName = new Map<string, number>();
  #open = new Map<number, number>();
  readonly waiter: number[] = [];
  readonly awaited: number[] = [];
  readonly from: number[] = [];
  /** -1 while still waiting. */
  readonly to: number[] = [];

  constructor(private readonly trace: Trace) {}

  ingest(i: number): void {
    const trace = this.trace;
    const kind = trace.kindAt(i);
    const obj = trace.objAt(i);
    if (kind === K['sched.spawn']) {
      this.#taskByName.set(trace.str(i, 0) ?? '', obj);
      return;
    }
    const open = this.#open.get(obj);
    if (open !== undefined) {
      this.to[open] = i;
      this.#open.delete(obj);
    }
    const joined =
      kind === K['sched.park'] && trace.str(i, 0) === 'join'
        ? (trace.str(i, 3) ?? JOIN_DETAIL.exec(trace.str(i, 1) ?? '')?.[1])
        : undefined;
    const awaited = joined === undefined ? undefined : this.#taskByName.get(joined);
    if (awaited === undefined) return;
    this.#open.set(obj, this.waiter.length);
    this.waiter.push(obj);
    this.awaited.push(awaited);
    this.from.push(i);
    this.to.push(-1);
  }

  /** The joins still waiting at event `at`. */
  at(at: number): AwaitEdge[] {
    const edges: AwaitEdge[] = [];
    for (let j = 0; j < this.from.length && this.from[j] <= at; j++)
      if (this.to[j] < 0 || this.to[j] > at) edges.push({ waiter: this.waiter[j], awaited: this.awaited[j] });
    return edges;
  }
}

/** asyncio's awaited-by links of a snapshot, as edges. */
export function asyncioAwaits(tasks: readonly TaskAwaits[]): AwaitEdge[] {
  return tasks.flatMap((t) =>
    t.task === null ? [] : t.awaitedBy.flatMap((w) => (w === null ? [] : [{ waiter: w, awaited: t.task! }])),
  );
}

/**
 * The edges as trees: roots are the tasks nobody awaits (in order of their ids), each with what it
 * awaits below it. A cycle (tasks joining each other: a deadlock) is cut where it closes.
 */
export function awaitForest(edges: readonly AwaitEdge[], nameOf: (obj: number) => string): AwaitNode[] {
  const below = new Map<number, number[]>();
  const awaited = new Set<number>();
  for (const { waiter, awaited: a } of edges) {
    if (!below.has(waiter)) below.set(waiter, []);
    below.get(waiter)!.push(a);
    awaited.add(a);
  }
  const placed = new Set<number>();
  const grow = (obj: number): AwaitNode => {
    placed.add(obj);
    const children = (below.get(obj) ?? []).filter((c) => !placed.has(c)).sort((a, b) => a - b);
    return { obj, name: nameOf(obj), awaits: children.map(grow) };
  };
  const roots = [...below.keys()].filter((o) => !awaited.has(o)).sort((a, b) => a - b);
  const forest = roots.map(grow);
  // what is left sits on a cycle: start it from its smallest id
  for (const o of [...below.keys()].sort((a, b) => a - b)) if (!placed.has(o)) forest.push(grow(o));
  return forest;
}
