import { problemText, type Problem } from '../session/problems.ts';

/**
 * A trace file that cannot be read. The message names the file and the problem in words a user can
 * act on (truncated, wrong version, not a trace, bad line N); every reader throws only this. A
 * reader's own flaw is a sentence; readTraceFile makes every error it lets out a problem naming the
 * file, so the page can say it in the user's language.
 */
export class TraceFileError extends Error {
  override name = 'TraceFileError';
  readonly problem?: Problem;

  constructor(what: string | Problem) {
    super(typeof what === 'string' ? what : problemText('en', what));
    if (typeof what !== 'string') this.problem = what;
  }
}
