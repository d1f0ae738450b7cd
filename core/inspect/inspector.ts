/**
 * The heap at any event of a run, live or reopened, of any length: frames, their variables and the
 * objects they reach (snapshot.ts).
 *
 * Mechanism: deterministic re-execution. A run is reproducible from what its trace carries (source,
 * file name, folder files, input, seed, options), so the inspector runs the program again in a
 * worker of its own (a live run is never disturbed), recorded exactly as the first time, and holds
 * it when the event count reaches the cursor; the probe's heap walk then describes what is there.
 * Why this and not recorded variable deltas: recording costs nothing more when no one looks (the
 * probe only gains a hook that an ordinary run never calls), nothing bounds a trace's length, and
 * the heap shown is Python's own, not a reconstruction.
 *
 * Trust: the re-run's events are checked against the trace (kind, object, line and every field that
 * is not text) as they come; from the first event that differs (a program reading the real time,
 * say) the inspector says so and shows nothing, rather than a wrong heap.
 *
 * Speed: the re-run is kept held at the last event shown, so stepping forward only runs the program
 * on by one event. Stepping back would mean running it again from the start each time, so after
 * answering the inspector runs it again to just before the cursor in the background, taking a
 * snapshot at each of the events before it (a window sized to the cost of a snapshot): ← is then
 * answered from that cache, and ← ← ← keeps refilling it. Objects keep their keys across these
 * re-runs (keys.ts), so a drawing does not jump around as the cursor moves.
 *
 * A jump to a random cursor of a long trace would still run the program from its start, and a fresh
 * run also pays for setting the program up. So on a long trace more re-runs are kept, each in an
 * engine of its own, held at "homes" spread over the trace: a jump moves on the nearest held re-run
 * before the cursor, and the re-run that left its home is replaced in the background. The first home
 * is just after the program's set-up (rewriting and compiling it), so a jump before every other held
 * re-run does not wait for that. Background work never competes with an answer: while a question
 * waits for a re-run, every other re-run is paused where it is (the worker holds at its next bytecode,
 * and the host repeats the pause until a hold meets it), and goes on once the answer is given; a
 * paused re-run before the cursor may itself be sent there. Only a re-run setting its program up
 * cannot be paused, so one at a time starts in the background. Why not copy
 * Python's memory at checkpoints instead: a held run is deep inside WebAssembly calls (the program's
 * generators are C frames on the engine's own stack, outside its memory), which no copy of the
 * memory brings back; Pyodide's memory snapshots are taken before any program runs.
 */
import type { BatchListener, RunOptions, SnapshotListener, WatchedRun } from '../run/types.ts';
import type { WatchWindow } from '../run/messages.ts';
import type { EventBatch } from '../trace/batch.ts';
import { FIELD_COLUMNS, KIND_CODE, KIND_NAMES, KINDS } from '../trace/schema.ts';
import type { Trace } from '../trace/trace.ts';
import { KeyMap } from './keys.ts';
import type { HeapSnapshot, Inspection } from '../session/snapshot.ts';
import { problemText, type Problem } from '../session/problems.ts';
import type { CannotReplay } from './replay.ts';

/** What the inspector needs of core/run/runner.ts's Runner: its own worker. */
export interface InspectEngine {
  readonly ready: Promise<void>;
  watch(
    options: RunOptions,
    window: WatchWindow,
    onBatch: BatchListener,
    onSnapshot: SnapshotListener,
  ): WatchedRun;
  close(): Promise<void>;
}

/** A trace to inspect, and how to run its program again exactly as it ran (null: it cannot be). */
export interface Subject {
  trace: Trace;
  replay: RunOptions | CannotReplay;
}

/** Snapshots kept, most recently used first to stay. */
const CACHE_SIZE = 1000;
/** Snapshots taken on the way when the cursor jumps forward (for stepping back after the jump). */
const FORWARD_WINDOW = 8;
/** How much a background window of snapshots before the cursor may cost, and its bounds. */
const BACK_BUDGET_MS = 150;
const BACK_MIN = 8;
const BACK_MAX = 128;
/** Events between two homes of held re-runs at least (a re-run gets through ten thousand in a few ms), and how many at most. */
const HOME_SPACING = 25_000;
const MAX_HOMES = 5;
/**
 * The first event count a re-run holds at with its program set up: the set-up (rewriting and
 * compiling the program, tens of ms) comes after run.start, before the program's first event.
 */
