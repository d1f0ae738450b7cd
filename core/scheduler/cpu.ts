/**
 * What a task computes on, on the virtual clock: the one GIL that a program's threads, generators
 * and coroutines take turns on, or the N cores that simulated processes run on side by side. Work
 * holds a slot for as long as it takes; a task that finds every slot taken waits for one, first
 * come, first served.
 */
export interface Job {
  task: number;
  seconds: number;
}

import type { CpuKind } from './reasons.ts';

export class Cpu {
  private busy = 0;
  private readonly queue: Job[] = [];

  constructor(
    readonly kind: CpuKind,
    private slots: number,
  ) {}

  /** How many tasks can compute at once. */
  get size(): number {
    return this.slots;
  }

  set size(slots: number) {
    this.slots = slots;
  }

  /** Takes a slot if one is free. */
  take(): boolean {
    if (this.busy >= this.slots) return false;
    this.busy++;
    return true;
  }

  /** Queues a job until a slot is free. */
  wait(job: Job): void {
    this.queue.push(job);
  }

  /** Gives a slot back: the job waiting longest takes it, and is returned. */
  release(): Job | undefined {
    const next = this.busy <= this.slots ? this.queue.shift() : undefined;
    if (!next) this.busy--;
    return next;
  }
}
