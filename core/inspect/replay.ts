import type { Policy, RunOptions } from '../run/types.ts';
import { KIND_CODE } from '../trace/schema.ts';
import type { Trace } from '../trace/trace.ts';
import type { Problem } from '../session/problems.ts';

/** Why a trace's program cannot be run again, as a problem to say to the user. */
export interface CannotReplay {
  cannot: Problem;
}

const RUN_START = KIND_CODE['run.start'];
const STDIN = KIND_CODE.stdin;
const FILE = KIND_CODE.file;

/** Per trace: how far it was read, its first read of the folder, and every line of input it read. */
interface Scanned {
  to: number;
  read: number;
  stdin: readonly string[];
}
const scanned = new WeakMap<Trace, Scanned>();

/**
 * The trace's input lines and its first read of the folder (Infinity: none), read once and then
 * only as far as the trace grew. The lines stay one array until a new one comes, so that a way of
 * running the program again compares equal to the last one while the cursor moves.
 */
function scan(trace: Trace): Scanned {
  const seen = scanned.get(trace) ?? { to: 0, read: Infinity, stdin: [] };
  const lines: string[] = [];
  for (let i = seen.to; i < trace.size; i++) {
    const kind = trace.kindAt(i);
    if (kind === STDIN) {
      const line = trace.str(i, 0);
      if (line !== null) lines.push(line); // null: the input ended, as it will again after the last line
    } else if (kind === FILE && trace.str(i, 1) === 'read') seen.read = Math.min(seen.read, i);
  }
  seen.to = trace.size;
  if (lines.length) seen.stdin = [...seen.stdin, ...lines];
  scanned.set(trace, seen);
  return seen;
}

/**
 * How to run a trace's program again exactly as it ran up to event `to` (BRIEF contract 3): its
 * source, file name and options from run.start (trace format 2), and the lines of input it read.
 * `folder`: the program's folder, which a host that ran it still knows; a trace alone does not keep
 * what the program read there.
 */
export function replayOf(
  trace: Trace,
  to = trace.size - 1,
  folder?: { programDir: string },
): RunOptions | CannotReplay {
  if (trace.size === 0 || trace.kindAt(0) !== RUN_START) return { cannot: { key: 'replayNoRun' } };
  const source = trace.str(0, 3);
  if (source === null) return { cannot: { key: 'replayNoSource' } };
  const { stdin, read } = scan(trace);
  if (read <= to && !folder)
    return { cannot: { key: 'replayReadFolder', values: { file: String(trace.str(read, 0)) } } };
  const options = parseOptions(trace.str(0, 2));
  return { source, fileName: trace.str(0, 1) ?? 'main.py', ...options, stdin, ...folder };
}

function parseOptions(text: string | null): Partial<RunOptions> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '{}');
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const o = parsed as Record<string, unknown>;
  const out: Partial<RunOptions> = {};
  if (typeof o.policy === 'string') out.policy = o.policy as Policy;
  if (typeof o.seed === 'number') out.seed = o.seed;
  if (typeof o.switchInterval === 'number') out.switchInterval = o.switchInterval;
  if (typeof o.maxEvents === 'number') out.maxEvents = o.maxEvents;
  return out;
}
