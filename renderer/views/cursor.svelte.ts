import type { Trace } from '../../core/trace/trace.ts';
import { indexFor } from '../derive/index.ts';
import { lineAt, nextSwitch, prevSwitch } from '../derive/navigate.ts';

export type Axis = 'logical' | 'wall';

/** Playback speeds offered, in events per second; Infinity plays as fast as frames allow. */
export const SPEEDS = [1, 10, 100, 1000, 10_000, Infinity] as const;

/**
 * The one cursor every view follows: the event the user is looking at. `seq` -1 means the live
 * edge (the newest event); `follow` keeps it there while a run streams in, and is turned off as
 * soon as the user moves back in time.
 */
class Cursor {
  seq = $state(-1);
  follow = $state(true);
  axis = $state<Axis>('logical');
  /** Events per second while playing. */
  speed = $state<number>(100);
  playing = $state(false);
  /** Events in the trace, kept in step with the session by `sync`. */
  size = $state(0);
  /** Bumped on every sync so derived values that read the trace recompute. */
  version = $state(0);
  #trace: Trace | null = null;
  #frame = 0;
  #carry = 0;

  /** The event index the views show: the live edge resolved. -1 while the trace is empty. */
  at = $derived(this.seq < 0 || this.seq >= this.size ? this.size - 1 : this.seq);

  /** The source line at the cursor, for the editor to highlight (null when none). */
  line = $derived.by(() => {
    void this.version;
    return this.#trace && this.at >= 0 ? lineAt(this.#trace, this.at) : null;
  });

  get trace(): Trace | null {
    return this.#trace;
  }

  /** Called by the views (or the session) whenever the trace grew or was replaced. */
  sync(trace: Trace, version: number): void {
    if (trace !== this.#trace) {
      this.#trace = trace;
      this.seq = -1;
      this.follow = true;
    }
    this.size = trace.size;
    this.version = version;
  }

  toEvent(seq: number): void {
    if (this.size === 0) return;
    const clamped = Math.max(0, Math.min(this.size - 1, Math.round(seq)));
    this.follow = false;
    this.seq = clamped;
  }

  next(): void {
    this.toEvent(this.at + 1);
  }

  prev(): void {
    this.toEvent(this.at - 1);
  }

  nextSwitch(): void {
    if (!this.#trace) return;
    const s = nextSwitch(indexFor(this.#trace).timeline, this.at);
    if (s !== null) this.toEvent(s);
  }

  prevSwitch(): void {
    if (!this.#trace) return;
    const s = prevSwitch(indexFor(this.#trace).timeline, this.at);
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
    let last = performance.now();
    const tick = (now: number) => {
      if (!this.playing) return;
      const step =
        this.speed === Infinity
          ? Math.max(1, Math.ceil(this.size / 600))
          : (this.speed * (now - last)) / 1000;
      last = now;
      this.#carry += step;
      const whole = Math.floor(this.#carry);
      this.#carry -= whole;
      if (whole > 0) this.toEvent(this.at + whole);
      if (this.at >= this.size - 1) this.pause();
      else this.#frame = requestAnimationFrame(tick);
    };
    this.#frame = requestAnimationFrame(tick);
  }

  pause(): void {
    this.playing = false;
    cancelAnimationFrame(this.#frame);
  }

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

export const cursor = new Cursor();
