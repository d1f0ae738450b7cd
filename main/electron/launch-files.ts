/** Files to open that came from outside the window: the command line (also a second instance's) and drops. */
import { isAbsolute, resolve } from 'node:path';
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
