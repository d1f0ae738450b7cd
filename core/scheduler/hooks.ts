import type { RunContext, SchedulerHooks } from './run-context.ts';
import { PythonScheduler } from './python-api.ts';
import { deadlockMessage, deadlockProblem } from './scheduler.ts';

/** The run in progress (a worker runs one program at a time), with the context it was installed in. */
let current: { ctx: RunContext; scheduler: PythonScheduler } | null = null;

/** The scheduler's entry points into a run (see core/run/context.ts). */
export const schedulerHooks: SchedulerHooks = {
  install(ctx) {
    current = { ctx, scheduler: new PythonScheduler(ctx) };
  },
  drain(ctx) {
    if (current?.ctx === ctx) current.scheduler.drain();
  },
  finish(ctx) {
    // A run that never got as far as install (a SyntaxError) has no scheduler of its own.
    if (current?.ctx !== ctx) return undefined;
    const { deadlock } = current.scheduler;
    current.scheduler.dispose();
    current = null;
    return deadlock
      ? { status: 'deadlock', message: deadlockMessage(deadlock), problem: deadlockProblem(deadlock) }
      : undefined;
  },
};
