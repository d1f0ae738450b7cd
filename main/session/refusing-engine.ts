import type { Engine } from './session.ts';

/**
 * For tests of what a host does before anything runs (validation, guards, headers): an engine that
 * is ready, records every run it is asked for, and refuses it. Tests that run programs use the real
 * Runner.
 */
export function refusingEngine(): Engine & { runs: unknown[] } {
  const runs: unknown[] = [];
  return {
    runs,
    ready: Promise.resolve(),
    run: (options) => {
      runs.push(options);
      throw new Error('this test expected nothing to run');
    },
    watch: (options) => {
      runs.push(options);
      throw new Error('this test expected nothing to run');
    },
    close: async () => undefined,
  };
}
