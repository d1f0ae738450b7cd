/**
 * A worker that never stops: once asked to run, it streams one-event batches as fast as the host
 * takes them, ignoring every stop, so the host has to end it while its batches are still queued
 * (runner.test.ts).
 */
import { parentPort } from 'node:worker_threads';
import { emptyBatch } from '../trace/batch.ts';
import { FIELD_COLUMNS, KIND_CODE, NULL_INT } from '../trace/schema.ts';
import type { FromWorker } from './messages.ts';

const post = (m: FromWorker): void => parentPort!.postMessage(m);
const pause = new Int32Array(new SharedArrayBuffer(4));
const BURST = 200;

post({ type: 'ready', startupMs: 0, probe: 'python', probeNotice: null });
parentPort!.on('message', () => {
  for (let first = 0; ;) {
    for (let i = 0; i < BURST; i++, first++) {
      const batch = emptyBatch(first, 0);
      post({
        type: 'batch',
        batch: {
          ...batch,
          count: 1,
          t: new Float64Array([first]),
          kind: new Uint8Array([KIND_CODE.line]),
          obj: new Int32Array(1),
          line: new Int32Array([1]),
          f: new Int32Array(FIELD_COLUMNS).fill(NULL_INT),
        },
      });
    }
    Atomics.wait(pause, 0, 0, 1);
  }
});
