#!/usr/bin/env node
// Checks the desktop build's bundled core worker (out/main/worker.js, built by `npm run build`) the
// way the desktop app uses it, without Electron: it must start Python and record a small program.
// It catches what only the bundle can get wrong, like Python files the core reads from beside its
// modules not being copied next to the bundle. Speaks the worker's messages (core/run/messages.ts).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

const file = resolve(import.meta.dirname, '..', 'out', 'main', 'worker.js');
if (!existsSync(file)) {
  console.error(`${file} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const source =
  'from collections import deque\nq = deque(maxlen=2)\nfor i in range(3):\n    q.append(i)\nprint(list(q))\n';
const control = new Int32Array(new SharedArrayBuffer(16));
const worker = new Worker(file, { workerData: { control } });
let printed = '';
const fail = (message) => {
  console.error(`The bundled worker failed: ${message}`);
  process.exit(1);
};
const timer = setTimeout(() => fail('no result within 120 s'), 120_000);
worker.on('error', (error) => fail(error.message));
worker.on('message', (message) => {
  if (message.type === 'ready')
    worker.postMessage({ type: 'run', options: { source, fileName: 'check.py' } });
  else if (message.type === 'batch')
    printed += message.batch.strings.filter((s) => s.endsWith('\n')).join('');
  else if (message.type === 'failed') fail(message.message);
  else if (message.type === 'done') {
    clearTimeout(timer);
    void worker.terminate();
    if (message.summary.status !== 'ok' || !printed.includes('[1, 2]'))
      fail(JSON.stringify({ ...message.summary, printed }));
    console.log(`The bundled worker recorded ${message.summary.events} events of a real run.`);
  }
});
