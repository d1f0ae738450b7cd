/** `yieldscope record`: runs a program in a Python worker, records its trace, writes it to a file. */
import { constants } from 'node:fs';
import type { Readable } from 'node:stream';
import { access, open, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Runner } from '../../core/run/runner.ts';
import type { RunHandle, RunOptions } from '../../core/run/types.ts';
import {
  decodeProgram,
  MAX_PROGRAM_BYTES,
  ProgramTextError,
  tooLong,
} from '../../core/session/program-text.ts';
import type { TraceFormat } from '../../core/session/protocol.ts';
import { problemText } from '../../core/session/problems.ts';
import { chromeChunks } from '../../core/trace/chrome.ts';
import { jsonlChunks } from '../../core/trace/jsonl.ts';
import { encodeNative } from '../../core/trace/native.ts';
import { Trace } from '../../core/trace/trace.ts';
import { traceFileName } from '../session/formats.ts';
import { UsageError, type RecordCommand } from './args.ts';
import { writeFilesOut } from './files-out.ts';
import { LineReader } from './input.ts';
import { Progress, type ProgressStream } from './progress.ts';
import { summaryLine } from './summary.ts';

export interface Terminal {
  /** Where the summary line goes. */
  say(line: string): void;
  /** Where the progress indicator goes (shown only if it is a terminal). */
  progress: ProgressStream;
  /** The program's input; when it is a terminal, the program's output is shown as it asks for a line. */
  input: Readable & { isTTY?: boolean };
  /** Where that output goes. */
  echo(text: string): void;
}

export async function record(command: RecordCommand, terminal: Terminal): Promise<void> {
  const programPath = resolve(command.program);
  const source = await readProgram(command.program, programPath);
  const file = command.out
    ? resolve(command.out)
    : join(dirname(programPath), traceFileName(basename(programPath), command.format));
  await checkOutput(file, command.out ?? file);

  // Ctrl-C stops the program and the trace is still written; before the run begins it stops it at once.
  let handle: RunHandle | undefined;
  let interrupted = false;
  const stop = (): void => {
    interrupted = true;
    handle?.stop();
  };
  process.on('SIGINT', stop);
  const runner = new Runner({ seed: command.seed });
  const progress = new Progress(terminal.progress);
  const lines = new LineReader(terminal.input);
  try {
    await runner.ready;
    const trace = new Trace();
    let shown = 0;
    /** At a terminal, the user sees what the program printed (its prompt) before typing a line. */
    const showOutput = (): void => {
      progress.stop();
      for (; shown < trace.size; shown++)
        if (trace.kindName(shown) === 'stdout' || trace.kindName(shown) === 'stderr')
          terminal.echo(trace.str(shown, 0) ?? '');
    };
    handle = runner.run(
      withoutUnset({
        source,
        fileName: basename(programPath),
        programDir: dirname(programPath),
        maxEvents: command.maxEvents,
        timeoutMs: command.timeoutMs,
        policy: command.policy,
        seed: command.seed,
        switchInterval: command.switchInterval,
      }),
      (batch) => {
        trace.append(batch);
        progress.count(trace.size);
      },
      undefined,
      {
        onInput: () => {
          if (terminal.input.isTTY) showOutput();
          void lines.next().then((line) => handle?.input(line));
        },
      },
    );
    if (interrupted) handle.stop();
    const summary = await handle.done;
    progress.stop();
    const bytes = await writeTrace(file, trace, command.format);
    terminal.say(summaryLine(basename(programPath), summary, trace.size, file, bytes));
    if (command.filesOut !== undefined)
      for (const note of await writeFilesOut(trace, command.filesOut)) terminal.say(note);
    if (runner.probeNotice) terminal.say(runner.probeNotice);
  } finally {
    process.off('SIGINT', stop);
    progress.stop();
    lines.close();
    await runner.close();
  }
}

/** Writes the trace; the text formats go out piece by piece, as a long run's text exceeds any one string. Returns its size in bytes. */
async function writeTrace(file: string, trace: Trace, format: TraceFormat): Promise<number> {
  if (format === 'native') {
    const bytes = encodeNative(trace);
    await writeFile(file, bytes);
    return bytes.length;
  }
  const out = await open(file, 'w');
  let size = 0;
  try {
    for (const chunk of format === 'jsonl' ? jsonlChunks(trace) : chromeChunks(trace)) {
      const bytes = Buffer.from(chunk, 'utf8');
      await out.write(bytes);
      size += bytes.length;
    }
  } finally {
    await out.close();
  }
  return size;
}

/** Options the user did not give are left out, so the runner's defaults apply (a key set to undefined would override them). */
function withoutUnset(options: RunOptions): RunOptions {
  return Object.fromEntries(
    Object.entries(options).filter(([, v]) => v !== undefined),
  ) as unknown as RunOptions;
}

async function readProgram(given: string, path: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`${given} is not a file`);
    size = info.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `cannot read ${given}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  if (size > MAX_PROGRAM_BYTES) throw new UsageError(problemText('en', tooLong(basename(path), size)));
  try {
    return decodeProgram(new Uint8Array(await readFile(path)), basename(path));
  } catch (e) {
    if (e instanceof ProgramTextError) throw new UsageError(e.message);
    throw new UsageError(`cannot read ${given}: ${(e as Error).message}`);
  }
}

/** Refuses, before running anything, an output the command could not write. */
async function checkOutput(file: string, given: string): Promise<void> {
  if ((await stat(file).catch(() => null))?.isDirectory())
    throw new UsageError(`cannot write ${given}: it is a folder`);
  const folder = dirname(file);
  if (!(await stat(folder).catch(() => null))?.isDirectory())
    throw new UsageError(`cannot write ${given}: folder ${folder} does not exist`);
  await access(folder, constants.W_OK).catch(() => {
    throw new UsageError(`cannot write ${given}: folder ${folder} is not writable`);
  });
}
