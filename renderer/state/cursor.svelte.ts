import type { TraceIndex } from '../derive/index.ts';
import { lineAt, nextSwitch, prevSwitch } from '../derive/navigate.ts';
import { frames } from '../lib/frames.ts';
import { playbackStep } from './playback.ts';

export type Axis = 'logical' | 'wall';

/** Playback speeds offered, in events per second; Infinity plays as fast as frames allow. */
export const SPEEDS = [1, 10, 100, 1000, 10_000, Infinity] as const;

/** What the cursor moves over: the recording on screen, read through its getters. */
export interface Shown {
  readonly size: number;
  readonly index: TraceIndex;
}

/**
 * The one cursor every view follows: the event the user is looking at. `seq` -1 means the live
 * edge (the newest event); `follow` keeps it there while a run streams in, and is turned off as
 * soon as the user moves back in time. Made and reset by the recording (`recording.svelte.ts`),
 * which owns it with the trace.
 */
export class Cursor {
  seq = $state(-1);
  follow = $state(true);
  axis = $state<Axis>('logical');
  /** Events per second while playing. */
  speed = $state<number>(100);
  playing = $state(false);
  #carry = 0;
  #last = 0;

  constructor(private readonly shown: Shown) {}

  /** Events on screen (the recording's size). */
  get size(): number {
    return this.shown.size;
  }

  /** The event index the views show: the live edge resolved. -1 while the trace is empty. */
  at = $derived(this.seq < 0 || this.seq >= this.size ? this.size - 1 : this.seq);

  /** The source line at the cursor, for the editor to highlight (null when none). */
  line = $derived.by(() => (this.at >= 0 ? lineAt(this.shown.index.trace, this.at) : null));

  /** A new trace is on screen: back to its live edge, not playing. */
  reset(): void {
    this.pause();
    this.seq = -1;
    this.follow = true;
  }

  toEvent(seq: number): void {
    if (this.size === 0) return;
    this.follow = false;
    this.seq = Math.max(0, Math.min(this.size - 1, Math.round(seq)));
  }

  next(): void {
    this.toEvent(this.at + 1);
  }

  prev(): void {
    this.toEvent(this.at - 1);
  }

  nextSwitch(): void {
    const s = nextSwitch(this.shown.index.timeline, this.at);
    if (s !== null) this.toEvent(s);
  }

  prevSwitch(): void {
    const s = prevSwitch(this.shown.index.timeline, this.at);
    if (s !== null) this.toEvent(s);
  }

  home(): void {
    this.toEvent(0);
  }

  /** Back to the newest event, following the live edge again. */
  end(): void {
    this.seq = -1;
    this.follow = true;
  }

  /** Leaves the live edge where it is (the user scrolled back). */
  unfollow(): void {
    if (this.follow) this.seq = this.at;
    this.follow = false;
  }

  play(): void {
    if (this.playing || this.size === 0) return;
    if (this.at >= this.size - 1) this.home();
    this.playing = true;
    this.follow = false;
    this.#carry = 0;
    this.#last = performance.now();
    frames.update(this.#tick);
  }

  pause(): void {
    this.playing = false;
    frames.cancel(this.#tick);
  }

  /** One step of playback, in the page's frame: as many events as the speed allows since the last. */
  #tick = (): void => {
    if (!this.playing) return;
    const now = performance.now();
    const { events, carry } = playbackStep(this.speed, this.size, now - this.#last, this.#carry);
    this.#last = now;
    this.#carry = carry;
    if (events > 0) this.toEvent(this.at + events);
    if (this.at >= this.size - 1) this.pause();
    else frames.update(this.#tick);
  };

  /** Keyboard moves shared by the timeline (and by the app, if it binds global keys). */
  handleKey(e: KeyboardEvent): boolean {
    const keys: Record<string, () => void> = {
      ArrowRight: () => (e.shiftKey ? this.nextSwitch() : this.next()),
      ArrowLeft: () => (e.shiftKey ? this.prevSwitch() : this.prev()),
      Home: () => this.home(),
      End: () => this.end(),
    };
    const move = keys[e.key];
    if (!move) return false;
    move();
    return true;
  }
}
