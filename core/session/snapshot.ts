/**
 * A heap snapshot: the program's frames and the objects they reach, after one event of a run. Made
 * by the probe's heap walk (core/probe/ys_probe/heap.py) in an inspector's re-run of the program
 * (core/inspect/inspector.ts); plain data that a host sends the renderer (the `inspect` request)
 * and the CLI prints as JSON.
 */
import type { Problem } from './problems.ts';

/** A variable's or an item's value: a small value inline (its bounded repr), or a reference to an object. */
export type Value = { v: string } | { r: string };

export interface Variable {
  name: string;
  value: Value;
}

export type FrameKind = 'module' | 'function' | 'generator' | 'coroutine' | 'async generator';

/**
 * `running`: on the call stack. The others are a generator's or coroutine's frame off the stack:
 * `created` (not started yet), `suspended` (at a yield or await), `finished` (returned, raised or
 * closed, and still referenced).
 */
export type FrameState = 'running' | 'created' | 'suspended' | 'finished';

export interface Frame {
  /**
   * Stable as the cursor moves: a generator's frame has its generator's object key (so it is the
   * same frame on the stack and off it), the module's is `main`, a function call's `f<depth>:<name>`.
   */
  key: string;
  kind: FrameKind;
  name: string;
  state: FrameState;
  /** The line it runs or is suspended at; 0 when finished. */
  line: number;
  /** The trace's object id of the generator or coroutine, when it has one (its timeline lane). */
  obj?: number;
  /** In definition order. */
  locals: Variable[];
}

export type Shape =
  'list' | 'tuple' | 'deque' | 'dict' | 'set' | 'generator' | 'function' | 'class' | 'module' | 'instance';

export interface HeapObject {
  /**
   * `o<id>` for an object the trace has an id for (generators, coroutines, iterators, deques,
   * context managers, tasks: the trace's `obj`), else `h<n>`, kept while the object lives.
   */
  key: string;
  /** Its Python type's name. */
  type: string;
  shape: Shape;
  obj?: number;
  /** Containers: how many items it holds (more than `items` when large). */
  len?: number;
  /** list, tuple, deque, set: the first and last items. */
  items?: Value[];
  /** dict: the first and last entries, key and value. */
  entries?: [Value, Value][];
  /** Instances of the program's classes: their attributes. */
  attrs?: Variable[];
  /** Items left out of a large container: `count` of them, after the first `at` shown. */
  gap?: [at: number, count: number];
  /** deque: its maxlen, null when unbounded. */
  maxlen?: number | null;
  /** Generators, functions, classes, modules: their name. */
  name?: string;
  /** Generators: their state (the frame with the same key shows their locals). */
  state?: FrameState;
  /** Objects of other built-in types: their repr (bounded). */
  repr?: string;
}

/** One asyncio task and the tasks awaiting it (asyncio.capture_call_graph), the program's frames only. */
export interface TaskAwaits {
  /** The trace's object id of the task (its lane), or null if it has none. */
  task: number | null;
  name: string;
  awaitedBy: (number | null)[];
  /** The coroutine chain the task is suspended in, outermost first. */
  stack: { name: string; line: number }[];
}

export interface HeapSnapshot {
  /** The event it was taken after. */
  at: number;
  /** Taken after the program's end: it holds for every event from `at` on. */
  final: boolean;
  /** The call stack, outermost first; the last frame is the one running. */
  stack: Frame[];
  /** Generator and coroutine frames off the stack, by object id. */
  suspended: Frame[];
  /** Every object reached from the frames, in the order found. */
  objects: HeapObject[];
  /** The walk stopped at its object limit: some references show as a type name only. */
  truncated: boolean;
  awaits: TaskAwaits[];
}

/** What a host answers when asked for the heap at an event. */
export type Inspection =
  | { ok: true; snapshot: HeapSnapshot }
  /**
   * `diverged`: the program ran differently when run again (it reads the time, say), so the heap
   * cannot be shown from that event on; `unavailable`: it cannot be run again (no source in the
   * trace) or the re-run failed. The problem says so in words a student understands, in every
   * language; the message is its English sentence.
   */
  | { ok: false; reason: 'diverged' | 'unavailable'; message: string; problem: Problem };
