/**
 * What a run offers the scheduler, which runs beside the user's program in the same interpreter,
 * and the hooks the scheduler gives a run. The scheduler states here what it needs; the worker
 * (core/run) provides it, so the run depends on the scheduler and never the other way round.
 */
import type { PyodideAPI } from 'pyodide';
import type { EventKind, RunStatus } from '../trace/schema.ts';
import type { Problem } from '../session/problems.ts';

export type Policy = 'fifo' | 'lifo' | 'random' | 'priority';

export type FieldValue = string | number | boolean | null;

/** The run's options the scheduler reads, with their defaults applied. */
export interface SchedulerOptions {
  source: string;
  fileName?: string;
  policy: Policy;
  seed: number;
  switchInterval: number;
  /** False: the run records nothing but its start and end (a benchmark's baseline). */
  record?: boolean;
}

/** The interpreter, the one event stream, the object-id space and the pause gate. */
export interface RunContext {
  readonly py: PyodideAPI;
  readonly options: SchedulerOptions;
  /** Appends an event to the run's stream, in order with the probe's own events. Fields are positional, as in the schema. */
  emit(kind: EventKind, obj: number, line: number, fields?: readonly FieldValue[]): void;
  /** A fresh object id, from the same counter the probe uses. */
  newObjectId(): number;
  /** The probe's id for a Python object (assigning one if it has none). */
  objectId(pyObject: unknown): number;
}

/**
 * The scheduler's hooks into a run. The worker calls `install` before the user's module runs (to make
 * `import yieldscope` work) and `drain` after the module body ends (to run tasks the program
 * spawned but never ran).
 */
export interface SchedulerHooks {
  install(ctx: RunContext): void;
  drain(ctx: RunContext): void;
  /**
   * After the run, once the probe is off: releases the tasks it left (their generators end here,
   * never during a later run, where ending them under that run's probe corrupted Python's memory),
   * and returns an end the scheduler decided, which the worker records instead of `error` (the
   * tasks deadlocked: status `deadlock` and a message naming every waiting task, with the problem
   * the page says it by), or undefined.
   */
  finish?(ctx: RunContext): { status: RunStatus; message: string; problem: Problem } | undefined;
}