const SET_UP = 2;

const RUN_END = KIND_CODE['run.end'];
/** Per kind code, the field columns that are not text (text may hold an address that differs from run to run). */
const CHECKED_FIELDS = KIND_NAMES.map((name) =>
  KINDS[name].fields.flatMap(([, type], col) => (type === 'str' || type === 'num' ? [] : [col])),
);

/** The heap walk failed at an event (a fault of ours, reported instead of raised into the program). */
interface Failed {
  at: number;
  failed: string;
}

/** One re-run of the program, watched over a window of event counts. */
class Job {
  /** Count of the last snapshot received (the event after which it was taken, plus one). */
  seen = 0;
  ended = false;
  /** The event count it holds at, paused on its way (its window's end not reached); null otherwise. */
  pausedAt: number | null = null;
  private asked = false;
  failure: Problem | null = null;
  anchored: boolean;
  private readonly buffered: HeapSnapshot[] = [];
  private wake: (() => void)[] = [];
  readonly handle: WatchedRun;

  constructor(
    engine: InspectEngine,
    replay: RunOptions,
    public first: number,
    public last: number,
    /** The event whose cached snapshot this re-run's keys are paired with, if any. */
    public anchorAt: number | null,
    public keys: KeyMap,
    /** Sent to hold at a home (until it is moved on to answer). */
    public home: boolean,
    onBatch: (job: Job, batch: EventBatch) => void,
    onSnapshot: (job: Job, snapshot: HeapSnapshot | Failed) => void,
  ) {
    this.anchored = anchorAt === null;
    this.handle = engine.watch(
      replay,
      { first, last },
      (batch) => onBatch(this, batch),
      (at, json, final) => {
        this.seen = final ? Infinity : at + 1;
        onSnapshot(this, {
          at,
          final,
          ...(JSON.parse(json) as Omit<HeapSnapshot, 'at' | 'final'> | { failed: string }),
        });
        this.changed();
      },
    );
    this.handle.done.then(
      () => this.end(null),
      (error: Error) => this.end({ key: 'rerunFailed', values: { detail: error.message } }),
    );
  }

  get held(): boolean {
    return !this.ended && this.seen === this.last;
  }

  /** How far it is known to have run (event count). */
  get progress(): number {
    return Math.max(this.seen, this.pausedAt ?? 0);
  }

  /** Running: neither held at the end of its window, nor paused, nor ended. */
  get busy(): boolean {
    return !this.ended && !this.held && this.pausedAt === null;
  }

  /** Holds it where it is (it resumes on resume() or move()), so that another re-run has the cores. */
  pause(): void {
    if (!this.busy || this.asked) return;
    this.asked = true;
    void this.handle.pause().then((at) => {
      if (!this.asked) return;
      this.asked = false;
      if (at !== null && !this.held) this.pausedAt = at;
      this.changed();
    });
  }

  /** A pause asked for and not yet met. */
  get pausing(): boolean {
    return this.asked;
  }

  /** Lets it go on (a pause that met the end of its window is still the host's to withdraw). */
  resume(): void {
    this.asked = false;
    this.pausedAt = null;
    this.handle.resume();
  }

  /**
   * Whether this re-run will still give the snapshot after event count `count`: it has not taken
   * it yet, or has taken it but holds it back until its anchor comes.
   */
  reaches(count: number): boolean {
    return !this.ended && this.first <= count && (this.seen < count || !this.anchored);
  }

  /** Holds at (or is on its way to) the home at event count `home`. */
  covers(home: number): boolean {
    return this.home && !this.ended && this.last === home;
  }

  move(first: number, last: number): void {
    this.home = false;
    this.first = first;
    this.last = last;
    this.handle.watch(first, last);
    this.resume();
  }

  /**
   * A re-run that held at a home and now answers elsewhere pairs its keys afresh, with the cached
   * snapshot at `anchorAt` if there is one: the cursor's drawing then keeps its keys.
   */
  rekey(anchorAt: number | null, keys: KeyMap): void {
    // snapshots held back for the old anchor would be keyed apart from the cache's: dropped
    this.buffered.length = 0;
    this.anchorAt = anchorAt;
    this.anchored = anchorAt === null;
    this.keys = keys;
  }

