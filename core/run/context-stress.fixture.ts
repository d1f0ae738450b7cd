/**
 * The real worker, with a scheduler hook that hammers RunContext.emit from a hot JavaScript loop
 * before the program runs, far past the run's event limit (context.test.ts).
 */
import { schedulerHooks } from '../scheduler/hooks.ts';

const EMITS = 200_000; // context.test.ts counts them

const install = schedulerHooks.install.bind(schedulerHooks);
schedulerHooks.install = (ctx) => {
  install(ctx);
  for (let i = 0; i < EMITS; i++) ctx.emit('stdout', 0, i % 50, [`line ${i % 7}\n`]);
};
await import('./worker.ts');
