import js from '@eslint/js';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

/** The globals one environment has and the other has not. */
const onlyIn = (these, those) => Object.keys(these).filter((name) => !(name in those));

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
    // Which folder may import which is .dependency-cruiser.cjs's (npm run layers). What it cannot see
    // is a global used without an import: the pure modules use neither the DOM's nor Node's.
    files: ['core/trace/**/*.ts', 'core/session/**/*.ts', 'renderer/derive/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...onlyIn(globals.browser, globals.node).map((name) => ({
          name,
          message: 'A pure module uses no DOM API: it runs in Node and in the worker too.',
        })),
        ...onlyIn(globals.node, globals.browser).map((name) => ({
          name,
          message: 'A pure module uses no Node API: it runs in the browser too.',
        })),
      ],
    },
  },
);
