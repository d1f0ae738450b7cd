import type { Trace } from '../../core/trace/trace.ts';
import { KIND_CODE, MAIN_OBJ, NULL_INT } from '../../core/trace/schema.ts';
import { IntColumn } from './columns.ts';

export type LaneKind = 'main' | 'scheduler' | 'generator' | 'coroutine' | 'async generator' | 'task';

/** A horizontal track of the timeline: the main program, the scheduler, or one generator/coroutine/task. */
export interface Lane {
  index: number;
  /** The object id the lane draws (-1 for the scheduler). */
  obj: number;
  name: string;
  kind: LaneKind;
  /** Where the lane's object was created. */
  createdAt: number;
}

/** How a span draws: running (holds control) or delegating (suspended inside `yield from`/`await` on a callee). */
export const RUNNING = 0;
export const DELEGATING = 1;
const NONE = -1;

/**
 * One lane's intervals, sorted and non-overlapping: span i covers events [start[i], end[i]).
 * The last span may still be open (end -1): it reaches the newest event.
 */
export class Spans {
  // Small to start with: a run may create a lane per generator expression, hundreds of thousands of them.
  readonly start = new IntColumn(4);
  readonly end = new IntColumn(4);
  readonly state = new IntColumn(4);
  get size(): number {
    return this.start.size;
  }
}

/** Every change of the lane holding control: the hand-off from one lane to another at `seq`. */
export class Switches {
  readonly seq = new IntColumn(256);
  readonly from = new IntColumn(256);
  readonly to = new IntColumn(256);
  get size(): number {
    return this.seq.size;
  }
}

interface Frame {
  lane: number;
  delegated: boolean;
  /** Resumed by the scheduler: when it gives up control, the scheduler has it again. */
  byScheduler: boolean;
}

const SCHEDULER_OBJ = -1;
const K = KIND_CODE;
/** Where an event kind is drawn as a marker, by kind code: on no lane, its object's lane, or the scheduler's. */
const NO_MARK = 0;
const OWN_LANE = 1;
const SCHEDULER_LANE = 2;
const MARK_ON = new Uint8Array(256);
for (const kind of [
  'gen.resume',
  'gen.yield',
  'gen.return',
  'gen.raise',
  'gen.close',
  'sched.spawn',
  'sched.done',
  'error',
] as const)
  MARK_ON[K[kind]] = OWN_LANE;
for (const kind of ['sched.pick', 'sched.park', 'sched.wake', 'sched.deadlock'] as const)
  MARK_ON[K[kind]] = SCHEDULER_LANE;

/** Kinds that neither change who holds control nor draw a marker, by kind code. */
const UNDRAWN = new Uint8Array(256);
for (const kind of [
  'run.start',
  'stdout',
  'stderr',
  'stdin',
  'file',
  'iter.create',
  'iter.next',
  'iter.stop',
  'deque.create',
  'deque.op',
  'ctx.enter',
  'ctx.exit',
] as const)
  UNDRAWN[K[kind]] = 1;

/**
 * Lanes, spans, hand-offs and markers, built incrementally as events append.
 * Control is tracked as a stack: `gen.resume` pushes the resumed object, its yield/return/raise/close
 * pops it; a resume via `yield from`/`await` leaves the delegating object below it drawn as nesting.
 * When the scheduler runs tasks, the time in which nothing but the scheduler holds control is drawn
 * on the scheduler's own lane.
 */
export class TimelineIndex {
  readonly lanes: Lane[] = [];
  readonly spans: Spans[] = [];
  /** Per lane, the seq of every event drawn as a marker (yield, resume, throw, close, return, exceptions, scheduler events). */
  readonly markers: IntColumn[] = [];
  readonly switches = new Switches();
  /** The seq of the event that ended the run, or -1 while it runs. */
  endedAt = -1;
  #laneOfObj = new Map<number, number>();
  #namesSeen = new Map<string, number>();
  #threadTasks = new Set<number>();
  /** The control stack: its first `#depth` frames (kept for reuse past it, a switch makes no object). */
  #stack: Frame[] = [];
  #depth = 0;
  #open: number[] = [];
  #schedulerLane = -1;
  #schedulerActive = false;
  #holder = -1;
  /** Lanes with an open span: the only ones a change of control can touch. */
  #openLanes: number[] = [];
  /** The lanes `#settle` wants open, in order, and the state it wants each in. */
  #wantLanes: number[] = [];
  #wantStates: number[] = [];
  #wanted = 0;
  #closing: number[] = [];
  /** Each lane's name before numbering: a task named after its own coroutine keeps that lane's name. */
  #givenNames: string[] = [];
  /** The control stack changed since the spans were last brought in line. */
  #dirty = true;

