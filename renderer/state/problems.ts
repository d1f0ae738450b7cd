/**
 * What went wrong, in words a user can act on: the program's own error (with its line, for the
 * editor), and why a run ended early.
 */
import { KIND_CODE } from '../../core/trace/schema.ts';
import type { Trace } from '../../core/trace/trace.ts';
import type { RunSummary } from '../api/types.ts';

export interface ProgramError {
  /** 1-based line in the program, or null when the error has no line (rare). */
  line: number | null;
  exc: string;
  message: string;
  traceback: string;
}

/** The last `error` event among events `from`..end of the trace, or null. */
export function findProgramError(trace: Trace, from = 0): ProgramError | null {
  for (let i = trace.size - 1; i >= from; i--) {
    if (trace.kindAt(i) !== KIND_CODE.error) continue;
    const line = trace.lineAt(i);
    return {
      line: line > 0 ? line : null,
      exc: trace.str(i, 0) ?? 'Error',
      message: trace.str(i, 1) ?? '',
      traceback: trace.str(i, 2) ?? '',
    };
  }
  return null;
}

/** The program file a trace recorded, from its run.start event (null when the trace does not say). */
export function recordedProgram(trace: Trace): string | null {
  return trace.size > 0 && trace.kindAt(0) === KIND_CODE['run.start'] ? trace.str(0, 1) : null;
}

export function describeProgramError(error: ProgramError): string {
  const where = error.line === null ? '' : `Line ${error.line}: `;
  return `${where}${error.exc}${error.message ? `: ${error.message}` : ''}`;
}

/** A sentence for a run that ended other than normally, or null when it simply finished. */
export function describeRunEnd(summary: RunSummary): string | null {
  const why = summary.message ? ` ${summary.message}` : '';
  switch (summary.status) {
    case 'ok':
      return null;
    case 'error':
      return summary.message ?? 'The program ended with an error.';
    case 'stopped':
      // The user pressed Stop: the count is the news, the host's own wording adds nothing.
      return `Run stopped after ${summary.events.toLocaleString('en')} events.`;
    case 'timeout':
      return `Run stopped: it reached its time limit.${why}`;
    case 'limit':
      return `Run stopped: it reached its event limit.${why}`;
    case 'deadlock':
      return `Run stopped: deadlock, every task waits and none can run.${why}`;
  }
}
