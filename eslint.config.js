import js from '@eslint/js';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The layers of ARCHITECTURE.md: core knows nothing of its hosts or of the screen.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'core/ must not import main/ or renderer/.' },
            { group: ['electron', 'electron/*'], message: 'core/ must not import Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    // Tests and dev tooling run in Node beside the renderer (they record real runs, drive Chromium).
    ignores: ['renderer/**/*.test.ts', 'renderer/**/dev/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**'], message: 'The renderer talks to hosts only through renderer/api.' },
            {
              group: ['electron', 'electron/*', 'node:*', 'pyodide'],
              message: 'The renderer runs in a browser sandbox.',
            },
            {
              group: ['**/core/run/**', '**/core/probe/**', '**/core/scheduler/**'],
              message: 'The renderer may import only core/trace and core/session types, not the engine.',
            },
          ],
        },
      ],
    },
  },
);
