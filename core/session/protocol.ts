/**
 * The session API: what the renderer may ask of a host (Electron main, the browser-mode server),
 * independent of the transport. Requests are validated with these schemas on the host side before
 * anything acts on them; replies and pushed events are typed here too.
 */
import { z } from 'zod';
import { MAX_PROGRAM_BYTES } from './program-text.ts';
import { problemText, type Problem } from './problems.ts';
import type { EventBatch } from '../trace/batch.ts';
import type { ReadyProgress, RunSummary } from '../run/types.ts';
import { LANGS, type LessonList } from './lesson.ts';
import type { Inspection } from './snapshot.ts';

export type { Lesson, LessonList, LessonProblem } from './lesson.ts';

/** The seed of a run that names none: runs are reproducible by default. */
export const DEFAULT_SEED = 1;

export const TRACE_FORMATS = ['native', 'jsonl', 'chrome'] as const;
export type TraceFormat = (typeof TRACE_FORMATS)[number];

const limits = {
  source: MAX_PROGRAM_BYTES,
  name: 255,
  id: 64,
  bytes: 512 * 1024 * 1024,
  line: 1_000_000,
};

/** The refusals of a request a user can cause (a program or a line of input pasted too long), said in the user's language. */
const programTooManyChars: Problem = {
  key: 'programTooManyChars',
  values: { max: limits.source.toLocaleString('en') },
};
const lineTooManyChars: Problem = {
  key: 'lineTooManyChars',
  values: { max: limits.line.toLocaleString('en') },
};

