/** `yieldscope inspect`: the frames, variables and objects at one event of a saved trace. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Inspector } from '../../core/inspect/inspector.ts';
import { replayOf } from '../../core/inspect/replay.ts';
import type { Frame, HeapObject, HeapSnapshot, Value } from '../../core/session/snapshot.ts';
import { Runner } from '../../core/run/runner.ts';
import { TraceFileError } from '../../core/trace/file-error.ts';
import { readTraceFile } from '../../core/trace/open.ts';
import type { Trace } from '../../core/trace/trace.ts';
import { UsageError, type InspectCommand } from './args.ts';
import { problemText } from '../../core/session/problems.ts';

export async function inspect(command: InspectCommand, say: (text: string) => void): Promise<void> {
  const trace = await readTrace(command.trace);
  if (command.at >= trace.size)
    throw new UsageError(`--at ${command.at} is past the trace's end: its events are 0 to ${trace.size - 1}`);
  const replay = replayOf(trace, command.at);
  if ('cannot' in replay) throw new UsageError(problemText('en', replay.cannot));
  const inspector = new Inspector(() => new Runner());
  try {
    const inspection = await inspector.at({ trace, replay }, command.at);
    if (!inspection.ok) throw new UsageError(inspection.message);
    say(
      command.json
        ? JSON.stringify(inspection.snapshot, null, 2)
        : describeSnapshot(inspection.snapshot, trace),
    );
  } finally {
    await inspector.close();
  }
}

async function readTrace(path: string): Promise<Trace> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(resolve(path)));
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    return readTraceFile(bytes, path);
  } catch (e) {
    if (e instanceof TraceFileError) throw new UsageError(e.message);
    throw e;
  }
}

function value(v: Value): string {
  return 'v' in v ? v.v : `→${v.r}`;
}

function frameLine(f: Frame): string {
  const where =
    f.state === 'finished'
      ? 'finished'
      : f.state === 'running'
        ? `line ${f.line}`
        : `${f.state} at line ${f.line}`;
  const kind = f.kind === 'module' || f.kind === 'function' ? '' : `${f.kind} `;
  return `  ${kind}${f.name}${f.obj !== undefined ? ` (lane ${f.obj})` : ''}  ${where}`;
}

function objectLine(o: HeapObject): string {
  const items = o.items?.map(value) ?? o.entries?.map(([k, v]) => `${value(k)}: ${value(v)}`);
  if (items && o.gap) items.splice(o.gap[0], 0, `… ${o.gap[1]} more`);
  const body = items
    ? `${o.len} item${o.len === 1 ? '' : 's'}: ${o.shape === 'dict' ? `{${items.join(', ')}}` : `[${items.join(', ')}]`}`
    : o.attrs
      ? o.attrs.map((a) => `${a.name}=${value(a.value)}`).join(', ')
      : (o.name ?? o.repr ?? '');
  const maxlen = o.shape === 'deque' ? ` (maxlen ${o.maxlen ?? 'none'})` : '';
  const state = o.state ? `, ${o.state}` : '';
  return `  ${o.key}  ${o.type}${maxlen}${state}${body ? `  ${body}` : ''}`;
}

/** The snapshot as lines a person reads: frames with their variables, then every object once. */
export function describeSnapshot(snapshot: HeapSnapshot, trace: Trace): string {
  const at = snapshot.final ? Math.min(snapshot.at, trace.size - 1) : snapshot.at;
  const line = trace.lineAt(at);
  const lines = [`Event ${at} of ${trace.size} (${trace.kindName(at)}${line ? `, line ${line}` : ''}).`, ''];
  const frames = (title: string, list: Frame[]): void => {
    if (list.length === 0) return;
    lines.push(title);
    for (const f of list) {
      lines.push(frameLine(f));
      for (const v of f.locals) lines.push(`      ${v.name} = ${value(v.value)}`);
    }
    lines.push('');
  };
  frames('Call stack (the running frame last):', snapshot.stack);
  frames('Generators and coroutines off the stack:', snapshot.suspended);
  if (snapshot.objects.length > 0) {
    lines.push('Objects:');
    for (const o of snapshot.objects) lines.push(objectLine(o));
  }
  if (snapshot.truncated) lines.push('  (more objects than are shown)');
  return lines.join('\n').trimEnd();
}