  /** Snapshots before the anchor wait for it: their keys are known only once it is paired. */
  hold(snapshot: HeapSnapshot): HeapSnapshot[] {
    if (this.anchored) return [snapshot];
    this.buffered.push(snapshot);
    if (this.anchorAt !== null && snapshot.at < this.anchorAt && !snapshot.final) return [];
    this.anchored = true;
    return this.buffered.splice(0);
  }

  /** Resolves at the next snapshot, end or failure. */
  next(): Promise<void> {
    return new Promise((resolve) => this.wake.push(resolve));
  }

  changed(): void {
    const wake = this.wake;
    this.wake = [];
    for (const resolve of wake) resolve();
  }

  private end(failure: Problem | null): void {
    this.ended = true;
    this.failure = failure;
    this.changed();
  }
}

/** An engine of the inspector's (a Python of its own) and the re-run it holds or drives. */
interface Slot {
  engine: InspectEngine;
  job: Job | null;
}

export class Inspector {
  private readonly slots: Slot[] = [];
  private subject: Subject | null = null;
  /** Event counts where re-runs are kept held on the current trace (none on a short one). */
  private homes: number[] = [];
  /** The re-run that answered last (kept to step on), and the one filling snapshots before the cursor. */
  private cursor: Job | null = null;
  private backfill: Job | null = null;
  private readonly cache = new Map<number, HeapSnapshot>();
  private final: HeapSnapshot | null = null;
  private readonly failed = new Map<number, string>();
  private diverged: { at: number; problem: Problem } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** A question waits for a re-run: nothing new starts in the background meanwhile. */
  private answering = false;
  private nextKey = 1;
  /** Recent cost of one snapshot in a window, for sizing background windows. */
  private snapshotMs = 2;
  private lastSnapshotAt = -1;
  private lastSnapshotTime = 0;

  constructor(private readonly startEngine: () => InspectEngine) {}

  /** The heap after event `at` of the subject's trace. One question at a time, in the order asked. */
  at(subject: Subject, at: number): Promise<Inspection> {
    const answer = this.queue.then(() => this.inspect(subject, at));
    this.queue = answer.catch(() => undefined);
    return answer;
  }

  /**
   * Resolves once the re-runs sent to the homes of the trace last asked about hold there, and its
   * engines have started: the inspector at rest.
   */
  async settled(): Promise<void> {
    for (;;) {
      await this.queue;
      await Promise.allSettled(this.slots.map((slot) => slot.engine.ready));
      const moving = this.slots
        .map((slot) => slot.job)
        .filter(
          (job): job is Job => job !== null && this.homes.some((home) => job.covers(home)) && !job.held,
        );
      if (moving.length === 0) return;
      await Promise.race(moving.map((job) => job.next()));
    }
  }

  async close(): Promise<void> {
    this.stopJobs();
    await Promise.all(this.slots.map((slot) => slot.engine.close()));
    this.slots.length = 0;
  }

