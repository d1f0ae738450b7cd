import type { SchedulerHooks } from '../run/context.ts';
import { PythonScheduler } from './python-api.ts';

/** The run in progress (a worker runs one program at a time). */
let current: PythonScheduler | null = null;

/** The scheduler's entry points into a run (see core/run/context.ts). */
export const schedulerHooks: SchedulerHooks = {
  install(ctx) {
    current = new PythonScheduler(ctx);
  },
  drain() {
    current?.drain();
  },
  outcome() {
    const deadlock = current?.deadlock;
    return deadlock ? { status: 'deadlock', message: deadlock } : undefined;
  },
};
