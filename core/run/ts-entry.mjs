// Starts a TypeScript worker under Node: Node 20 does not apply `--import tsx` hooks to a
// worker's own entry file, so this plain module registers tsx and then imports the real entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
