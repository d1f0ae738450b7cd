/**
 * What the user can ask for — from the toolbar, a shortcut, the desktop menu or a dropped file —
 * turned into session API calls. A failure never escapes: it becomes a notice saying what did not work.
 */
import { api } from '../api/api.ts';
import {
  decodeProgram,
  MAX_PROGRAM_BYTES,
  ProgramTextError,
  tooLong,
} from '../../core/session/program-text.ts';
import type { Lesson, MenuCommand, TraceFormat } from '../../core/session/protocol.ts';
import { program } from './program.svelte.ts';
import { host } from './host.svelte.ts';
import { cursor, recording } from './recording.svelte.ts';
import { settings } from './settings.svelte.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { Values } from '../i18n/translate.ts';
import { t } from '../i18n/locale.svelte.ts';
import { nextAtLine } from '../derive/navigate.ts';

async function attempt<T>(
  action: MessageKey,
  work: () => Promise<T>,
  values?: Values,
): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    host.fail(action, error, values);
    return undefined;
  }
}

let starting = false;

/**
 * Runs the program in the editor; `startPaused` stops it before its first line (by default as the
 * user's setting says: one for lessons, one for their own programs). Resolves with the run's id.
 */
export async function run(startPaused = startsPaused()): Promise<number | undefined> {
  // One start at a time: a shortcut and the desktop menu may both ask for the same run.
  if (starting) return undefined;
  starting = true;
  host.dismiss();
  program.adoptRecorded(); // running an opened trace's program makes it the user's

  try {
    const reply = await attempt('notices.running', () =>
      api.call('run', {
        source: program.source,
        fileName: program.fileName,
        programId: program.programId,
        policy: settings.policy,
        seed: Number.isInteger(settings.seed) && settings.seed >= 0 ? settings.seed : 1,
        switchInterval: Number.isInteger(settings.switchInterval) ? settings.switchInterval : 5,
        startPaused,
      }),
    );
    return reply?.runId;
  } finally {
    starting = false;
  }
}

/** Whether Run stops before the first line for the program in the editor. */
export function startsPaused(): boolean {
  return program.lessonId ? settings.startPausedLessons : settings.startPaused;
}

export function setStartPaused(on: boolean): void {
  if (program.lessonId) settings.startPausedLessons = on;
  else settings.startPaused = on;
}

export const running = () => recording.state === 'running' || recording.state === 'paused';

/** A line typed for the program (without its newline), or null to end its input. */
export async function answerInput(line: string | null): Promise<void> {
  recording.waitingForInput = false;
  await attempt('notices.sendingInput', () =>
    api.call('input', { text: line === null ? null : `${line}\n` }),
  );
}

export async function stop(): Promise<void> {
  await attempt('notices.stopping', () => api.call('stop', undefined));
}

/** Pauses or resumes a live run; over a finished or opened trace, plays or pauses the replay. */
export async function pauseOrResume(): Promise<void> {
  if (recording.state === 'running') await attempt('notices.pausing', () => api.call('pause', undefined));
  else if (recording.state === 'paused')
    await attempt('notices.resuming', () => api.call('resume', undefined));
  else if (cursor.playing) cursor.pause();
  else cursor.play();
}

/**
 * Steps a live run (pausing it first if it is still running); over a finished trace, moves the
 * cursor; before any run, starts one stopped before its first line.
 */
export async function step(to: 'event' | 'switch'): Promise<void> {
  if (recording.state === 'idle') {
    await run(true);
    return;
  }
  if (!running()) {
    if (to === 'event') cursor.next();
    else cursor.nextSwitch();
    return;
  }
  await attempt('notices.stepping', async () => {
    if (recording.state === 'running') await api.call('pause', undefined);
    await api.call('step', { to });
  });
}

export function pickLesson(lesson: Lesson): void {
  program.load(lesson.source, lesson.fileName, { lesson, programId: lesson.programId });
  settings.runAs(lesson.run);
}

export async function openTraceFile(file?: File): Promise<void> {
  host.dismiss();
  await attempt(
    file ? 'notices.openingFile' : 'notices.openingTrace',
    async () =>
      file
        ? api.call('openTrace', { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
        : api.call('openTrace', { dialog: true }),
    { name: file?.name ?? '' },
  );
}

export async function reopenLastRecording(): Promise<void> {
  host.dismiss();
  await attempt('notices.reopening', () => api.call('openTrace', { lastRecording: true }));
}

/** Desktop: the host's native dialog reads the file. */
export async function openProgramDialog(): Promise<void> {
  const reply = await attempt('notices.openingProgram', () => api.call('openProgram', { dialog: true }));
  if (reply && 'source' in reply) program.load(reply.source, reply.fileName, { programId: reply.programId });
}

/** Browser: the page reads the file, decoding it as Python does (a coding line, else UTF-8). */
export async function openProgramFile(file: File): Promise<void> {
  const name = file.name.replace(/[/\\]/g, '_');
  const read = async () => {
    if (file.size > MAX_PROGRAM_BYTES) throw new ProgramTextError(tooLong(name, file.size));
    return decodeProgram(new Uint8Array(await file.arrayBuffer()), name);
  };
  const source = await attempt('notices.openingFile', read, { name: file.name });
  if (source !== undefined) program.load(source, name);
}

/** Desktop: the host writes the file (through a dialog). Browser: the host returns the bytes and the page downloads them. */
export async function saveTrace(format: TraceFormat): Promise<void> {
  const dialogs = host.hello?.dialogs ?? false;
  const reply = await attempt('notices.saving', () => api.call('saveTrace', { format, dialog: dialogs }));
  if (reply && 'bytes' in reply && reply.bytes) download(reply.bytes, reply.fileName);
}

function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Files dropped on the window: programs go to the editor, anything else is opened as a trace. */
export async function openDropped(file: File): Promise<void> {
  if (file.name.endsWith('.py')) await openProgramFile(file);
  else await openTraceFile(file);
}

/** "Run to here": the cursor moves to the next time `line` starts to run. */
export function runToLine(line: number): void {
  const found = cursor.at < 0 ? null : nextAtLine(recording.trace, cursor.at, line);
  if (found === null) host.fail('frames.runToHere', new Error(t('frames.lineNeverRuns', { line })), { line });
  else cursor.toEvent(found);
}

/** The desktop menu's commands (and the same shortcuts in the page); `openTrace` shows a native dialog or the page's file picker. */
export function menu(command: MenuCommand, openTrace: () => void): void {
  const actions: Record<MenuCommand, () => unknown> = {
    open: openTrace,
    save: () => saveTrace('native'),
    'export-jsonl': () => saveTrace('jsonl'),
    'export-chrome': () => saveTrace('chrome'),
    run,
    stop,
    'pause-resume': pauseOrResume,
    step: () => step('event'),
    'step-switch': () => step('switch'),
    'step-from-start': () => run(true),
    presentation: () => (settings.presentation = !settings.presentation),
  };
  actions[command]();
}