  private async inspect(subject: Subject, cursor: number): Promise<Inspection> {
    this.use(subject);
    const { trace, replay } = subject;
    if ('cannot' in replay) return refused('unavailable', replay.cannot);
    if (!Number.isInteger(cursor) || cursor < 0 || cursor >= trace.size)
      return refused('unavailable', { key: 'noEvent', values: { at: cursor, last: trace.size - 1 } });
    const c = stoppedBefore(trace, cursor) ? cursor - 1 : cursor;
    const first = this.slots[0] ?? this.addSlot();
    try {
      await first.engine.ready;
    } catch (error) {
      return refused('unavailable', {
        key: 'inspectorDidNotStart',
        values: { detail: (error as Error).message },
      });
    }
    const target = c + 1;
    let started: Job | null = null;
    try {
      for (;;) {
        if (this.diverged && c >= this.diverged.at) return refused('diverged', this.diverged.problem);
        const failed = this.failed.get(c);
        if (failed !== undefined)
          return refused('unavailable', { key: 'snapshotFailed', values: { detail: failed } });
        const found = this.cached(c);
        if (found) {
          this.answering = false;
          this.prefetch(replay, c);
          this.refill(replay);
          this.warm();
          return { ok: true, snapshot: found };
        }
        // the answer has the cores: the re-runs working in the background wait (with a single engine,
        // the one filling snapshots before the cursor finishes, so that it pairs its keys)
        this.answering = true;
        const job = this.nearest(target);
        const preempt = this.slots.length > 1;
        if (preempt) for (const slot of this.slots) if (slot.job !== job) slot.job?.pause();
        const pausing = this.slots.find((slot) => slot.job !== job && slot.job?.pausing)?.job;
        if (preempt && job?.busy && target > job.last) {
          // paused, it is sent on to the cursor, rather than through the rest of its window first
          job.pause();
          await job.next();
        } else if (job) {
          this.cursor = job;
          const anchor = job.anchored ? null : job.anchorAt;
          if (!job.held && job.pausedAt === null) job.resume();
          else if (target <= job.last && target >= job.first) job.resume();
          // one paused before the snapshot its keys are paired with goes there first
          else if (anchor !== null && anchor + 1 < target) this.advance(job, anchor + 1, anchor + 1, false);
          else this.advance(job, Math.max(job.progress + 1, target - FORWARD_WINDOW), target);
          await job.next();
        } else if (started && started.ended) {
          return refused('unavailable', started.failure ?? { key: 'rerunEnded' });
        } else if (pausing) {
          // where it holds may be before the cursor (one that was setting its program up holds just after)
          await pausing.next();
        } else {
          // one event more when the next one is known: its snapshot anchors this re-run's keys
          const last = this.cache.has(target) ? target + 1 : target;
          started = this.cursor = this.startJob(this.spareForAnswer(), replay, target, last, false);
        }
      }
    } finally {
      this.answering = false;
      for (const { job } of this.slots) job?.resume();
    }
  }

  private cached(at: number): HeapSnapshot | undefined {
    const hit = this.cache.get(at);
    if (hit) {
      this.cache.delete(at);
      this.cache.set(at, hit);
      return hit;
    }
    return this.final && at >= this.final.at ? this.final : undefined;
  }

  /**
   * Of the re-runs that can still give the snapshot after event count `count`, or are paused before
   * it, the one with the fewest events to go.
   */
  private nearest(count: number): Job | null {
    let best: Job | null = null;
    for (const { job } of this.slots)
      if (
        job &&
        (job.reaches(count) || (job.pausedAt !== null && job.pausedAt < count)) &&
        (!best || job.progress > best.progress)
      )
        best = job;
    return best;
  }

  /**
   * Moves a held or paused re-run on to a window; one that leaves a home, or was paused on its way
   * elsewhere before its keys were paired, pairs its keys with the cache first.
   */
  private advance(
    job: Job,
    first: number,
    last: number,
    rekey = job.home || (job.pausedAt !== null && !job.anchored),
  ): void {
    if (rekey) job.rekey(this.anchorIn(first, last), this.keyMap());
    job.move(first, last);
  }

  /**
   * When the snapshots cached just before `at` run short, runs the program again to the lowest of
   * them in the background, keeping a snapshot of each event on the way, so ← finds them there.
   */
  private prefetch(replay: RunOptions, at: number): void {
    if (this.backfill && !this.backfill.ended && !this.backfill.held) return; // busy already
    const size = Math.max(BACK_MIN, Math.min(BACK_MAX, Math.floor(BACK_BUDGET_MS / this.snapshotMs)));
    let low = at;
    while (low > 0 && at - low < size && this.cache.has(low - 1)) low--;
    if (low === 0 || at - low >= size / 2) return;
    const [first, last] = [Math.max(1, low + 1 - size), low + 1];
    const below = this.heldBefore(first);
    if (below) {
      this.advance(below, first, last, true);
      this.backfill = below;
      return;
    }
    if (this.starting()) return;
    // with a single engine, the re-run held at the cursor gives way, unless it is busy: an answer comes first
    const slot = this.slots.length > 1 ? this.spareForBackground() : this.slots[0];
    if (!slot || (slot.job && !slot.job.ended && !slot.job.held)) return;
    this.backfill = this.startJob(slot, replay, first, last, false);
  }

