import type { Policy, RunContext } from './run-context.ts';
import { Prng } from './prng.ts';
import { pickReason } from './reasons.ts';
import { READY_QUEUE_NAME } from '../trace/schema.ts';

export type Emit = RunContext['emit'];

/** What the ready queue holds: enough of a task to choose it and to show it. */
export interface Runnable {
  readonly id: number;
  /** How the task appears as a deque item in the trace: the repr of its name. */
  readonly label: string;
  readonly priority: number;
}

export interface Choice<T extends Runnable> {
  task: T;
  /** The policy's number for this pick: the random policy's seed, the task's priority; else null. */
  n: number | null;
}

/**
 * The scheduler's ready queue. It is a deque and is recorded like any deque of the program
 * (`deque.create` named "ready queue", a `deque.op` per change), so the views show the run queue
 * fill and drain. The policy decides which end (or which item) the next task comes from.
 *
 * Random and priority picks scan the queue (O(n) per pick): fine for classroom programs, and the
 * benchmark's round robin (fifo) stays O(1).
 */
export class ReadyQueue<T extends Runnable> {
  private items: T[] = [];
  private head = 0;
  /** The deque's object id, taken on first use so runs without tasks keep their ids. */
  private id = 0;
  private readonly prng: Prng;

  constructor(
    private readonly emit: Emit,
    private readonly newObjectId: () => number,
    private readonly policy: Policy,
    private readonly seed: number,
  ) {
    this.prng = new Prng(seed);
  }

  get size(): number {
    return this.items.length - this.head;
  }

  /** A task becomes ready: it joins the right end, as deque.append does. */
  push(task: T): void {
    if (this.id === 0) {
      this.id = this.newObjectId();
      this.emit('deque.create', this.id, 0, [null, '[]', READY_QUEUE_NAME]);
    }
    this.items.push(task);
    this.emit('deque.op', this.id, 0, ['append', task.label, null, null, this.size]);
  }

  /** Takes the next task by the policy; the queue must not be empty. */
  take(): Choice<T> {
    switch (this.policy) {
      case 'fifo':
        return { task: this.removeAt(0), n: null };
      case 'lifo':
        return { task: this.removeAt(this.size - 1), n: null };
      case 'random':
        return { task: this.removeAt(this.prng.below(this.size)), n: this.seed };
      case 'priority': {
        const task = this.removeAt(this.highestPriority());
        return { task, n: task.priority };
      }
    }
  }

  /** The fields of the sched.pick of a choice: why, in English, then the policy and its number. */
  pickFields({ n }: Choice<T>): [string, string, number | null] {
    return [pickReason(this.policy, n), this.policy, n];
  }

  /** Labels of the waiting tasks, left to right (for tests and messages). */
  labels(): string[] {
    return this.items.slice(this.head).map((t) => t.label);
  }

  private highestPriority(): number {
    let best = 0;
    for (let i = 1; i < this.size; i++) {
      if (this.items[this.head + i].priority > this.items[this.head + best].priority) best = i;
    }
    return best;
  }

  /** Removes the item at offset i and records it as popleft, pop or remove, whichever a deque would use. */
  private removeAt(i: number): T {
    const last = this.size - 1;
    let task: T;
    if (i === 0) {
      task = this.items[this.head];
      this.head++;
      if (this.head === this.items.length) {
        this.items = [];
        this.head = 0;
      } else if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
    } else if (i === last) {
      task = this.items.pop() as T;
    } else {
      task = this.items.splice(this.head + i, 1)[0];
    }
    if (i === 0) this.emit('deque.op', this.id, 0, ['popleft', null, task.label, null, this.size]);
    else if (i === last) this.emit('deque.op', this.id, 0, ['pop', null, task.label, null, this.size]);
    else this.emit('deque.op', this.id, 0, ['remove', task.label, null, null, this.size]);
    return task;
  }
}
