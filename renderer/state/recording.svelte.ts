/**
 * The recording on screen — a live run as it streams in, or a trace opened from a file — and the
 * cursor every view follows. This module is the renderer's one owner of both.
 *
 * Reading, for views:
 * - `recording.trace`, `recording.index` (the views' derived indexes, up to date with the trace) and
 *   `recording.size` are getters. Read inside `$derived`, `$effect` or markup, they make it re-run
 *   when the trace on screen grows or is replaced: at most once per animation frame, however many
 *   batches arrived. The trace and its index are mutated in place, so read the getter in every
 *   derived that uses them (`$derived(recording.index.deques.at(cursor.at))`); a derived that only
 *   hands the same object on never changes. `recording.size` is the events on screen, those the index
 *   had taken in at the frame: while a fast stream is being indexed the trace may already hold more
 *   (and, between two frames, the index too), so views count with `recording.size`, never with
 *   `trace.size`.
 * - `cursor` (below): the event the user is looking at (`at`, `follow`, `axis`, `line`…) and its
 *   moves. Views move it; they never keep a trace, a size or a version of their own to sync.
 * - A view that paints a canvas does it with `paintOnChange` (views/paint-on-change.svelte.ts): in
 *   the same frame as the change it shows, never a frame later.
 * - The run's facts: `runId`, `origin`, `name`, `state`, `holds`, `summary`, `programError`, and
 *   `waitingForInput` (the live program waits for a line of input), `caughtUp` (runes state).
 *
 * Writing: `recording.receive(event)` takes the host's run events (`start`, `batch`, `state`,
 * `input`); the app calls it. `recording.open(trace, name)` shows a whole trace at once (the views' dev page).
 * Batches are kept as they arrive, so none is lost however fast they come, and join the trace in the
 * page's next frame (`lib/frames.ts`), which then paints: within a time budget, so that a stream
 * faster than the page can take in keeps the screen at its frame rate, the rest following, taken in
 * while the page would idle between frames and shown by the frame after.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { RunSummary } from '../api/types.ts';
import type { RunState, SessionEvent } from '../../core/session/protocol.ts';
import type { EventBatch } from '../../core/trace/batch.ts';
import { Trace } from '../../core/trace/trace.ts';
import { TraceIndex } from '../derive/index.ts';
import { frames } from '../lib/frames.ts';
import { Cursor } from './cursor.svelte.ts';
import { FIRST_BUDGET, nextBudget, type FrameBudget } from './frame-budget.ts';
import { host } from './host.svelte.ts';
import { takeIn } from './intake.ts';
import { findProgramError, type ProgramError } from './problems.ts';

/** The host's events about the run on screen. */
export type RunEvent = Extract<SessionEvent, { type: 'start' | 'batch' | 'state' | 'input' }>;

class Recording {
  runId = $state<number | null>(null);
  origin = $state<'live' | 'file' | null>(null);
  name = $state('');
  state = $state<RunState | 'idle'>('idle');
  summary = $state.raw<RunSummary | null>(null);
  programError = $state.raw<ProgramError | null>(null);
  /**
   * How many times the live run has held (paused, started paused, or stepped), as the host reports
   * it: a step answered counts one more, while `state` stays 'paused' throughout.
   */
  holds = $state(0);
  waitingForInput = $state(false);
  /** Every event received so far is on screen (a fast stream can be frames ahead of it). */
  caughtUp = $state(true);

