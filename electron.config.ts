import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { contentSecurityPolicy } from './main/csp.ts';

/**
 * The Python files the core reads from beside its modules (`new URL('./…', import.meta.url)`), as
 * source folder → the folder beside the bundle where the same code looks for them.
 */
const CORE_PYTHON = {
  'core/probe/ys_probe': 'out/main/ys_probe',
  'core/scheduler/python': 'out/main/python',
};

/** The core worker is bundled as a second main entry (out/main/worker.js); its Python files go beside it. */
function copyCorePython(): Plugin {
  return {
    name: 'yieldscope:copy-core-python',
    apply: 'build',
    closeBundle() {
      for (const [from, to] of Object.entries(CORE_PYTHON))
        cpSync(resolve(from), resolve(to), {
          recursive: true,
          filter: (path) => !path.includes('__pycache__'),
        });
    },
  };
}

/**
 * The page carries its Content-Security-Policy itself, whichever host serves it (the hosts add the
 * header too). A meta policy cannot say frame-ancestors, and the browser edition's port is chosen at
 * run time, hence any loopback port for its socket.
 */
function cspMeta(): Plugin {
  const policy = contentSecurityPolicy(['ws://127.0.0.1:*', 'ws://localhost:*'])
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'yieldscope:csp-meta',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    plugins: [copyCorePython()],
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: { index: resolve('main/electron/main.ts'), worker: resolve('core/run/worker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rolldownOptions: {
        input: { index: resolve('main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [svelte(), cspMeta()],
    build: {
      outDir: resolve('out/renderer'),
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