  constructor() {
    this.#addLane(MAIN_OBJ, 'main', 'main', 0);
    this.#push(0, false, false);
  }

  laneOf(obj: number): number | undefined {
    return this.#laneOfObj.get(obj);
  }

  /** The lane holding control after the events ingested so far. */
  get holder(): number {
    return this.#holder;
  }

  /** The end of span i of a lane, with an open span resolved to `size` (events ingested). */
  spanEnd(lane: number, i: number, size: number): number {
    const e = this.spans[lane].end.data[i];
    return e < 0 ? size : e;
  }

  ingest(trace: Trace, i: number): void {
    const kind = trace.kindAt(i);
    // Most of a busy run's events (its lines, deque ops and output) change nothing here.
    if (!this.#dirty && (UNDRAWN[kind] === 1 || (kind === K.line && !this.#schedulerActive))) return;
    const obj = trace.objAt(i);
    switch (kind) {
      case K['gen.create']: {
        const genkind = trace.str(i, 1) ?? 'generator';
        this.#addLane(
          obj,
          trace.str(i, 0) ?? `gen ${obj}`,
          genkind === 'coroutine' || genkind === 'async generator' ? genkind : 'generator',
          i,
        );
        break;
      }
      case K['sched.spawn']: {
        // Spawning is the caller's act (often the main program); the scheduler runs only once it picks.
        this.#ensureSchedulerLane(i);
        const name = trace.str(i, 0) ?? `task ${obj}`;
        const target = trace.field(i, 2);
        const targetLane = target === NULL_INT ? undefined : this.#laneOfObj.get(target);
        if (targetLane !== undefined) {
          if (name !== this.#givenNames[targetLane]) this.lanes[targetLane].name = this.#uniqueName(name);
          this.lanes[targetLane].kind = 'task';
          this.#laneOfObj.set(obj, targetLane);
        } else {
          this.#addLane(obj, name, 'task', i);
          this.#threadTasks.add(obj);
        }
        break;
      }
      case K['gen.resume']: {
        const lane = this.#laneOfObj.get(obj);
        if (lane !== undefined && !this.#onStack(lane)) {
          const via = trace.str(i, 1);
          this.#push(lane, via === 'yield from' || via === 'await', via === 'scheduler');
          this.#schedulerActive = false;
          this.#dirty = true;
        }
        break;
      }
      case K['gen.yield']:
      case K['gen.return']:
      case K['gen.raise']:
      case K['gen.close']:
        this.#popTo(this.#laneOfObj.get(obj));
        break;
      case K['sched.pick']: {
        this.#scheduler(i);
        if (this.#threadTasks.has(obj)) {
          this.#popThreads();
          const lane = this.#laneOfObj.get(obj)!;
          this.#push(lane, false, true);
          this.#dirty = true;
        }
        break;
      }
      case K['sched.park']:
      case K['sched.done']:
        this.#scheduler(i);
        if (this.#threadTasks.has(obj)) this.#popTo(this.#laneOfObj.get(obj));
        break;
      case K['sched.wake']:
      case K['sched.deadlock']:
      case K.clock:
        this.#scheduler(i);
        break;
      case K.line:
        if (obj === MAIN_OBJ && this.#depth === 1 && this.#schedulerActive) {
          this.#schedulerActive = false;
          this.#dirty = true;
        }
        break;
      case K['run.end']:
        this.endedAt = i;
        this.#depth = 1;
        this.#schedulerActive = false;
        this.#dirty = true;
        break;
    }
    const mark = MARK_ON[kind];
    if (mark !== NO_MARK) {
      const lane = mark === SCHEDULER_LANE ? this.#schedulerLane : (this.#laneOfObj.get(obj) ?? 0);
      if (lane >= 0) this.markers[lane].push(i);
    }
    if (this.#dirty) this.#settle(kind === K['run.end'] ? i + 1 : i);
  }

  /** Same-named lanes (two `worker()`s, many `<genexpr>`s, a task called main) get numbered so they can be told apart. */
  #uniqueName(name: string): string {
    const seen = (this.#namesSeen.get(name) ?? 0) + 1;
    this.#namesSeen.set(name, seen);
    return seen > 1 ? `${name} ${seen}` : name;
  }

  #addLane(obj: number, name: string, kind: LaneKind, at: number): number {
    const index = this.lanes.length;
    this.#givenNames.push(name);
    this.lanes.push({ index, obj, name: this.#uniqueName(name), kind, createdAt: at });
    this.spans.push(new Spans());
    this.markers.push(new IntColumn(4));
    this.#open.push(NONE);
    this.#laneOfObj.set(obj, index);
    return index;
  }

  #ensureSchedulerLane(i: number): void {
    if (this.#schedulerLane < 0)
      this.#schedulerLane = this.#addLane(SCHEDULER_OBJ, 'scheduler', 'scheduler', i);
  }

  #scheduler(i: number): void {
    this.#ensureSchedulerLane(i);
    if (this.#depth === 1 && !this.#schedulerActive) {
      this.#schedulerActive = true;
      this.#dirty = true;
    }
  }

  #popTo(lane: number | undefined): void {
    if (lane === undefined) return;
    const stack = this.#stack;
    let at = 0;
    while (at < this.#depth && stack[at].lane !== lane) at++;
    if (at > 0 && at < this.#depth) {
      for (let d = at; d < this.#depth; d++) if (stack[d].byScheduler) this.#schedulerActive = true;
      this.#depth = at;
      this.#dirty = true;
    }
  }

  #popThreads(): void {
    while (this.#depth > 1 && this.#threadTasks.has(this.lanes[this.#stack[this.#depth - 1].lane].obj))
      this.#depth--;
    this.#schedulerActive = true;
    this.#dirty = true;
  }

  #push(lane: number, delegated: boolean, byScheduler: boolean): void {
    const frame = this.#stack[this.#depth];
    if (frame) {
      frame.lane = lane;
      frame.delegated = delegated;
      frame.byScheduler = byScheduler;
    } else this.#stack.push({ lane, delegated, byScheduler });
    this.#depth++;
  }

  #onStack(lane: number): boolean {
    for (let d = 0; d < this.#depth; d++) if (this.#stack[d].lane === lane) return true;
    return false;
  }

  /** Asks lane `lane` to be in `state` once settled (a lane asked twice keeps its place and takes the later state). */
  #wantState(lane: number, state: number): void {
    for (let k = 0; k < this.#wanted; k++)
      if (this.#wantLanes[k] === lane) {
        this.#wantStates[k] = state;
        return;
      }
    this.#wantLanes[this.#wanted] = lane;
    this.#wantStates[this.#wanted++] = state;
  }

  /** Brings every lane's open span in line with the control stack, from event `at` on. */
  #settle(at: number): void {
    this.#dirty = false;
    // runs at every switch of a live run, millions a second: the scratch arrays are reused, and
    // emptied by their count (setting an array's length is a call into the engine)
    const lanes = this.#wantLanes;
    const states = this.#wantStates;
    this.#wanted = 0;
    const stack = this.#stack;
    const top = this.#depth - 1;
    for (let d = top; d >= 0; d--) {
      const lane = stack[d].lane;
      if (d === top) this.#wantState(lane, RUNNING);
      else if (stack[d + 1].delegated) this.#wantState(lane, DELEGATING);
    }
    if (this.#schedulerActive && top === 0) {
      // main is the one lane of a stack of one: the scheduler holds control in its place
      this.#wanted = 0;
      this.#wantState(this.#schedulerLane, RUNNING);
    }
    if (this.endedAt >= 0) this.#wanted = 0;
    const wanted = this.#wanted;
    const closing = this.#closing;
    let closed = 0;
    for (const lane of this.#openLanes) if (!isWanted(lanes, wanted, lane)) closing[closed++] = lane;
    for (let k = 0; k < closed; k++) this.#setState(closing[k], NONE, at);
    let holder = -1;
    for (let k = 0; k < wanted; k++) {
      this.#setState(lanes[k], states[k], at);
      if (states[k] === RUNNING) holder = lanes[k];
    }
    if (holder !== this.#holder && holder >= 0) {
      if (this.#holder >= 0) {
        this.switches.seq.push(at);
        this.switches.from.push(this.#holder);
        this.switches.to.push(holder);
      }
      this.#holder = holder;
    }
  }

  #setState(lane: number, state: number, at: number): void {
    if (this.#open[lane] === state) return;
    const spans = this.spans[lane];
    if (this.#open[lane] !== NONE) {
      if (spans.start.last() === at) {
        spans.start.size--;
        spans.end.size--;
        spans.state.size--;
      } else spans.end.data[spans.size - 1] = at;
    }
    const wasOpen = this.#open[lane] !== NONE;
    this.#open[lane] = state;
    if (state === NONE) {
      // the order of open lanes is of no matter (each closes on its own): the last takes its place
      const open = this.#openLanes;
      open[open.indexOf(lane)] = open[open.length - 1];
      open.pop();
    } else {
      if (!wasOpen) this.#openLanes.push(lane);
      spans.start.push(at);
      spans.end.push(-1);
      spans.state.push(state);
    }
  }
}

function isWanted(lanes: number[], wanted: number, lane: number): boolean {
  for (let k = 0; k < wanted; k++) if (lanes[k] === lane) return true;
  return false;
}
