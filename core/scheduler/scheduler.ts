import type { Policy } from './run-context.ts';
import type { Problem } from '../session/problems.ts';
import { VirtualClock } from './clock.ts';
import { Cpu } from './cpu.ts';
import { ReadyQueue, type Emit } from './ready-queue.ts';
import { waitDetail, wakeReason, type Wait, type Wake } from './reasons.ts';

/** What a task runs. `resume` runs it until it gives up control; meanwhile it may call the scheduler's sleep, park, finish and wake methods. */
export interface TaskBody {
  resume(): void;
  /** Called once the task is done, to free what the body holds (e.g. a Python object). */
  release(): void;
}

export interface SpawnSpec {
  name: string;
  /** What the task runs: generator | coroutine | async generator | thread | process | asyncio. */
  wraps: string;
  /** The object id of what it runs (the generator, the coroutine), or 0. */
  target: number;
  priority: number;
  line: number;
}

type TaskState = 'ready' | 'running' | 'sleeping' | 'parked' | 'done';

interface Task {
  readonly id: number;
  readonly name: string;
  readonly label: string;
  readonly priority: number;
  readonly body: TaskBody;
  /** A simulated process: it computes on a core of its own, not on the program's GIL. */
  readonly process: boolean;
  state: TaskState;
  wait?: Wait;
  /** What it computes on while its work() lasts. */
  working?: Cpu;
}

/** A task that waits when the loop can go no further: what deadlock reports list. */
export interface Waiting extends Wait {
  task: number;
  name: string;
  /** What it waits on, in English (reasons.ts). */
  detail: string;
}

export type LoopOutcome =
  | { kind: 'finished' }
  | { kind: 'deadlock'; waiting: Waiting[] }
  /** halt() was called: the run is ending (stopped, over a limit). */
  | { kind: 'halted' };

/** The program used the scheduler in a way it cannot honour; the message says what to do instead. */
export class SchedulerMisuse extends Error {}

export interface SchedulerOptions {
  policy: Policy;
  seed: number;
}

/** The cores simulated processes run on, until the program asks for another number (run(cores=N)). */
export const DEFAULT_CORES = 4;

