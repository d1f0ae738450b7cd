/**
 * A trace file that cannot be read. The message names the file and the problem in words a user can
 * act on (truncated, wrong version, not a trace, bad line N); every reader throws only this.
 */
export class TraceFileError extends Error {
  override name = 'TraceFileError';
}
