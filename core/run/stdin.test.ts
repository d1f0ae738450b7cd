/** input() and sys.stdin on real Pyodide runs: lines given in advance, asked of the host, or none. */
import { describe, expect, it } from 'vitest';
import type { EventBatch } from '../trace/batch.ts';
import type { TraceEvent } from '../trace/schema.ts';
import { Trace } from '../trace/trace.ts';
import { recordTrace } from './record.ts';
import { Runner } from './runner.ts';
import { sharedRunner } from './testing.ts';
import type { RunOptions } from './types.ts';

const runner = sharedRunner();

const GREET = `import sys
name = input('Name? ')
print('Hi', name)
print(sys.stdin.read().split())
try:
    input()
except EOFError as e:
    print('EOF:', e)
`;

const io = (events: TraceEvent[]) =>
  events.filter((e) => ['stdout', 'stdin'].includes(e.kind)).map((e) => [e.kind, e.text, e.line]);

describe("the program's input", () => {
  it('reads lines given in advance, records each, and ends with EOFError as CPython does', async () => {
    const { trace, summary } = await recordTrace(
      { source: GREET, stdin: ['Ada\n', 'one two\n', 'three'] },
      runner(),
    );
    expect(summary.status).toBe('ok');
    expect(io([...trace.events()])).toEqual([
      ['stdout', 'Name? ', 2],
      ['stdin', 'Ada\n', 2],
      ['stdout', 'Hi Ada\n', 3],
      ['stdin', 'one two\n', 4],
      ['stdin', 'three', 4],
      ['stdin', null, 4],
      ['stdout', "['one', 'two', 'three']\n", 4],
      ['stdout', 'EOF: EOF when reading a line\n', 8],
    ]);
  });

  it('raises EOFError at once when there is no input, like a program run with its input closed', async () => {
    const { trace, summary } = await recordTrace({ source: "input('? ')\n" }, runner());
    expect(summary).toMatchObject({ status: 'error', message: 'EOFError: EOF when reading a line' });
    expect([...trace.events()].find((e) => e.kind === 'error')).toMatchObject({ exc: 'EOFError', line: 1 });
  });

  it('asks the host for each line, and leaves the wait out of the run’s clock', async () => {
    // The host answers only once another Python has started: real work that takes a while.
    const trace = new Trace();
    let waited = 0;
    let other: Runner | undefined;
    const options: RunOptions = { source: "print('ready')\nprint('got', input())\n" };
    const handle = runner().run(options, (b: EventBatch) => trace.append(b), undefined, {
      onInput: () => {
        const asked = performance.now();
        other = new Runner();
        void other.ready.then(() => {
          waited = performance.now() - asked;
          handle.input('typed\n');
        });
      },
    });
    const summary = await handle.done;
    await other?.close();
    expect(summary.status).toBe('ok');
    const events = [...trace.events()];
    expect(io(events).map(([kind, text]) => [kind, text])).toEqual([
      ['stdout', 'ready\n'],
      ['stdin', 'typed\n'],
      ['stdout', 'got typed\n'],
    ]);
    const [ready, typed] = events.filter((e) => e.kind === 'stdout' || e.kind === 'stdin');
    expect((typed.t - ready.t) / 1e6).toBeLessThan(waited / 2);
  });

  it('stops a program waiting for input at once', async () => {
    const trace = new Trace();
    const handle = runner().run({ source: 'input()\n' }, (b: EventBatch) => trace.append(b), undefined, {
      onInput: () => handle.stop(),
    });
    expect(await handle.done).toMatchObject({ status: 'stopped' });
  });

  it('gives an unrecorded run the same input', async () => {
    const { summary } = await recordTrace({ source: GREET, stdin: ['Ada\n'], record: false }, runner());
    expect(summary.captured?.stdout).toBe('Name? Hi Ada\n[]\nEOF: EOF when reading a line\n');
  });
});
