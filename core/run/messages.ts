import type { ProbeKind } from '../probe/load.ts';
import type { EventBatch } from '../trace/batch.ts';
import type { MessagePort } from 'node:worker_threads';
import type { ReadyProgress, RunOptions, RunSummary } from './types.ts';
import type { Problem } from '../session/problems.ts';
import type { EncodedStrings } from './encoded-strings.ts';

/** Event counts whose heap an inspector's re-run shows (core/inspect): a snapshot at each, holding at `last`. */
export interface WatchWindow {
  first: number;
  last: number;
}

/** What the host sends the worker. */
export type ToWorker = { type: 'run'; options: RunOptions; watch?: WatchWindow };

/** What the worker sends the host. */
export type FromWorker =
  | { type: 'progress'; progress: ReadyProgress }
  | { type: 'ready'; startupMs: number; probe: ProbeKind; probeNotice: string | null }
  /** `encoded`: the batch's new strings, to decode (its `strings` are then empty) */
  | { type: 'batch'; batch: EventBatch; encoded?: EncodedStrings }
  /** The run holds (paused or stepped) after `events` events, every batch of them already sent. */
  | { type: 'held'; events: number }
  /** A heap snapshot of a watched run, as JSON (core/inspect/snapshot.ts); `final`: taken at the program's end. */
  | { type: 'snapshot'; at: number; json: string; final: boolean }
  | { type: 'done'; summary: RunSummary }
  /** The program waits for a line of input: the host sends it on the input port (WorkerSetup). */
  | { type: 'input' }
  /** `input`: the run could not start because of what it was given (its program's folder), not a fault of ours. */
  | { type: 'failed'; message: string; input?: boolean; problem?: Problem };

/** Given to the worker at start. */
export interface WorkerSetup {
  control: Int32Array;
  /** Where lines of input come, each as a `{ text }` message (control.ts, waitForInput). */
  input: MessagePort;
  /** Where the probe's files are, when not beside core/probe/load.ts (a bundled build). */
  probeDir?: string;
  /** The recorder to use (default compiled; the Python one when the compiled one cannot load). */
  probe?: ProbeKind;
  /** The seed the first run will likely have: its interpreter is started first (default DEFAULT_SEED). */
  seed?: number;
}
