/**
 * The worker's side of a run an inspector watches (core/inspect/inspector.ts): the program runs
 * again, recorded as any run, held by the recorder's own gate (hold at an event count, step one
 * event) at each event count of a window, where the probe's heap walk (ys_probe/heap.py) describes
 * the program's frames and objects; at the window's last count the run waits for the host to name
 * the next window, or to stop it. A pause holds it wherever it is (the inspector pauses the re-runs
 * working in the background while another answers), until the host names the window again. An
 * ordinary run never comes here.
 */
import type { PyProxy } from 'pyodide/ffi';
import {
  Action,
  EndReason,
  endReason,
  repeatPause,
  waitForAnswer,
  windowOf,
  withdrawInterrupt,
} from './control.ts';
import type { EventBatch } from '../trace/batch.ts';
import type { FromWorker, WatchWindow } from './messages.ts';

/** What a watcher asks of the recorder: to hold at an event count, and how many it has recorded. */
export interface RecorderGate {
  hold_at(count: number): void;
  recorded(): number;
}

/** The probe's heap walk, as Python functions that never raise into JavaScript. */
interface HeapWalk {
  remember_main(): void;
  snapshot_json(kind: number, newest: number): string;
  final_json(newest: number): string;
}

export class Watcher {
  private first: number;
  private last: number;
  private stopped = false;
  /** The kind of the last event recorded, and the highest object id any event has named. */
  private lastKind = 0;
  private newest = 0;
  /** The event count of the last snapshot: a pause can hold again at the count a step held at. */
  private taken = -1;
  private readonly heap: HeapWalk;

  constructor(
    window: WatchWindow,
    heap: PyProxy,
    private readonly recorder: RecorderGate,
    private readonly control: Int32Array,
    private readonly post: (message: FromWorker) => void,
    /**
     * Runs a heap walk with no signal handled in it: a pause heard there would hold inside the
     * walk, telling the host of a hold at this count before the snapshot the walk is making.
     */
    private readonly uninterrupted: (walk: () => string) => string,
  ) {
    this.first = window.first;
    this.last = window.last;
    this.heap = heap as unknown as HeapWalk;
  }

  /** The event count the run first holds at. */
  get start(): number {
    return this.first;
  }

  /**
   * Before the program's first line: its module is what a snapshot after its end shows. A pause
   * asked for while the run was set up was heard by no handler of the run's: it is raised again now
   * that the run's is in place.
   */
  installed(): void {
    this.heap.remember_main();
    repeatPause(this.control);
  }

  /** Each batch the run sends, before it goes to the host. */
  saw(batch: EventBatch): void {
    if (batch.count === 0) return;
    this.lastKind = batch.kind[batch.count - 1];
    // ids are handed out in order: a higher one is an object the heap walk has not met yet
    for (let k = 0; k < batch.count; k++) if (batch.obj[k] > this.newest) this.newest = batch.obj[k];
  }

  /**
   * The recorder's waiter for a watched run: `events` have been recorded (and sent); `paused`, the
   * host has asked for a pause no hold had met. Returns the host's action as the recorder takes it.
   */
  held(events: number, paused: boolean): number {
    // after a stop nothing may wait again: the stop's answer is spent (the program's unwinding records events)
    if (this.stopped || endReason(this.control) !== EndReason.none) return this.stop();
    if (events >= this.first && events <= this.last && events !== this.taken) {
      this.taken = events;
      this.post({
        type: 'snapshot',
        at: events - 1,
        json: this.uninterrupted(() => this.heap.snapshot_json(this.lastKind, this.newest)),
        final: false,
      });
      if (events < this.last && !paused) return Action.stepEvent;
    }
    this.post({ type: 'held', events });
    const action = waitForAnswer(this.control);
    if (action === Action.stop) return this.stop();
    [this.first, this.last] = windowOf(this.control);
    if (this.first <= events + 1) return Action.stepEvent;
    this.recorder.hold_at(this.first);
    return Action.resume;
  }

  /**
   * The program has ended (not stopped): its globals as they are now hold for the events left. The
   * caller posts it after the run's last batch, so the host has checked every event before it.
   */
  ended(): FromWorker | null {
    if (this.stopped) return null;
    return {
      type: 'snapshot',
      at: this.recorder.recorded(),
      json: this.heap.final_json(this.newest),
      final: true,
    };
  }

  private stop(): number {
    this.stopped = true;
    withdrawInterrupt(this.control);
    return Action.stop;
  }
}
