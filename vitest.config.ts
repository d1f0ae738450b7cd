import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'core/**/*.test.ts',
      'main/**/*.test.ts',
      'renderer/**/*.test.ts',
      'bench/**/*.test.ts',
      'e2e/**/*.test.ts',
    ],
    // Real Pyodide runs take seconds each on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
