/**
 * The virtual clock: time passes only when no task is ready, and then jumps straight to the
 * earliest wake-up, so `sleep(10)` costs no wall time and runs are reproducible.
 * Sleepers are kept in a binary heap ordered by (wake time, order of falling asleep).
 */
interface Sleeper {
  until: number;
  order: number;
  task: number;
}

export class VirtualClock {
  now = 0;
  private heap: Sleeper[] = [];
  private order = 0;

  get sleepers(): number {
    return this.heap.length;
  }

  /** Task `task` sleeps until virtual time `until`. */
  sleep(task: number, until: number): void {
    this.heap.push({ until, order: this.order++, task });
    this.siftUp(this.heap.length - 1);
  }

  /** The earliest wake-up time, or undefined when nobody sleeps. */
  nextWake(): number | undefined {
    return this.heap[0]?.until;
  }

  /** Removes and returns the tasks whose wake time has come, earliest first. */
  takeDue(): number[] {
    const due: number[] = [];
    while (this.heap.length > 0 && this.heap[0].until <= this.now) due.push(this.pop().task);
    return due;
  }

  private pop(): Sleeper {
    const top = this.heap[0];
    const last = this.heap.pop() as Sleeper;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private before(a: Sleeper, b: Sleeper): boolean {
    return a.until < b.until || (a.until === b.until && a.order < b.order);
  }

  private siftUp(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.before(h[l], h[m])) m = l;
      if (r < h.length && this.before(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
