import { problemText, type Problem } from '../session/problems.ts';
import { flawText, type Flaw } from '../session/trace-flaws.ts';
import { READABLE_VERSIONS } from './schema.ts';

/**
 * A trace file that cannot be read, in words a user can act on (truncated, wrong version, not a
 * trace, bad line N); every reader throws only this. A reader knows why but not the file's name: it
 * gives a flaw (its message is the flaw in English); readTraceFile names the file, which makes the
 * flaw a problem, so the page can say it in the user's language.
 */
export class TraceFileError extends Error {
  override name = 'TraceFileError';
  readonly problem?: Problem;
  readonly flaw?: Flaw;

  constructor(what: Problem | { flaw: Flaw }) {
    super('flaw' in what ? flawText('en', what.flaw) : problemText('en', what));
    if ('flaw' in what) this.flaw = what.flaw;
    else this.problem = what;
  }

  /** The flaw of a reader, said in English. */
  static flaw(key: Flaw['key'], values?: Flaw['values']): TraceFileError {
    return new TraceFileError({ flaw: { key, values } });
  }

  /** A file of a format version this Yieldscope does not read. */
  static wrongVersion(version: string | number): TraceFileError {
    return TraceFileError.flaw('traceWrongVersion', {
      version,
      oldest: Math.min(...READABLE_VERSIONS),
      newest: Math.max(...READABLE_VERSIONS),
    });
  }
}