function pyRepr(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * What a deadlock leaves, in sentences a student can act on, one per waiting task: the message of
 * the Deadlock the program sees raised (Python's traceback names the exception before it).
 */
export function deadlockReason(waiting: readonly Waiting[]): string {
  const who = waiting.map((w) => `task '${w.name}' waits on ${w.on} (${w.detail})`).join('; ');
  return (
    `no task can run and none is sleeping, yet ${waiting.length} ` +
    `${waiting.length === 1 ? 'task still waits' : 'tasks still wait'}: ${who}. ` +
    'Only another task could wake them, and every task left is waiting too.'
  );
}

/** The deadlock in English for the trace and the run's end: "Deadlock: " and its reason. */
export function deadlockMessage(waiting: readonly Waiting[]): string {
  return `Deadlock: ${deadlockReason(waiting)}`;
}

/**
 * The deadlock as the page says it, in the user's language: the waiting tasks by name (the program's
 * own words). What each waits on, the line under the timeline says at the sched.deadlock event.
 */
export function deadlockProblem(waiting: readonly Waiting[]): Problem {
  return { key: 'deadlock', values: { names: waiting.map((w) => `'${w.name}'`).join(', ') } };
}

/**
 * The event loop: picks ready tasks by policy, runs each until it gives up control, parks
 * tasks that wait (sleep, queue, event, join) and wakes them, advances the virtual clock when
 * nothing is ready, and detects deadlock. Every decision is an event in the run's stream.
 */
export class Scheduler {
  readonly clock = new VirtualClock();
  private readonly ready: ReadyQueue<Task>;
  private readonly tasks = new Map<number, Task>();
  private readonly waiters = new Map<string, Task[]>();
  private readonly names = new Map<number, string>();
  private readonly usedNames = new Set<string>();
  /** The next suffix to try per wanted name, so 10,000 tasks named alike cost no quadratic search. */
  private readonly suffixes = new Map<string, number>();
  private parked = 0;
  private current: Task | null = null;
  private looping = false;
  private halted = false;
  /** Threads, generators and coroutines compute one at a time, as CPython's GIL lets them. */
  private readonly gil = new Cpu('gil', 1);
  /** Simulated processes compute in parallel, one per core. */
  private readonly cores = new Cpu('core', DEFAULT_CORES);

  constructor(
    private readonly emit: Emit,
    private readonly newObjectId: () => number,
    options: SchedulerOptions,
  ) {
    this.ready = new ReadyQueue<Task>(emit, newObjectId, options.policy, options.seed);
  }

  /** Tasks not yet done. */
  get unfinished(): number {
    let n = 0;
    for (const task of this.tasks.values()) if (task.state !== 'done') n++;
    return n;
  }

  /** The running task's id, or null outside any task. */
  get running(): number | null {
    return this.current?.id ?? null;
  }

  spawn(body: TaskBody, spec: SpawnSpec): number {
    const id = this.announce(spec);
    const name = this.nameOf(id);
    const task: Task = {
      id,
      name,
      label: pyRepr(name),
      priority: spec.priority,
      body,
      process: spec.wraps === 'process',
      state: 'ready',
    };
    this.tasks.set(id, task);
    this.ready.push(task);
    return id;
  }

  /** Records a task that another loop runs (asyncio's): its id and a name unique in the run. */
  announce(spec: SpawnSpec): number {
    const id = this.newObjectId();
    const name = this.uniqueName(spec.name);
    this.names.set(id, name);
    this.emit('sched.spawn', id, spec.line, [name, spec.wraps, spec.target, spec.priority]);
    return id;
  }

  /** The name a task was given (made unique among the run's tasks). */
  nameOf(id: number): string {
    return this.names.get(id) ?? `task ${id}`;
  }

  /** Runs tasks until none is left, or until deadlock. */
  run(): LoopOutcome {
    if (this.current)
      throw new SchedulerMisuse(
        `run() was called inside task '${this.current.name}': the loop is already running; ` +
          'inside a task, wait for other tasks with join(handle) instead.',
      );
    if (this.looping) throw new SchedulerMisuse('run() is already running.');
    this.looping = true;
    this.halted = false;
    try {
      for (;;) {
        if (this.halted) return { kind: 'halted' };
        this.wakeSleepers();
        if (this.ready.size === 0) {
          const next = this.clock.nextWake();
          if (next !== undefined) {
            this.advanceClock(next);
            continue;
          }
          return this.parked > 0 ? this.deadlock() : { kind: 'finished' };
        }
        this.step();
      }
    } finally {
      this.looping = false;
    }
  }

  /** Frees what unfinished tasks hold (their bodies): the run is over. */
  dispose(): void {
    for (const task of this.tasks.values()) task.body.release();
    this.tasks.clear();
    this.waiters.clear();
  }

  /** Ends the loop after the current step: the run is ending. */
  halt(): void {
    this.halted = true;
  }

  /** Moves virtual time forward (never back) and records it. */
  advanceClock(to: number): void {
    if (to <= this.clock.now) return;
    this.clock.now = to;
    this.emit('clock', 0, 0, [to]);
  }

  /** The running task sleeps for `seconds` of virtual time. */
  sleep(seconds: number, line: number): void {
    const task = this.currentTask('sleep');
    const until = this.clock.now + Math.max(0, seconds);
    task.state = 'sleeping';
    this.clock.sleep(task.id, until);
    this.emitPark(task, line, { on: 'sleep', what: null, amount: seconds }, until);
  }

  /** How many simulated processes can compute at once. */
  setCores(cores: number): void {
    if (!Number.isInteger(cores) || cores < 1)
      throw new SchedulerMisuse(`run(cores=${cores}): give a whole number of cores, 1 or more.`);
    this.cores.size = cores;
  }

  /**
   * The running task computes for `seconds` of virtual time: on the GIL (threads, generators,
   * coroutines) or on a core (processes). When it is taken, the task waits its turn.
   */
  work(seconds: number, line: number): void {
    const task = this.currentTask('work');
    const cpu = task.process ? this.cores : this.gil;
    if (cpu.take()) return this.compute(task, cpu, seconds, line);
    cpu.wait({ task: task.id, seconds });
    task.state = 'parked';
    task.wait = { on: 'cpu', what: cpu.kind, amount: null };
    this.parked++;
    this.emitPark(task, line, task.wait, null);
  }

  private compute(task: Task, cpu: Cpu, seconds: number, line: number): void {
    const until = this.clock.now + Math.max(0, seconds);
    task.state = 'sleeping';
    task.working = cpu;
    this.clock.sleep(task.id, until);
    this.emitPark(task, line, { on: 'work', what: cpu.kind, amount: seconds }, until);
  }

  private emitPark(task: Task, line: number, wait: Wait, until: number | null): void {
    this.emit('sched.park', task.id, line, [wait.on, waitDetail(wait), until, wait.what, wait.amount]);
  }

  /** A task's work is done: its slot goes to the task that waited longest for it, if any. */
  private finishWork(task: Task): void {
    const cpu = task.working!;
    task.working = undefined;
    const next = cpu.release();
    const waiter = next && this.tasks.get(next.task);
    if (!next || !waiter) return;
    this.parked--;
    waiter.wait = undefined;
    this.emitWake(waiter, { cause: 'free', what: cpu.kind, at: null });
    this.compute(waiter, cpu, next.seconds, 0);
  }

  /** The running task waits until another task wakes `key`. */
  park(wait: Wait, key: string, line: number): void {
    const task = this.currentTask(wait.on);
    task.state = 'parked';
    task.wait = wait;
    this.parked++;
    const list = this.waiters.get(key);
    if (list) list.push(task);
    else this.waiters.set(key, [task]);
    this.emitPark(task, line, wait, null);
  }

  /** Wakes the longest-waiting task parked on `key`, if any. */
  wakeOne(key: string, why: Wake): void {
    const list = this.waiters.get(key);
    const task = list?.shift();
    if (!task) return;
    if (list?.length === 0) this.waiters.delete(key);
    this.makeReady(task, why);
  }

  /** Wakes every task parked on `key`, in the order they parked. */
  wakeAll(key: string, why: Wake): void {
    const list = this.waiters.get(key);
    if (!list) return;
    this.waiters.delete(key);
    for (const task of list) this.makeReady(task, why);
  }

  /** The running task has ended, with a result or an exception (each a repr, or null). */
  finish(result: string | null, exc: string | null): void {
    const task = this.currentTask('finish');
    task.state = 'done';
    this.emit('sched.done', task.id, 0, [result, exc]);
  }

  private step(): void {
    const choice = this.ready.take();
    const { task } = choice;
    this.emit('sched.pick', task.id, 0, this.ready.pickFields(choice));
    task.state = 'running';
    this.current = task;
    try {
      task.body.resume();
    } finally {
      this.current = null;
    }
    if (task.state === 'running') {
      task.state = 'ready';
      this.ready.push(task);
    } else if (task.state === 'done') {
      this.tasks.delete(task.id);
      task.body.release();
    }
  }

  private wakeSleepers(): void {
    for (const id of this.clock.takeDue()) {
      const task = this.tasks.get(id);
      if (!task) continue;
      const at = this.clock.now;
      if (task.working) {
        this.finishWork(task);
        this.makeReady(task, { cause: 'workDone', what: null, at });
      } else this.makeReady(task, { cause: 'timer', what: null, at });
    }
  }

  private makeReady(task: Task, why: Wake): void {
    if (task.state === 'parked') this.parked--;
    task.state = 'ready';
    task.wait = undefined;
    this.emitWake(task, why);
    this.ready.push(task);
  }

  private emitWake(task: Task, why: Wake): void {
    this.emit('sched.wake', task.id, 0, [wakeReason(why), why.cause, why.what, why.at]);
  }

  private deadlock(): LoopOutcome {
    const waiting: Waiting[] = [];
    for (const task of this.tasks.values()) {
      if (task.state === 'parked' && task.wait)
        waiting.push({ task: task.id, name: task.name, ...task.wait, detail: waitDetail(task.wait) });
    }
    this.emit('sched.deadlock', 0, 0, [deadlockMessage(waiting), JSON.stringify(waiting)]);
    return { kind: 'deadlock', waiting };
  }

  private currentTask(what: string): Task {
    if (!this.current)
      throw new SchedulerMisuse(`${what} can only be used inside a task run by the scheduler.`);
    return this.current;
  }

  private uniqueName(wanted: string): string {
    let name = wanted;
    for (let n = this.suffixes.get(wanted) ?? 2; this.usedNames.has(name); n++) {
      name = `${wanted}-${n}`;
      this.suffixes.set(wanted, n + 1);
    }
    this.usedNames.add(name);
    return name;
  }
}
