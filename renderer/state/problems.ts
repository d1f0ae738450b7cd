/**
 * What went wrong, in words a user can act on: the program's own error (with its line, for the
 * editor), and why a run ended early.
 */
import { problemOf } from '../../core/session/problems.ts';
import { KIND_CODE } from '../../core/trace/schema.ts';
import type { Trace } from '../../core/trace/trace.ts';
import type { RunSummary } from '../api/types.ts';
import type { Lang, MessageKey } from '../i18n/catalog.ts';
import { translate } from '../i18n/translate.ts';

export interface ProgramError {
  /** 1-based line in the program, or null when the error has no line (rare). */
  line: number | null;
  exc: string;
  message: string;
  traceback: string;
}

/** The last `error` event among events `from` to `to` (the trace's end), or null. */
export function findProgramError(trace: Trace, from = 0, to = trace.size): ProgramError | null {
  for (let i = to - 1; i >= from; i--) {
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

/** The program a trace recorded, text and file name (trace format 2 on), or null. */
export function recordedSource(trace: Trace): { source: string; fileName: string } | null {
  const fileName = recordedProgram(trace);
  const source = fileName === null ? null : trace.str(0, 3);
  return fileName !== null && source !== null ? { source, fileName } : null;
}

export function describeProgramError(error: ProgramError, lang: Lang): string {
  // Python's own words (the exception and its message) stay as Python prints them.
  const said = `${error.exc}${error.message ? `: ${error.message}` : ''}`;
  return error.line === null
    ? said
    : translate(lang, 'notices.errorAtLine', { line: error.line, error: said });
}

const ENDS: Record<Exclude<RunSummary['status'], 'ok' | 'error' | 'stopped'>, MessageKey> = {
  timeout: 'notices.timeout',
  limit: 'notices.limit',
  deadlock: 'notices.deadlock',
};

/**
 * Why a run ended, in `lang` when the host said it as a problem (checked: it came from another
 * process), else in the host's words (a message from an older host, or a time limit's).
 */
function reasonOf(summary: RunSummary, lang: Lang): string | undefined {
  const problem = problemOf(summary);
  return problem ? translate(lang, `problems.${problem.key}`, problem.values) : summary.message;
}

/** A sentence for a run that ended other than normally, or null when it simply finished. */
export function describeRunEnd(summary: RunSummary, lang: Lang): string | null {
  switch (summary.status) {
    case 'ok':
      return null;
    case 'error':
      return reasonOf(summary, lang) ?? translate(lang, 'notices.endedWithError');
    case 'stopped':
      // The user pressed Stop: the count is the news, the host's own wording adds nothing.
      return translate(lang, 'notices.stopped', { events: summary.events });
    default: {
      const reason = reasonOf(summary, lang);
      const why = reason ? ` ${reason}` : '';
      return `${translate(lang, ENDS[summary.status])}${why}`;
    }
  }
}
