import type { EventBatch } from '../trace/batch.ts';
import type { RunStatus } from '../trace/schema.ts';
import type { Policy } from '../scheduler/run-context.ts';
import type { Problem } from '../session/problems.ts';

export type { Policy };

/** What a run needs: the program and its options. Everything but `source` has a default. */
export interface RunOptions {
  source: string;
  /** The program's file name, shown in tracebacks and the trace (default `main.py`). */
  fileName?: string;
  /**
   * The host folder the program runs in: its working directory, read lazily, with every change kept
   * in memory (the host is never written). Without one, the program has a folder of its own holding
   * only itself.
   */
  programDir?: string;
  maxEvents?: number;
  timeoutMs?: number;
  policy?: Policy;
  /**
   * What the run's randomness follows: Python's str hash seed (set order), `random`, os.urandom,
   * and the scheduler's random policy (default DEFAULT_SEED). The same program with the same seed
   * records the same events; real time and memory addresses (id(), default reprs) still vary.
   */
  seed?: number;
  /** Lines a simulated thread runs before the scheduler may switch away. */
  switchInterval?: number;
  /** Start paused before the first event (for stepping from the very beginning). */
  startPaused?: boolean;
  /** Pause once the run has recorded this many events (to run to an event, say to rebuild the state there). */
  pauseAtEvent?: number;
  /**
   * The program's input given in advance, a line an entry (its newline included; the last may lack
   * one): a replay's, a test's. After the last, the input has ended. Without it, RunHooks.onInput
   * asks for each line as the program reads it.
   */
  stdin?: readonly string[];
  /**
   * Record the program's events (default true). False runs it through the same worker with the probe
   * off (only run.start, an uncaught error and run.end are recorded; the output and the files left
   * come back in the summary's `captured`): the baseline for benchmarks and the fidelity corpus.
   */
  record?: boolean;
}

export type Change = 'read' | 'created' | 'written' | 'deleted';

/**
 * One change to the folder. `path` is relative to it (a folder's ends in "/"); `size` is in bytes
 * after the change (null for a folder or a deletion); `content` is the file's bytes after it, cut
 * at MAX_FILE_BYTES, when the change has content and it was asked for.
 */
export interface FileChange {
  path: string;
  change: Change;
  size: number | null;
  content: Uint8Array | null;
}

/** What an unrecorded run did that a recorded one keeps in its trace. */
export interface CapturedRun {
  stdout: string;
  stderr: string;
  /** The last change of every path of the folder the run touched, with the content left. */
  files: FileChange[];
}

export type StepTo = 'event' | 'switch';

export interface RunSummary {
  status: RunStatus;
  events: number;
  wallMs: number;
  /** A sentence a user can act on, for every status but ok. */
  message?: string;
  /** The message as a problem, when Yieldscope wrote it, so the page says it in the user's language. */
  problem?: Problem;
  /** Only for a run with `record: false`. */
  captured?: CapturedRun;
}

/**
 * Control of one run in progress. Every method may be called at any time, also after the end.
 * A pause or a step is done when the worker holds: it acknowledges each hold with the number of
 * events recorded so far, after every batch of them (a HoldListener hears each one).
 */
export interface RunHandle {
  /** Resolves with the event count the run holds at, or null if it ended (or was resumed) first. */
  pause(): Promise<number | null>;
  resume(): void;
  /**
   * While held: let the program run to its next recorded event, or to its next switch of control,
   * and hold there. Resolves as pause() does; null at once when the run is not holding.
   */
  step(to?: StepTo): Promise<number | null>;
  stop(): void;
  /** The next line of input (its newline included), or null for the end of the input. */
  input(text: string | null): void;
  readonly done: Promise<RunSummary>;
}

export type BatchListener = (batch: EventBatch) => void;

/** Hears each hold of a run, with the number of events recorded before it. */
export type HoldListener = (events: number) => void;
/**
 * A heap snapshot of a watched run (core/inspect/snapshot.ts, as JSON), taken after event `at`; a
 * `final` one is taken when the program has ended and holds for every event from `at` on.
 */
export type SnapshotListener = (at: number, json: string, final: boolean) => void;

/**
 * A run an inspector watches: held at the last event of its window until moved on to the next;
 * pause() holds it wherever it is (on its way to its window, or inside it), resume() goes on.
 */
export interface WatchedRun extends RunHandle {
  /** Goes on to snapshots at event counts first..last, holding at last. */
  watch(first: number, last: number): void;
}

/** What a run asks of its host while it goes. */
export interface RunHooks {
  /**
   * The program waits for a line of input (input(), sys.stdin): answer with RunHandle.input. The
   * run's clock and time limit wait meanwhile. Without this hook (and without `stdin`), the input is
   * empty: the program sees its end at once.
   */
  onInput?(): void;
}

/** Startup progress of the Python runtime, for "Python not ready yet" messages. */
export interface ReadyProgress {
  phase: 'starting' | 'loading-python' | 'ready' | 'failed';
  fraction: number;
  /** Once failed: why, for the page to say (nothing can run then). */
  problem?: Problem;
  /** Once ready: which recorder records (the Python one, slower, only when the compiled one could not load). */
  recorder?: 'compiled' | 'python';
}
