/** The command line of `yieldscope`, parsed into what to do, or a usage error naming the problem. */
import { parseArgs } from 'node:util';
import { TRACE_FORMATS, type TraceFormat } from '../../core/session/protocol.ts';
import type { Policy } from '../../core/run/types.ts';

export const USAGE = `Usage: yieldscope record PROGRAM.py [options]
       yieldscope inspect TRACE --at N [--json]

Runs a Python program (CPython 3.14 in WebAssembly) and records every generator, coroutine,
iterator, deque and context-manager event into a trace file. The program runs in its folder: it
reads the files there, and what it writes stays in memory, kept in the trace (--files-out writes
it out): the folder on disk is never written.

Options:
  --out FILE             where to write the trace (default: next to the program,
                         PROGRAM.ystrace, PROGRAM.jsonl or PROGRAM.trace.json)
  --files-out DIR        write the files the program created or changed into DIR, as the
                         run left them (DIR is created; existing files are replaced)
  --format FORMAT        native (default; Yieldscope opens it), jsonl (JSON Lines, one event
                         per line), or chrome (Chrome Trace Event JSON, opens in ui.perfetto.dev)
  --max-events N         stop recording after N events (status "limit")
  --timeout SECONDS      stop the program after this much wall-clock time (status "timeout")
  --policy POLICY        scheduler policy: fifo (default), lifo, random or priority
  --seed N               seed of the run's randomness: set order, random, the random
                         policy (default 1; the same seed gives the same run)
  --switch-interval N    lines a simulated thread runs before the scheduler may switch (default 5)
  -h, --help             show this help

The program's input (input(), sys.stdin) is this command's standard input, piped or typed; at a
terminal, what the program printed shows as it asks for a line. Its files are read from its folder
and every change stays in memory (kept in the trace): the folder on disk is never written.

Prints one summary line: events, status and time. Exit status: 0 when the recording was written
(also when the program itself raised: the error is in the trace), 2 for bad usage, an
unreadable program or program folder, 1 for an internal failure. Ctrl-C stops the program and still writes the trace.

inspect runs the trace's program again up to event N (counted from 0) and prints the frames, their
variables and the objects they reach at that moment (--json: as JSON, frames with kind, name, state,
line and variables, objects by key with type and references). Exit status 2 when the trace cannot
be read or its program cannot be run again the same way (the message says why).
`;

export class UsageError extends Error {}

export interface RecordCommand {
  command: 'record';
  program: string;
  out?: string;
  filesOut?: string;
  format: TraceFormat;
  maxEvents?: number;
  timeoutMs?: number;
  policy?: Policy;
  seed?: number;
  switchInterval?: number;
}

export interface InspectCommand {
  command: 'inspect';
  trace: string;
  at: number;
  json: boolean;
}

export type Command = RecordCommand | InspectCommand | { command: 'help' };

const POLICIES: readonly Policy[] = ['fifo', 'lifo', 'random', 'priority'];

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        out: { type: 'string', short: 'o' },
        'files-out': { type: 'string' },
        format: { type: 'string' },
        'max-events': { type: 'string' },
        timeout: { type: 'string' },
        policy: { type: 'string' },
        seed: { type: 'string' },
        'switch-interval': { type: 'string' },
        at: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [command, program, ...extra] = positionals;
  if (command === undefined) throw new UsageError('no command given: try `yieldscope record PROGRAM.py`');
  if (command !== 'record' && command !== 'inspect')
    throw new UsageError(`unknown command "${command}": the commands are record and inspect`);
  if (program === undefined)
    throw new UsageError(
      command === 'record' ? 'record needs the Python program to run' : 'inspect needs a trace file',
    );
  if (extra.length > 0)
    throw new UsageError(
      `one ${command === 'record' ? 'program' : 'trace'} at a time: unexpected ${extra.map((a) => `"${a}"`).join(' ')}`,
    );
  if (command === 'inspect') return inspectCommand(program, values);
  if (values.at !== undefined || values.json)
    throw new UsageError('--at and --json are options of inspect, not record');

  const format = values.format ?? 'native';
  if (!TRACE_FORMATS.includes(format as TraceFormat))
    throw new UsageError(`--format must be one of ${TRACE_FORMATS.join(', ')}, not "${format}"`);
  const policy = values.policy;
  if (policy !== undefined && !POLICIES.includes(policy as Policy))
    throw new UsageError(`--policy must be one of ${POLICIES.join(', ')}, not "${policy}"`);
  const timeout = number('--timeout', values.timeout, 0.1, 24 * 3600, false);
  return {
    command: 'record',
    program,
    out: values.out,
    filesOut: values['files-out'],
    format: format as TraceFormat,
    maxEvents: number('--max-events', values['max-events'], 1, 50_000_000, true),
    timeoutMs: timeout === undefined ? undefined : Math.round(timeout * 1000),
    policy: policy as Policy | undefined,
    seed: number('--seed', values.seed, 0, 2 ** 31 - 1, true),
    switchInterval: number('--switch-interval', values['switch-interval'], 1, 10_000, true),
  };
}

function inspectCommand(
  trace: string,
  values: { at?: string; json?: boolean; [other: string]: unknown },
): InspectCommand {
  const at = number('--at', values.at, 0, 2 ** 31 - 1, true);
  if (at === undefined) throw new UsageError('inspect needs --at N, the event to show (counted from 0)');
  const recordOnly = ['out', 'format', 'max-events', 'timeout', 'policy', 'seed', 'switch-interval'];
  const misplaced = recordOnly.filter((name) => values[name] !== undefined);
  if (misplaced.length > 0)
    throw new UsageError(
      `${misplaced.map((name) => `--${name}`).join(', ')}: options of record, not inspect`,
    );
  return { command: 'inspect', trace, at, json: values.json ?? false };
}

function number(
  option: string,
  text: string | undefined,
  min: number,
  max: number,
  integer: boolean,
): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < min || v > max)
    throw new UsageError(
      `${option} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${text}"`,
    );
  return v;
}
