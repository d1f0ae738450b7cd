import { defineConfig } from 'vitest/config';

const ALL = [
  'core/**/*.test.ts',
  'main/**/*.test.ts',
  'renderer/**/*.test.ts',
  'bench/**/*.test.ts',
  'e2e/**/*.test.ts',
];

/**
 * The tests that record real runs of the recorder, the scheduler and the views: they run once more
 * with the Python recorder, the fallback of the compiled one (one schema, one behaviour).
 */
const REAL_RUNS = [
  'core/run/recorder.test.ts',
  'core/run/control.test.ts',
  'core/run/fidelity.test.ts',
  'core/scheduler/control.test.ts',
  'core/scheduler/python-api.test.ts',
  'renderer/derive/real-runs.test.ts',
  'renderer/derive/lesson-runs.test.ts',
  'renderer/views/views.browser.test.ts',
];

export default defineConfig({
  test: {
    // Real Pyodide runs take seconds each on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'compiled recorder', include: ALL, provide: { probe: 'compiled' } } },
      { extends: true, test: { name: 'python recorder', include: REAL_RUNS, provide: { probe: 'python' } } },
    ],
  },
});
