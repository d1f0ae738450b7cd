import { describe, expect, it } from 'vitest';
import { traceOf } from '../trace/builder.ts';
import type { TraceEvent } from '../trace/schema.ts';
import { replayOf } from './replay.ts';

const options = JSON.stringify({
  policy: 'random',
  seed: 7,
  switchInterval: 3,
  maxEvents: 1000,
  timeoutMs: 5000,
});

function trace(start: Partial<TraceEvent>, ...more: (Partial<TraceEvent> & Pick<TraceEvent, 'kind'>)[]) {
  const first: TraceEvent = {
    seq: 0,
    t: 0,
    kind: 'run.start',
    obj: 0,
    python: '3.14.2',
    program: 'p.py',
    options,
  };
  return traceOf([{ ...first, ...start }, ...more.map((e, i): TraceEvent => ({ ...e, seq: i + 1, t: 0 }))]);
}

describe('running a trace again as it ran', () => {
  it('takes the source, file name and options that decide what the program does from run.start', () => {
    expect(replayOf(trace({ source: 'print(1)\n' }, { kind: 'line', obj: 0, line: 1 }))).toEqual({
      source: 'print(1)\n',
      fileName: 'p.py',
      policy: 'random',
      seed: 7,
      switchInterval: 3,
      maxEvents: 1000,
      stdin: [],
    });
  });

  it('gives the program every line of input it read, as one array while no line is added', () => {
    const read = (text: string) => ({ kind: 'stdin' as const, obj: 0, line: 1, text });
    const reads = trace({ source: 'input()\ninput()\n' }, read('Ada\n'), read('Bob'));
    const first = replayOf(reads, 0);
    expect(first).toMatchObject({ stdin: ['Ada\n', 'Bob'] });
    expect((replayOf(reads, 2) as { stdin: unknown }).stdin).toBe((first as { stdin: unknown }).stdin);
  });

  it('says why a trace without its source cannot be run again', () => {
    expect(replayOf(trace({}))).toEqual({ cannot: { key: 'replayNoSource' } });
  });

  it('refuses a program that read its folder, unless the host gives the folder', () => {
    const reads = trace(
      { source: 'open("data.txt")\n' },
      { kind: 'file', obj: 0, line: 1, path: 'data.txt', change: 'read', size: 5, text: null, bytes: null },
    );
    expect(replayOf(reads)).toEqual({ cannot: { key: 'replayReadFolder', values: { file: 'data.txt' } } });
    expect(replayOf(reads, 1, { programDir: '/home/me/prog' })).toMatchObject({
      programDir: '/home/me/prog',
    });
    // before the read, the program can be run again without its folder
    expect(replayOf(reads, 0)).toMatchObject({ source: 'open("data.txt")\n' });
  });
});
