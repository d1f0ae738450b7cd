/** Files to open that came from outside the window: the command line (also a second instance's) and drops. */
import { isAbsolute, resolve } from 'node:path';
import { desktopText } from '../../core/session/desktop-texts.ts';
import type { Lang } from '../../core/session/lesson.ts';
import { problemOf, problemText } from '../../core/session/problems.ts';
import { OPENABLE_EXTENSIONS } from '../session/formats.ts';

export type OutsideFile = { kind: 'program' | 'trace'; path: string };

export function classifyFile(path: string): OutsideFile | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.py')) return { kind: 'program', path };
  if (OPENABLE_EXTENSIONS.some((e) => lower.endsWith(e))) return { kind: 'trace', path };
  return null;
}

/**
 * The programs and traces named on a command line, made absolute against the folder it was typed
 * in. Electron's own arguments (the executable, the app folder, `--switches`) are not ours and are
 * skipped by being neither .py nor a trace.
 */
export function filesFromArgv(argv: readonly string[], workingDirectory: string): OutsideFile[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-'))
    .map((arg) => classifyFile(isAbsolute(arg) ? arg : resolve(workingDirectory, arg)))
    .filter((file): file is OutsideFile => file !== null);
}

/** The part of the session that opens the files the host was given. */
export interface FileOpening {
  announceProgram(path: string): Promise<void>;
  openTraceAt(path: string): Promise<unknown>;
}

export interface OutsideFileHandlers {
  /** Heard for every file opened, for the recent files list. */
  remember(path: string): void;
  /** Tells the user a file could not be opened. */
  showError(title: string, message: string): void;
  /** The interface's language, for the message box's words and the file's problem. */
  lang(): Lang;
}

/**
 * Opens files handed to the app from outside its window (command line, recent files, the system):
 * a program goes to the editor, a trace becomes the current trace. The page never names them: the
 * host reads them and hands over their contents (a program with the id of its folder).
 */
export function outsideFiles(session: FileOpening, handlers: OutsideFileHandlers) {
  const open = async (file: OutsideFile): Promise<void> => {
    try {
      if (file.kind === 'program') await session.announceProgram(file.path);
      else await session.openTraceAt(file.path);
      handlers.remember(file.path);
    } catch (error) {
      const problem = problemOf(error);
      const lang = handlers.lang();
      handlers.showError(
        desktopText(lang, 'cannotOpen'),
        problem ? problemText(lang, problem) : (error as Error).message,
      );
    }
  };
  const openPath = async (path: string): Promise<void> => {
    const file = classifyFile(path);
    if (file) await open(file);
    else {
      const text = (key: 'cannotOpen' | 'notOpenable') => desktopText(handlers.lang(), key);
      handlers.showError(text('cannotOpen'), `${text('notOpenable')}\n${path}`);
    }
  };
  return { open, openPath };
}
