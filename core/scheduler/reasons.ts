/**
 * Why the scheduler does what it does, as data: the policy a task was picked by, what a parked task
 * waits on, why a task is ready again. The trace carries these fields (sched.pick's `policy` and
 * `n`, sched.park's `what` and `amount`, sched.wake's `cause`, `what` and `at`, and the same in
 * sched.deadlock's list), so the views say them in the interface's language. The English sentences
 * made here fill the trace's `reason` and `detail` fields, for every reader of a trace file (the
 * CLI, Perfetto, a saved trace of version 1 or 2, which has only those), and the run's messages.
 */
import type { Policy } from './run-context.ts';

/** asyncio's own loop picks too: its next ready callback. */
export type PickPolicy = Policy | 'asyncio';

/** What a task can wait on: its sched.park's `on`, a deadlock's `on`. */
export type WaitOn =
  | 'sleep'
  | 'work'
  | 'cpu'
  | 'join'
  | 'queue.get'
  | 'queue.put'
  | 'event'
  | 'await'
  | 'await task'
  | 'await future';

/** Where simulated work runs: the program's one GIL, or one of the simulated processes' cores. */
export type CpuKind = 'gil' | 'core';

export interface Wait {
  on: WaitOn;
  /**
   * What it waits for, by name: the queue, the event, the task joined or awaited, the coroutine
   * awaited (its qualified name), or the CpuKind of `cpu` and `work`; null for sleep and a future.
   */
  what: string | null;
  /** Seconds of a sleep or a work, a full queue's maxsize, the line an await is suspended at. */
  amount: number | null;
}

export type WakeCause = 'free' | 'workDone' | 'timer' | 'finished' | 'room' | 'item' | 'set';

export interface Wake {
  cause: WakeCause;
  /** The CpuKind that is free, the task that finished, the queue or event. */
  what: string | null;
  /** The virtual time of a timer's or a work's end. */
  at: number | null;
}

const CPU_NAMES: Record<CpuKind, string> = { gil: 'the GIL', core: 'a core' };

function cpuName(kind: string | null): string {
  return CPU_NAMES[kind as CpuKind] ?? String(kind);
}

/** Why a task was picked, in English: `n` is the random policy's seed, the task's priority. */
export function pickReason(policy: PickPolicy, n: number | null): string {
  switch (policy) {
    case 'fifo':
      return 'fifo: first in line (round robin)';
    case 'lifo':
      return 'lifo: most recently ready';
    case 'random':
      return `random pick (seed ${n})`;
    case 'priority':
      return `priority ${n}: highest among ready tasks, first in line among equals`;
    case 'asyncio':
      return 'asyncio event loop: next ready callback';
  }
}

/** What a task waits on, in English ("sleep(0.5)", "jobs is full (3 items)"). */
export function waitDetail({ on, what, amount }: Wait): string {
  switch (on) {
    case 'sleep':
      return `sleep(${amount})`;
    case 'work':
      return `work(${amount}) on ${cpuName(what)}`;
    case 'cpu':
      return `waits for ${cpuName(what)}`;
    case 'join':
      return `task '${what}' to finish`;
    case 'queue.get':
      return `${what} is empty`;
    case 'queue.put':
      return `${what} is full (${amount} items)`;
    case 'event':
      return `${what} is not set`;
    case 'await':
      return amount ? `${what} at line ${amount}` : String(what);
    case 'await task':
      return amount ? `task '${what}' at line ${amount}` : `task '${what}'`;
    case 'await future':
      return amount ? `a future at line ${amount}` : 'a future';
  }
}

/** Why a task is ready again, in English ("jobs has room", "woke at t=1.5"). */
export function wakeReason({ cause, what, at }: Wake): string {
  switch (cause) {
    case 'free':
      return `${cpuName(what)} is free`;
    case 'workDone':
      return `its work is done at t=${at}`;
    case 'timer':
      return `woke at t=${at}`;
    case 'finished':
      return `task '${what}' finished`;
    case 'room':
      return `${what} has room`;
    case 'item':
      return `${what} has an item`;
    case 'set':
      return `${what} was set`;
  }
}
