import type { SchedulerHooks } from '../run/context.ts';

/** The scheduler's entry points into a run (see core/run/context.ts). */
export const schedulerHooks: SchedulerHooks = {
  install() {},
  drain() {},
};
