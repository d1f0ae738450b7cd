/** Reproducible runs: the seed fixes set order, `random` and os.urandom, and nothing else varies. */
import { describe, expect, it } from 'vitest';
import { decodeJsonl, encodeJsonl } from '../trace/jsonl.ts';
import type { TraceEvent } from '../trace/schema.ts';
import type { Trace } from '../trace/trace.ts';
import { recordTrace } from './record.ts';
import { replayOf } from '../inspect/replay.ts';
import { sharedRunner } from './testing.ts';
import { ProblemError } from '../session/problems.ts';

const runner = sharedRunner();

const PROGRAM = `import os, random
words = {'apple', 'banana', 'cherry', 'date', 'elder', 'fig', 'grape', 'kiwi'}
print(words)
print({k: {k.upper(), k[::-1], k * 2} for k in ['ab', 'cd', 'ef']})
print(random.random())
print(random.random())
print(os.urandom(4).hex(), random.Random().random())
def gen():
    yield from sorted(words, key=hash)
print(list(gen()))
`;

/** The JSON Lines export of a run, read back: every field as exported. */
async function exported(seed?: number): Promise<TraceEvent[]> {
  const { trace, summary } = await recordTrace({ source: PROGRAM, seed }, runner());
  expect(summary.status).toBe('ok');
  return [...decodeJsonl(encodeJsonl(trace)).events()];
}

const withoutTime = (events: TraceEvent[]) => events.map(({ t: _t, ...rest }) => rest);
const printed = (events: TraceEvent[]) => events.filter((e) => e.kind === 'stdout').map((e) => e.text);

describe('the seed', () => {
  it('gives the same events, field by field but for the time, for the same seed; others for another', async () => {
    const first = await exported(7);
    const again = await exported(7);
    const other = await exported(8);
    expect(withoutTime(again)).toEqual(withoutTime(first));
    const [a, b] = [printed(first), printed(other)];
    expect(b[0]).not.toBe(a[0]); // another hash order: the set prints otherwise
    expect(b[2]).not.toBe(a[2]); // another random stream
    expect(b[4]).not.toBe(a[4]); // other urandom bytes
    expect(JSON.parse(String(first[0].options)).seed).toBe(7);
  });

  it('runs a recorded program again from its trace alone, to the same events', async () => {
    const source = "import random\nname = input('Name? ')\nprint(name, random.random(), {'a', 'b', 'c'})\n";
    const first = await recordTrace({ source, fileName: 'again.py', seed: 7, stdin: ['Ada\n'] }, runner());
    const replay = replayOf(first.trace);
    if ('cannot' in replay) throw new ProblemError(replay.cannot);
    const again = await recordTrace(replay, runner());
    const events = (trace: Trace) => withoutTime([...decodeJsonl(encodeJsonl(trace)).events()]);
    expect(events(again.trace)).toEqual(events(first.trace));
  });

  it('is fixed by default, so runs are reproducible unless told otherwise', async () => {
    const [first, again] = [await exported(), await exported()];
    expect(withoutTime(again)).toEqual(withoutTime(first));
    expect(printed(first)[2]).toBe('0.13436424411240122\n'); // random.seed(1), as in CPython
  });
});
