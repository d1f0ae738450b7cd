import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

/** The views' dev page: `npx vite --config renderer/views/dev/vite.config.ts` (also what the views bench loads). */
export default defineConfig({
  root: resolve(import.meta.dirname),
  plugins: [svelte()],
  server: { fs: { allow: [resolve(import.meta.dirname, '../../..')] } },
  logLevel: 'warn',
});
