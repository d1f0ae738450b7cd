/**
 * The session: everything a renderer may ask of a host, independent of the transport. The Electron
 * main process and the browser-mode server each feed it requests exactly as they arrive (it
 * validates them) and forward what it pushes.
 *
 * A session keeps one Python engine warm across runs, and one current trace: the live run's, or the
 * one opened from a file, which is what Save writes.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import type {
  BatchListener,
  HoldListener,
  ReadyProgress,
  RunHandle,
  RunHooks,
  RunOptions,
  RunSummary,
} from '../../core/run/types.ts';
import { Inspector, type InspectEngine } from '../../core/inspect/inspector.ts';
import { replayOf } from '../../core/inspect/replay.ts';
import type { Lang } from '../../core/session/lesson.ts';
import type { Inspection } from '../../core/session/snapshot.ts';
import {
  parseRequest,
  type Hello,
  type Method,
  type OpenedProgram,
  type Replies,
  type REQUESTS,
  type RunState,
  type SessionEvent,
  type TraceFormat,
} from '../../core/session/protocol.ts';
import { ProblemError, problemOf, problemText, type Problem } from '../../core/session/problems.ts';
import { decodeProgram, MAX_PROGRAM_BYTES, tooLong } from '../../core/session/program-text.ts';
import { readTraceFile } from '../../core/trace/open.ts';
import { Trace } from '../../core/trace/trace.ts';
import { writeFileAtomic } from './atomic.ts';
import { FORMATS, joinChunks, traceFileName } from './formats.ts';
import type { ProbeKind } from '../../core/probe/load.ts';
import { listLessons } from './lessons.ts';
import { OpenedPrograms } from './programs.ts';
import { LastRecording } from './recording.ts';
import { traceBatches, traceSummary } from './replay.ts';

/** The part of core/run/runner.ts's Runner a session uses (`watch`: an inspector's, see core/inspect). */
export interface Engine extends InspectEngine {
  /** Which recorder records, once ready: the compiled one, or the slower Python one when it could not load. */
  readonly probe?: ProbeKind;
  run(options: RunOptions, onBatch: BatchListener, onHold?: HoldListener, hooks?: RunHooks): RunHandle;
}

/** Native file dialogs of a desktop host; each resolves to the chosen path, or null when cancelled. */
export interface Dialogs {
  openTrace(): Promise<string | null>;
  saveTrace(format: TraceFormat, suggestedName: string): Promise<string | null>;
  openProgram(): Promise<string | null>;
}

export interface SessionOptions {
  version: string;
  lessonsFolder: string;
  /** Where the last recording is kept between sessions. */
  dataFolder: string;
  startEngine(onProgress: (progress: ReadyProgress) => void): Engine;
  /**
   * A desktop host's dialogs. A renderer never names a host file: a desktop host reads and writes
   * the files its dialogs (or the host itself) chose, the browser edition takes and gives bytes.
   */
  dialogs?: Dialogs;
  /** Hears the interface's language: a desktop host draws its menu and dialogs in it. */
  onLanguage?(lang: Lang): void;
}

/** A valid request that cannot be done now; its problem says what to do instead. */
export class SessionError extends ProblemError {}

/** A long run is also kept while it goes, so that a crash of the host loses at most this much of it. */
const KEEP_RUNNING_EVERY_MS = 10_000;
const MAX_TRACE_BYTES = 512 * 1024 * 1024;

type Arg<M extends Method> = z.output<(typeof REQUESTS)[M]>;
type Handlers = { [M in Method]: (arg: Arg<M>) => Promise<Replies[M]> };

interface Current {
  runId: number;
  name: string;
  trace: Trace;
  /** The live run's control; null for a trace opened from a file. */
  handle: RunHandle | null;
  state: RunState;
  /** The folder the run's program was opened from: what it read there, to run it again (core/inspect). */
  folder?: { programDir: string };
}

export class Session {
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly engine: Engine;
  private readonly lastRecording: LastRecording;
  private readonly programs = new OpenedPrograms();
  private python: ReadyProgress = { phase: 'starting', fraction: 0 };
  private nextRunId = 1;
  private current: Current | null = null;
  /** Runs and opened traces replace the current trace one at a time, in the order asked. */
  private replacing: Promise<unknown> = Promise.resolve();
  private keeping: Promise<void> = Promise.resolve();
  /** Started on the first `inspect`: an engine of its own, so inspecting never disturbs a live run. */
  private inspector: Inspector | null = null;

  constructor(private readonly options: SessionOptions) {
    this.lastRecording = new LastRecording(options.dataFolder);
    this.engine = options.startEngine((progress) => this.setPython(progress));
    this.engine.ready.then(
      () => this.setPython({ phase: 'ready', fraction: 1, recorder: this.engine.probe }),
      // said on the page at once (it would otherwise wait at its last progress), and again to whoever
      // runs a program: run() awaits `ready` and fails with the same problem
      (error: Error) => this.setPython({ phase: 'failed', fraction: 0, problem: didNotStart(error) }),
    );
  }

