/**
 * The options that run a recorded program again the same way (BRIEF contract 3): its source, file
 * name, run options with the seed, and the input it read, all from the trace. The folder is the
 * host's to give again (a trace names no host path): the files it read must be as they were.
 */
import { KIND_CODE } from '../trace/schema.ts';
import type { Trace } from '../trace/trace.ts';
import type { RunOptions } from './types.ts';

export class NotReplayable extends Error {}

export function runAgain(trace: Trace, programDir?: string): RunOptions {
  if (trace.size === 0 || trace.kindAt(0) !== KIND_CODE['run.start'])
    throw new NotReplayable('the trace does not begin with its run.start event');
  const start = trace.event(0);
  if (typeof start.source !== 'string')
    throw new NotReplayable('the trace is of format version 1: it does not hold its program');
  const recorded = JSON.parse(String(start.options)) as Partial<RunOptions>;
  const stdin: string[] = [];
  for (let i = 0; i < trace.size; i++) {
    if (trace.kindAt(i) !== KIND_CODE.stdin) continue;
    const text = trace.str(i, 0);
    if (text !== null) stdin.push(text);
  }
  const { policy, seed, switchInterval, maxEvents, timeoutMs, startPaused, record } = recorded;
  return {
    source: start.source,
    fileName: String(start.program),
    programDir,
    policy,
    seed,
    switchInterval,
    maxEvents,
    timeoutMs,
    startPaused,
    record,
    stdin,
  };
}