  /** The held re-run furthest on before event count `count`, other than the cursor's. */
  private heldBefore(count: number): Job | null {
    let best: Job | null = null;
    for (const { job } of this.slots)
      if (job && job !== this.cursor && job.held && job.seen < count && (!best || job.seen > best.seen))
        best = job;
    return best;
  }

  /**
   * Sends a re-run to a home that has none, on an engine nothing else needs; one at a time (the next
   * once it holds), since the machine's cores are shared with the answers. The first home is the
   * exception: a jump before every other held re-run needs it, and it costs only the set-up.
   */
  private refill(replay: RunOptions): void {
    if (this.diverged || this.starting()) return;
    const [start] = this.homes;
    const moving = this.slots.some(({ job }) => job?.home && !job.ended && !job.held && job.last !== start);
    const home = this.homes.find(
      (h) => (h === start || !moving) && !this.slots.some((slot) => slot.job?.covers(h)),
    );
    const slot = home === undefined ? null : this.spareForBackground();
    if (slot) this.startJob(slot, replay, home!, home!, true);
  }

  /**
   * Whether a re-run may be setting its program up: that cannot be paused (no signal is heard
   * there), so only one at a time starts in the background.
   */
  private starting(): boolean {
    return this.slots.some(({ job }) => job?.busy && job.progress === 0);
  }

  /** An engine for a re-run that answers now: an idle one, else one that holds no home, else a new one. */
  private spareForAnswer(): Slot {
    return (
      this.slots.find((slot) => !slot.job || slot.job.ended) ??
      this.slots.find((slot) => !this.holdsHome(slot.job)) ??
      (this.slots.length < this.capacity() ? this.addSlot() : this.slots[0])
    );
  }

  /** An engine for background work: an idle one, a new one, or one whose re-run neither holds a home nor is in use. */
  private spareForBackground(): Slot | null {
    return (
      this.slots.find((slot) => !slot.job || slot.job.ended) ??
      (this.slots.length < this.capacity() ? this.addSlot() : null) ??
      this.slots.find(
        (slot) => slot.job !== this.cursor && slot.job !== this.backfill && !this.holdsHome(slot.job),
      ) ??
      null
    );
  }

  private holdsHome(job: Job | null): boolean {
    return job !== null && this.homes.some((home) => job.covers(home));
  }

  /** One engine per home, one for the cursor and one for the snapshots before it; one in all on a short trace. */
  private capacity(): number {
    return this.homes.length > 0 ? this.homes.length + 2 : 1;
  }

  /**
   * Starts every engine the trace will need, rather than when a jump needs one: a Python takes a
   * second to start, which a jump would wait for.
   */
  private warm(): void {
    while (this.slots.length < this.capacity()) this.addSlot();
  }

  private addSlot(): Slot {
    const slot: Slot = { engine: this.startEngine(), job: null };
    this.slots.push(slot);
    return slot;
  }

  private keyMap(): KeyMap {
    return new KeyMap(() => `h${this.nextKey++}`);
  }

  /** The first event of a window of counts whose snapshot is cached, to pair a re-run's keys with. */
  private anchorIn(first: number, last: number): number | null {
    for (let at = first - 1; at < last; at++) if (this.cache.has(at)) return at;
    return null;
  }

  private startJob(slot: Slot, replay: RunOptions, first: number, last: number, home: boolean): Job {
    slot.job?.handle.stop();
    slot.job = new Job(
      slot.engine,
      replay,
      first,
      last,
      this.anchorIn(first, last),
      this.keyMap(),
      home,
      (job, batch) => this.check(job, batch),
      (job, snapshot) => this.take(job, snapshot),
    );
    return slot.job;
  }

  private stopJobs(): void {
    for (const slot of this.slots) {
      slot.job?.handle.stop();
      slot.job = null;
    }
    this.cursor = this.backfill = null;
  }

  private current(job: Job): boolean {
    return this.slots.some((slot) => slot.job === job);
  }