  /** Validates a request from a renderer and does it. Throws RequestRefused for a malformed request, never acting on it. */
  async call(method: unknown, arg: unknown): Promise<unknown> {
    const request = parseRequest(method, arg);
    const handler = this.handlers[request.method] as (arg: unknown) => Promise<unknown>;
    return handler(request.arg);
  }

  listen(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Pushes an event to every renderer: the hosts' menu commands and programs opened from outside. */
  push(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Opens a .py file the host was given (command line, recent files, the system) and hands it to the editor. */
  async announceProgram(path: string): Promise<void> {
    this.push({ type: 'program', program: await this.readProgram(path) });
  }

  /** Opens a trace file the host was given (command line, recent files, the system), as openTrace does. */
  openTraceAt(path: string): Promise<Replies['openTrace']> {
    return this.oneAtATime(async () =>
      this.showTrace({
        name: basename(path),
        bytes: await readHostFile(path, MAX_TRACE_BYTES, tooBigATrace(path)),
      }),
    );
  }

  async close(): Promise<void> {
    await this.stopLive();
    await this.keeping;
    await this.inspector?.close();
    await this.engine.close();
  }

  private readonly handlers: Handlers = {
    hello: async () => this.hello(),
    listLessons: async () => listLessons(this.options.lessonsFolder, (path) => this.programs.issue(path)),
    run: (arg) => this.oneAtATime(() => this.run(arg)),
    // A pause or a step is reported when the run holds (run()'s hold listener), not when it is asked.
    pause: async () => {
      this.control('running', (h) => void h.pause());
    },
    resume: async () => {
      this.control('paused', (h, live) => {
        h.resume();
        live.state = 'running';
        this.push({ type: 'state', runId: live.runId, state: 'running' });
      });
    },
    step: async ({ to }) => {
      // Step on a running program first stops it where it is, so the next press steps from there.
      if (this.control('running', (h) => void h.pause())) return;
      this.control('paused', (h) => void h.step(to));
    },
    stop: async () => {
      const live = this.liveRun();
      live?.handle?.stop();
    },
    input: async ({ text }) => {
      this.liveRun()?.handle?.input(text);
    },
    openTrace: (arg) => this.oneAtATime(() => this.openTrace(arg)),
    saveTrace: (arg) => this.saveTrace(arg),
    inspect: ({ at }) => this.inspect(at),
    language: async ({ lang }) => {
      this.options.onLanguage?.(lang);
    },
    openProgram: async () => {
      const path = await this.dialogs().openProgram();
      return path === null ? { cancelled: true } : this.readProgram(path);
    },
  };

  private async hello(): Promise<Hello> {
    await this.keeping;
    const lastRecording = await this.lastRecording.note();
    // Python's state is read last, when the reply leaves: read before the note, a page greeted while
    // Python became ready was answered with the state before, after the push that said ready, and
    // waited at 'Python is loading… 80%' for as long as it stayed open.
    return {
      version: this.options.version,
      python: this.python,
      dialogs: this.options.dialogs !== undefined,
      lastRecording,
    };
  }

  private async run(arg: Arg<'run'>): Promise<Replies['run']> {
    const { fileName, programId, ...rest } = arg;
    // a program typed in the editor has no folder: it runs in one holding only itself
    const programDir = programId === undefined ? undefined : this.programs.folderOf(programId);
    await this.stopLive();
    try {
      await this.engine.ready;
    } catch (error) {
      throw new SessionError(didNotStart(error as Error));
    }
    const current: Current = {
      runId: this.nextRunId++,
      name: fileName,
      trace: new Trace(),
      handle: null,
      state: 'running',
      folder: programDir === undefined ? undefined : { programDir },
    };
    const { runId, trace } = current;
    this.current = current;
    this.push({ type: 'start', runId, source: 'live', name: fileName });
    this.push({ type: 'state', runId, state: current.state });
    let keptAt = performance.now();
    current.handle = this.engine.run(
      { fileName, programDir, ...rest },
      (batch) => {
        trace.append(batch);
        this.push({ type: 'batch', runId, batch });
        if (performance.now() - keptAt > KEEP_RUNNING_EVERY_MS) {
          keptAt = performance.now();
          this.keep(current);
        }
      },
      (at) => {
        if (this.current !== current || current.state === 'ended') return;
        current.state = 'paused';
        this.push({ type: 'state', runId, state: 'paused', at });
      },
      { onInput: () => this.push({ type: 'input', runId }) },
    );
    current.handle.done.then(
      (summary) => this.finish(current, summary),
      (error: Error) => {
        const failed: Problem = { key: 'runFailed', values: { detail: error.message } };
        this.finish(current, {
          status: 'error',
          events: trace.size,
          wallMs: 0,
          message: problemText('en', failed),
          // a failure Yieldscope can say (a program folder gone) is said whole; another keeps its words
          problem: problemOf(error) ?? failed,
        });
      },
    );
    return { runId };
  }

  private finish(current: Current, summary: RunSummary): void {
    current.state = 'ended';
    this.push({ type: 'state', runId: current.runId, state: 'ended', summary });
    if (current.trace.size > 0) this.keep(current); // else nothing was recorded: the previous recording stays
  }

  private keep(current: Current): void {
    this.keeping = this.keeping
      .then(() => this.lastRecording.keep(current.trace, current.name))
      .catch((error: Error) =>
        console.error(`yieldscope: could not keep the last recording: ${error.message}`),
      );
  }

  private liveRun(): Current | null {
    return this.current?.handle && this.current.state !== 'ended' ? this.current : null;
  }

  /** Applies a control to the live run if it is in state `from`; says whether it did. */
  private control(from: RunState, act: (handle: RunHandle, live: Current) => void): boolean {
    const live = this.liveRun();
    if (!live?.handle || live.state !== from) return false;
    act(live.handle, live);
    return true;
  }

  private async stopLive(): Promise<void> {
    const live = this.liveRun();
    if (!live?.handle) return;
    live.handle.stop();
    await live.handle.done.catch(() => undefined); // its failure was reported by finish()
  }

  private oneAtATime<T>(job: () => Promise<T>): Promise<T> {
    const next = this.replacing.then(job, job);
    this.replacing = next.catch(() => undefined);
    return next;
  }

  private async inspect(at: number): Promise<Inspection> {
    const current = this.current;
    if (!current) throw new SessionError({ key: 'noVariablesYet' });
    this.inspector ??= new Inspector(() => this.options.startEngine(() => undefined));
    return this.inspector.at(
      { trace: current.trace, replay: replayOf(current.trace, at, current.folder) },
      at,
    );
  }

  private async openTrace(arg: Arg<'openTrace'>): Promise<Replies['openTrace']> {
    const file = await this.traceFile(arg);
    return file ? this.showTrace(file) : { cancelled: true };
  }

  /** Makes a trace file the current trace, replayed to the renderers as batches. */
  private async showTrace(file: { name: string; bytes: Uint8Array }): Promise<Replies['openTrace']> {
    const trace = readTraceFile(file.bytes, file.name);
    await this.stopLive();
    const runId = this.nextRunId++;
    this.current = { runId, name: file.name, trace, handle: null, state: 'ended' };
    this.push({ type: 'start', runId, source: 'file', name: file.name });
    for (const batch of traceBatches(trace)) this.push({ type: 'batch', runId, batch });
    this.push({ type: 'state', runId, state: 'ended', summary: traceSummary(trace) });
    return { runId, name: file.name, events: trace.size };
  }

  private async traceFile(arg: Arg<'openTrace'>): Promise<{ name: string; bytes: Uint8Array } | null> {
    if ('bytes' in arg) return { name: basename(arg.name), bytes: arg.bytes };
    if ('lastRecording' in arg) {
      const kept = await this.lastRecording.load().catch(() => null);
      if (!kept) throw new SessionError({ key: 'noKeptRecording' });
      return kept;
    }
    const path = await this.dialogs().openTrace();
    if (path === null) return null;
    return { name: basename(path), bytes: await readHostFile(path, MAX_TRACE_BYTES, tooBigATrace(path)) };
  }

  private async saveTrace(arg: Arg<'saveTrace'>): Promise<Replies['saveTrace']> {
    const current = this.current;
    if (!current) throw new SessionError({ key: 'noTraceToSave' });
    const fileName = traceFileName(current.name, arg.format);
    if (!arg.dialog) return { bytes: joinChunks(FORMATS[arg.format].chunks(current.trace)), fileName };
    const path = await this.dialogs().saveTrace(arg.format, fileName);
    if (path === null) return { cancelled: true };
    try {
      await writeFileAtomic(path, FORMATS[arg.format].chunks(current.trace));
    } catch (error) {
      throw new SessionError({ key: 'cannotSave', values: { path, detail: (error as Error).message } });
    }
    return { fileName: basename(path) };
  }

  private async readProgram(path: string): Promise<OpenedProgram> {
    const fileName = basename(path);
    if (!fileName.endsWith('.py')) throw new SessionError({ key: 'notPython', values: { name: fileName } });
    const bytes = await readHostFile(path, MAX_PROGRAM_BYTES, (size) => tooLong(fileName, size));
    // a ProgramTextError is a problem already: it travels to the page as it is
    const source = decodeProgram(bytes, fileName);
    return { fileName, source, programId: this.programs.issue(path) };
  }

  private dialogs(): Dialogs {
    if (!this.options.dialogs) throw new SessionError({ key: 'noDialogs' });
    return this.options.dialogs;
  }

  private setPython(progress: ReadyProgress): void {
    this.python = progress;
    this.push({ type: 'python', progress });
  }
}

const didNotStart = (error: Error): Problem => ({
  key: 'pythonDidNotStart',
  values: { detail: error.message },
});

const tooBigATrace =
  (path: string) =>
  (size: number): Problem => ({ key: 'traceTooBig', values: { name: basename(path), size } });

async function readHostFile(
  path: string,
  limit: number,
  tooBig: (size: number) => Problem,
): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new SessionError({ key: 'notAFile', values: { path } });
    if (info.size > limit) throw new SessionError(tooBig(info.size));
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof SessionError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'missing' : code === 'EACCES' ? 'denied' : 'other';
    throw new SessionError({ key: 'cannotOpen', values: { path, why, detail: (error as Error).message } });
  }
}
