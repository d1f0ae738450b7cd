/**
 * A worker thread that watches for the host's answer the way a paused run does, but spinning, so it
 * sees the answer the instant it lands, and reports the interrupt slot as it was at that instant
 * (control.test.ts). Answers `rounds` stops in a row.
 */
import { parentPort, workerData } from 'node:worker_threads';

const { control, rounds } = workerData as { control: Int32Array; rounds: number };
for (let round = 0; round < rounds; round++) {
  parentPort!.postMessage('waiting');
  while (Atomics.load(control, 1) === 0);
  const interrupt = Atomics.load(control, 0);
  control.fill(0);
  parentPort!.postMessage(interrupt);
}