  private take(job: Job, snapshot: HeapSnapshot | Failed): void {
    if (!this.current(job) || (this.diverged && snapshot.at >= this.diverged.at)) return;
    if ('failed' in snapshot) {
      this.failed.set(snapshot.at, snapshot.failed);
      return;
    }
    this.timeSnapshot(snapshot.at);
    if (job.anchorAt !== null && snapshot.at === job.anchorAt) {
      const known = this.cache.get(snapshot.at);
      if (known) job.keys.anchor(snapshot, known);
    }
    for (const ready of job.hold(snapshot)) {
      const keyed = job.keys.apply(ready);
      if (ready.final) this.final = keyed;
      else if (!this.cache.has(ready.at)) this.store(ready.at, keyed);
    }
    // a home reached, or a re-run past its set-up: the next home may be sent
    const replay = this.subject?.replay;
    if (!this.answering && replay && !('cannot' in replay)) this.refill(replay);
  }

  private timeSnapshot(at: number): void {
    const now = performance.now();
    if (at === this.lastSnapshotAt + 1)
      this.snapshotMs = 0.8 * this.snapshotMs + 0.2 * (now - this.lastSnapshotTime);
    this.lastSnapshotAt = at;
    this.lastSnapshotTime = now;
  }

  private store(at: number, snapshot: HeapSnapshot): void {
    this.cache.set(at, snapshot);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }

  /** Compares the re-run's events with the trace's; stops at the first that differs. */
  private check(job: Job, batch: EventBatch): void {
    const trace = this.subject?.trace;
    if (!this.current(job) || !trace) return;
    const end = Math.min(batch.count, trace.size - batch.first);
    for (let k = 0; k < end; k++) {
      const i = batch.first + k;
      const kind = batch.kind[k];
      let same =
        kind === trace.kindAt(i) && batch.obj[k] === trace.objAt(i) && batch.line[k] === trace.lineAt(i);
      if (same)
        for (const col of CHECKED_FIELDS[kind])
          if (batch.f[k * FIELD_COLUMNS + col] !== trace.field(i, col)) same = false;
      if (!same) {
        this.diverge(i, trace, kind, batch.line[k]);
        return;
      }
    }
  }

  private diverge(at: number, trace: Trace, kind: number, line: number): void {
    if (this.diverged && this.diverged.at <= at) return;
    this.diverged = {
      at,
      problem: {
        key: 'diverged',
        values: {
          at,
          before: at - 1,
          recorded: KIND_NAMES[trace.kindAt(at)],
          // a line of 0 is an event of no line of the program: the sentence names none
          recordedLine: String(Math.max(0, trace.lineAt(at))),
          again: KIND_NAMES[kind],
          againLine: String(Math.max(0, line)),
        },
      },
    };
    this.stopJobs();
  }

  /** Starts over when the trace or the way to run it again changes. */
  private use(subject: Subject): void {
    if (this.subject?.trace === subject.trace && sameReplay(this.subject.replay, subject.replay)) {
      this.subject = subject;
      return;
    }
    this.stopJobs();
    this.subject = subject;
    this.homes = homesOf(subject.trace.size);
    this.cache.clear();
    this.failed.clear();
    this.final = null;
    this.diverged = null;
  }
}

/** Event counts spread evenly over a trace of `size` events where re-runs are kept held (none when short). */
function homesOf(size: number): number[] {
  const count = Math.min(MAX_HOMES, Math.floor(size / HOME_SPACING));
  if (count < 2) return [];
  return Array.from({ length: count }, (_, i) => SET_UP + Math.floor((i * size) / count));
}

function sameReplay(a: Subject['replay'], b: Subject['replay']): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const field = (r: Subject['replay'], key: string) => (r as unknown as Record<string, unknown>)[key];
  return [...keys].every((key) => field(a, key) === field(b, key));
}

/** The trace ends with the run stopped (or over a limit) at `at`: what holds there is the event before. */
function stoppedBefore(trace: Trace, at: number): boolean {
  if (at === 0 || trace.kindAt(at) !== RUN_END) return false;
  const status = trace.str(at, 0);
  return status === 'stopped' || status === 'timeout' || status === 'limit';
}

/** An inspection refused: the problem, and its English sentence for the CLI and older callers. */
function refused(reason: 'diverged' | 'unavailable', problem: Problem): Inspection {
  return { ok: false, reason, message: problemText('en', problem), problem };
}
