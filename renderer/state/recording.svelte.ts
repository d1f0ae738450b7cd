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
 *   has taken in: while a fast stream is being indexed the trace may already hold more, so views
 *   count with `recording.size` (or the index), never with `trace.size`.
 * - `cursor` (below): the event the user is looking at (`at`, `follow`, `axis`, `line`…) and its
 *   moves. Views move it; they never keep a trace, a size or a version of their own to sync.
 * - A view that paints a canvas does it with `paintOnChange` (views/paint-on-change.svelte.ts): in
 *   the same frame as the change it shows, never a frame later.
 * - The run's facts: `runId`, `origin`, `name`, `state`, `summary`, `programError` (runes state).
 *
 * Writing: `recording.receive(event)` takes the host's run events (`start`, `batch`, `state`); the
 * app calls it. `recording.open(trace, name)` shows a whole trace at once (the views' dev page).
 * Batches are appended as they arrive, so none is lost however fast they come; the views hear of
 * them in the page's next frame (`lib/frames.ts`), which then paints.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { RunSummary } from '../api/types.ts';
import type { RunState, SessionEvent } from '../../core/session/protocol.ts';
import { Trace } from '../../core/trace/trace.ts';
import { TraceIndex } from '../derive/index.ts';
import { frames } from '../lib/frames.ts';
import { Cursor } from './cursor.svelte.ts';
import { host } from './host.svelte.ts';
import { findProgramError, type ProgramError } from './problems.ts';

/** The host's events about the run on screen. */
export type RunEvent = Extract<SessionEvent, { type: 'start' | 'batch' | 'state' }>;

class Recording {
  runId = $state<number | null>(null);
  origin = $state<'live' | 'file' | null>(null);
  name = $state('');
  state = $state<RunState | 'idle'>('idle');
  summary = $state.raw<RunSummary | null>(null);
  programError = $state.raw<ProgramError | null>(null);

  /** Where batches go as they arrive; on screen from the next frame. */
  #incoming = new Trace();
  #trace = this.#incoming;
  #index = new TraceIndex(this.#trace);
  #size = 0;
  #changed: (() => void) | null = null;
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
        try {
          this.#incoming.append(event.batch);
        } catch (error) {
          host.fail('notices.showing', error);
          break;
        }
        frames.update(this.#publish);
        break;
      case 'state':
        if (event.runId !== this.runId) break;
        this.state = event.state;
        if (event.summary) this.summary = event.summary;
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
    this.programError = null;
    this.#incoming = trace;
    frames.update(this.#publish);
  }

  /**
   * A frame's time for the views' indexes to take in new events, ms. A live run may stream events
   * faster than they can be indexed between two frames: the screen keeps its rate and catches up on
   * the events as they slow down. An opened file (or a run that ended) is indexed in bigger steps.
   */
  #budget(): number {
    return this.origin === 'live' && (this.state === 'running' || this.state === 'paused') ? 5 : 50;
  }

  /** Once a frame: the views' indexes take in new events, then every reader hears of them at once. */
  #publish = (): void => {
    if (this.#incoming !== this.#trace) {
      this.#trace = this.#incoming;
      this.#index = new TraceIndex(this.#trace);
      this.#size = 0;
      this.cursor.reset();
    }
    const from = this.#size;
    this.#index.update(performance.now() + this.#budget());
    this.#size = this.#index.ingested;
    this.programError = findProgramError(this.#trace, from, this.#size) ?? this.programError;
    // Events the frame had no time for are shown over the next frames, even if no batch comes.
    if (this.#size < this.#trace.size) frames.update(this.#publish);
    this.#changed?.();
  };
}

export const recording = new Recording();
export const cursor = recording.cursor;
