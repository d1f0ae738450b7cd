/**
 * The fidelity corpus (core/run/fidelity/): programs of every topic of the course, each run recorded
 * and unrecorded in the same Python. Recording must not change what a program does: what it prints,
 * the files it leaves in its folder and the exception it ends with are the same both ways.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileContent, FolderHistory } from '../trace/files.ts';
import type { Trace } from '../trace/trace.ts';
import { recordTrace } from './record.ts';
import { sharedRunner, streamText } from './testing.ts';
import type { RunSummary } from './types.ts';

const CORPUS = fileURLToPath(new URL('./fidelity/', import.meta.url));
const PROGRAMS = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.py'))
  .sort();

const runner = sharedRunner();

/** What a run did, as the user can see it: output, files left, and how it ended. */
interface Outcome {
  stdout: string;
  stderr: string;
  files: [path: string, change: string, content: string | null][];
  error: { exc: unknown; message: unknown } | null;
  status: RunSummary['status'];
  message: string | undefined;
}

const hex = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString('hex'));

function errorOf(trace: Trace): Outcome['error'] {
  const error = [...trace.events()].find((e) => e.kind === 'error');
  return error ? { exc: error.exc, message: error.message } : null;
}

function recorded(trace: Trace, summary: RunSummary): Outcome {
  const folder = new FolderHistory();
  folder.update(trace);
  const files = folder.at().map((f): Outcome['files'][number] => [f.path, f.change, hex(fileContent(f))]);
  return {
    stdout: streamText(trace, 'stdout'),
    stderr: streamText(trace, 'stderr'),
    files,
    error: errorOf(trace),
    status: summary.status,
    message: summary.message,
  };
}

function unrecorded(trace: Trace, summary: RunSummary): Outcome {
  const captured = summary.captured!;
  const files = captured.files.map((f): Outcome['files'][number] => [f.path, f.change, hex(f.content)]);
  return {
    stdout: captured.stdout,
    stderr: captured.stderr,
    files,
    error: errorOf(trace),
    status: summary.status,
    message: summary.message,
  };
}

describe('the fidelity corpus', () => {
  it('holds at least 40 programs', () => {
    expect(PROGRAMS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PROGRAMS)('%s does the same recorded and unrecorded', async (fileName) => {
    const source = readFileSync(CORPUS + fileName, 'utf8');
    let stdin: string[] | undefined;
    try {
      stdin = readFileSync(CORPUS + fileName.replace(/\.py$/, '.stdin'), 'utf8').split(/(?<=\n)/);
    } catch {
      stdin = undefined;
    }
    const options = { source, fileName, programDir: CORPUS, stdin };
    const a = await recordTrace(options, runner());
    const b = await recordTrace({ ...options, record: false }, runner());
    const [withProbe, without] = [recorded(a.trace, a.summary), unrecorded(b.trace, b.summary)];
    expect(withProbe).toEqual(without);
    expect(without.stdout, 'the program printed something').not.toBe('');
  });
});