  /** The trace of the run just started or opened; on screen from the next frame. */
  #incoming = new Trace();
  /** Batches received and not yet in the trace: a frame appends them within its budget. */
  #pending: EventBatch[] = [];
  #trace = this.#incoming;
  #index = new TraceIndex(this.#trace);
  #size = 0;
  /** A live frame's time for new events, ms, and when the last frame that left some for the next began. */
  #liveBudget: FrameBudget = FIRST_BUDGET;
  #behindSince: number | null = null;
  #changed: (() => void) | null = null;
  #published: (() => void)[] = [];
  #subscribe = createSubscriber((update) => {
    this.#changed = update;
    return () => (this.#changed = null);
  });

  readonly cursor = new Cursor(this);

  get trace(): Trace {
    this.#subscribe();
    return this.#trace;
  }

  get index(): TraceIndex {
    this.#subscribe();
    return this.#index;
  }

  /** Events on screen: the first `size` of the trace, all taken in by the index. */
  get size(): number {
    this.#subscribe();
    return this.#size;
  }

  /** Resolves once every event received so far is on screen: at once, or after the frame that shows the last of them. */
  published(): Promise<void> {
    if (this.#allShown()) return Promise.resolve();
    return new Promise((resolve) => this.#published.push(resolve));
  }

  #allShown(): boolean {
    return this.#incoming === this.#trace && this.#pending.length === 0 && this.#incoming.size === this.#size;
  }

  receive(event: RunEvent): void {
    switch (event.type) {
      case 'start':
        this.runId = event.runId;
        this.origin = event.source;
        this.name = event.name;
        this.state = 'running';
        this.#begin(new Trace());
        break;
      case 'batch':
        if (event.runId !== this.runId) break;
        this.#pending.push(event.batch);
        this.caughtUp = false;
        frames.update(this.#publish);
        break;
      case 'state':
        if (event.runId !== this.runId) break;
        this.state = event.state;
        if (event.state === 'paused') this.holds++;
        if (event.summary) this.summary = event.summary;
        if (event.state === 'ended') this.waitingForInput = false;
        break;
      case 'input':
        if (event.runId === this.runId) this.waitingForInput = true;
        break;
    }
  }

  /** Shows a whole trace, as a file opened and read to its end. */
  open(trace: Trace, name: string): void {
    this.runId = null;
    this.origin = 'file';
    this.name = name;
    this.state = 'ended';
    this.#begin(trace);
  }

  #begin(trace: Trace): void {
    this.summary = null;
    this.waitingForInput = false;
    this.programError = null;
    this.#incoming = trace;
    this.#pending = [];
    frames.update(this.#publish);
  }

  /**
   * This frame's time for taking in new events (into the trace, then the views' indexes), ms, at
   * `now`. A live run may stream events faster than that between two frames: the screen keeps its
   * rate and catches up on the events as they slow down; while the frames that catch up come late,
   * each takes less (`frame-budget.ts`). An opened file (or a run that ended) is taken in bigger steps.
   */
  #budget(now: number): number {
    if (this.origin !== 'live' || (this.state !== 'running' && this.state !== 'paused')) return 50;
    // Only two frames in a row tell how long a frame takes.
    if (this.#behindSince !== null) this.#liveBudget = nextBudget(this.#liveBudget, now - this.#behindSince);
    return this.#liveBudget.ms;
  }

  /** Received events are not all in the index yet. */
  #behind(): boolean {
    return this.#pending.length > 0 || this.#index.ingested < this.#trace.size;
  }

  /** Takes received events into the trace and the index until `deadline`. */
  #takeIn(deadline: number): void {
    const taken = takeIn(this.#trace, this.#index, this.#pending, deadline, (error) =>
      host.fail('notices.showing', error),
    );
    this.#pending.splice(0, taken);
  }

  #idleAsked = false;

  /**
   * While behind, the time the page would idle between two frames takes in more events too, which
   * the next frame shows: a frame's own budget alone left a stream at the recorder's rate seconds
   * behind. Where the page has no idle callbacks (Node), frames alone take events in.
   */
  #askIdle(): void {
    if (this.#idleAsked || typeof requestIdleCallback !== 'function') return;
    this.#idleAsked = true;
    requestIdleCallback(this.#takeInWhileIdle);
  }

  #takeInWhileIdle = (idle: IdleDeadline): void => {
    this.#idleAsked = false;
    // A trace just started or opened begins in a frame (its index is made there).
    if (this.#incoming !== this.#trace || !this.#behind()) return;
    this.#takeIn(performance.now() + idle.timeRemaining());
    frames.update(this.#publish);
    if (this.#behind()) this.#askIdle();
  };

  /** Once a frame: new events join the trace and the views' indexes, then every reader hears of them at once. */
  #publish = (): void => {
    if (this.#incoming !== this.#trace) {
      this.#trace = this.#incoming;
      this.#index = new TraceIndex(this.#trace);
      this.#size = 0;
      this.#liveBudget = FIRST_BUDGET;
      this.#behindSince = null;
      this.cursor.reset();
    }
    const now = performance.now();
    const from = this.#size;
    this.#takeIn(now + this.#budget(now));
    this.#size = this.#index.ingested;
    this.programError = findProgramError(this.#trace, from, this.#size) ?? this.programError;
    // Events the frame had no time for are shown over the next frames, even if no batch comes.
    const behind = this.#behind();
    this.#behindSince = behind ? now : null;
    this.caughtUp = !behind;
    if (behind) {
      frames.update(this.#publish);
      this.#askIdle();
    }
    this.#changed?.();
    if (this.#allShown()) for (const resolve of this.#published.splice(0)) resolve();
  };
}

export const recording = new Recording();
export const cursor = recording.cursor;