export const RunRequest = z
  .object({
    source: z.string().max(limits.source, problemText('en', programTooManyChars)),
    fileName: z
      .string()
      .min(1)
      .max(limits.name)
      .regex(/^[^/\\]+\.py$/, 'a file name ending in .py, without folders'),
    policy: z.enum(['fifo', 'lifo', 'random', 'priority']).default('fifo'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(DEFAULT_SEED),
    switchInterval: z.number().int().min(1).max(10_000).default(5),
    maxEvents: z.number().int().min(1).max(50_000_000).optional(),
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(24 * 3600 * 1000)
      .optional(),
    startPaused: z.boolean().default(false),
    /** The program the host opened (OpenedProgram.programId): the run sees that program's folder as its own. */
    programId: z.string().min(1).max(limits.id).optional(),
  })
  .strict();
export type RunRequest = z.input<typeof RunRequest>;

export const StepRequest = z.object({ to: z.enum(['event', 'switch']).default('event') }).strict();

/** A line of input for the live run's program (its newline included), or null: the input has ended. */
export const InputRequest = z
  .object({
    text: z.string().max(limits.line, problemText('en', lineTooManyChars)).nullable(),
  })
  .strict();

/**
 * Where a trace comes from: bytes (a picked or dropped file), the host's dialog (desktop), or the
 * recording the host kept. Never a path: a renderer cannot name a host file (issue 12).
 */
export const OpenTraceRequest = z.union([
  z.object({ name: z.string().min(1).max(limits.name), bytes: z.instanceof(Uint8Array) }).strict(),
  z.object({ dialog: z.literal(true) }).strict(),
  z.object({ lastRecording: z.literal(true) }).strict(),
]);
export type OpenTraceRequest = z.infer<typeof OpenTraceRequest>;

/** Save or export the session's current trace: through the host's dialog (desktop), or returned as bytes (browser download). */
export const SaveTraceRequest = z
  .object({
    format: z.enum(TRACE_FORMATS),
    dialog: z.boolean().optional(),
  })
  .strict();
export type SaveTraceRequest = z.infer<typeof SaveTraceRequest>;

/** Desktop: the host's dialog picks the program (the browser reads a picked file in the page). */
export const OpenProgramRequest = z.object({ dialog: z.literal(true) }).strict();
export type OpenProgramRequest = z.infer<typeof OpenProgramRequest>;

/** The frames and objects after event `at` of the current trace (live or opened). */
export const InspectRequest = z
  .object({
    at: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
  })
  .strict();

/** The interface's language, so that a desktop host's own texts (its menu, its dialogs) speak it too. */
export const LanguageRequest = z.object({ lang: z.enum(LANGS) }).strict();

/** Every request a renderer can send: method name → schema of its single argument. */
export const REQUESTS = {
  hello: z.undefined(),
  listLessons: z.undefined(),
  run: RunRequest,
  pause: z.undefined(),
  resume: z.undefined(),
  step: StepRequest,
  stop: z.undefined(),
  input: InputRequest,
  openTrace: OpenTraceRequest,
  saveTrace: SaveTraceRequest,
  openProgram: OpenProgramRequest,
  inspect: InspectRequest,
  language: LanguageRequest,
} as const;
export type Method = keyof typeof REQUESTS;

export interface Hello {
  version: string;
  python: ReadyProgress;
  /** The host can show native dialogs (desktop) or not (browser: bytes travel instead). */
  dialogs: boolean;
  /** A recording kept from a previous session (after a crash or restart), if any. */
  lastRecording: { name: string; events: number; savedAt: string } | null;
}

export interface SavedTrace {
  /** The bytes to download (browser); a desktop host wrote them where its dialog said. */
  bytes?: Uint8Array;
  fileName: string;
}

/** A program the host read from its files. */
export interface OpenedProgram {
  fileName: string;
  source: string;
  /** What a run names to see the program's folder as its own (RunRequest.programId). */
  programId: string;
}

/** Replies, by method. */
export interface Replies {
  hello: Hello;
  listLessons: LessonList;
  run: { runId: number };
  pause: void;
  resume: void;
  step: void;
  stop: void;
  input: void;
  /** The trace's events arrive as `trace` events with this runId, then its summary. */
  openTrace: { runId: number; name: string; events: number } | { cancelled: true };
  saveTrace: SavedTrace | { cancelled: true };
  openProgram: OpenedProgram | { cancelled: true };
  inspect: Inspection;
  language: void;
}

export type RunState = 'running' | 'paused' | 'ended';

/** Pushed from host to renderer. Batches of one runId arrive in order, without gaps. */
export type SessionEvent =
  | { type: 'python'; progress: ReadyProgress }
  | { type: 'start'; runId: number; source: 'live' | 'file'; name: string }
  | { type: 'batch'; runId: number; batch: EventBatch }
  /**
   * `paused` is sent when the run actually holds (not when a pause is asked), again at each step,
   * with `at`: the number of events recorded, every one of them already sent.
   */
  | { type: 'state'; runId: number; state: RunState; summary?: RunSummary; at?: number }
  /** The live run's program waits for a line of input (answer with `input`). */
  | { type: 'input'; runId: number }
  /** Desktop menu actions and files opened from outside (command line, drop, recent files). */
  | { type: 'command'; command: MenuCommand }
  | { type: 'program'; program: OpenedProgram };

export type MenuCommand =
  | 'open'
  | 'save'
  | 'export-jsonl'
  | 'export-chrome'
  | 'run'
  | 'stop'
  | 'pause-resume'
  | 'step'
  | 'step-switch'
  | 'step-from-start'
  | 'presentation';

export type Args<M extends Method> = z.input<(typeof REQUESTS)[M]>;

/** The one object the renderer talks to. */
export interface SessionApi {
  call<M extends Method>(method: M, arg: Args<M>): Promise<Replies[M]>;
  listen(listener: (event: SessionEvent) => void): () => void;
}

/** A malformed request: the page's fault, so English only, unless the user caused it (a problem then). */
export class RequestRefused extends Error {
  constructor(
    message: string,
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

/** Validates a request before any host acts on it. Throws RequestRefused naming the problem. */
export function parseRequest<M extends Method>(
  method: unknown,
  arg: unknown,
): { method: M; arg: z.output<(typeof REQUESTS)[M]> } {
  if (typeof method !== 'string' || !Object.hasOwn(REQUESTS, method))
    throw new RequestRefused(`unknown request ${JSON.stringify(String(method)).slice(0, 80)}`);
  const result = REQUESTS[method as Method].safeParse(arg);
  if (!result.success) {
    const { issues } = result.error;
    const tooLong = (field: string) => issues.some((i) => i.path[0] === field && i.code === 'too_big');
    throw new RequestRefused(
      `bad ${method} request: ${issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; ')}`,
      method === 'run' && tooLong('source')
        ? programTooManyChars
        : method === 'input' && tooLong('text')
          ? lineTooManyChars
          : undefined,
    );
  }
  return { method: method as M, arg: result.data as z.output<(typeof REQUESTS)[M]> };
}
