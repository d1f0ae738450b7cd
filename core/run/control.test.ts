import { on } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trace } from '../trace/trace.ts';
import { EndReason, PAUSE_SIGNAL, SIGINT, createControl, requestEnd } from './control.ts';
import { recordTrace } from './record.ts';
import { Runner } from './runner.ts';
import { watchRun, type WatchedRun } from './testing.ts';
import { probeUnderTest } from './probe-under-test.ts';
import type { RunHandle, RunOptions } from './types.ts';

let runner: Runner;
beforeAll(async () => {
  runner = new Runner({ probe: probeUnderTest() });
  await runner.ready;
});
afterAll(() => runner.close());

const start = (options: RunOptions) => watchRun(runner, options);

/** Whether the trace has recorded an event of this kind (on this line). */
const seen = (trace: Trace, kind: string, line?: number) =>
  [...trace.events()].some((e) => e.kind === kind && (line === undefined || e.line === line));

describe('stop', () => {
  it('stops `while True: pass` through the interrupt and keeps what was recorded', async () => {
    const { trace, handle, until } = start({ source: "print('before')\nwhile True:\n    pass\n" });
    await until(() => seen(trace, 'stdout'), 'the print before the loop');
    handle.stop();
    // 'Stopped.' and not the message of a worker that had to be ended: the interrupt stopped it
    expect(await handle.done).toMatchObject({ status: 'stopped', message: 'Stopped.' });
    expect(trace.event(trace.size - 1)).toMatchObject({ kind: 'run.end', status: 'stopped' });
  });

  /** Stops the run: it ends as stopped, and the next run in the same worker works. */
  async function stopsAndLeavesTheNextRunSound(handle: RunHandle, trace: Trace): Promise<void> {
    handle.stop();
    expect((await handle.done).status).toBe('stopped');
    expect(trace.event(trace.size - 1)).toMatchObject({ kind: 'run.end', status: 'stopped' });
    const again = await recordTrace({ source: "print('fresh')" }, runner);
    expect(again.summary.status).toBe('ok');
  }

  it('ends a program that swallows KeyboardInterrupt, still as stopped, and the next run works', async () => {
    const { trace, handle, until } = start({
      source:
        'while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n',
    });
    await until(() => seen(trace, 'line', 4), 'the inner loop');
    await stopsAndLeavesTheNextRunSound(handle, trace);
  });

  it("ends as stopped a stop that lands while the program's error is being recorded", async () => {
    // the error's text is the program's own __str__, run by the recorder after the program ended
    const { trace, handle, until } = start({
      source:
        'class Stuck(Exception):\n    def __str__(self):\n        while True:\n            pass\nraise Stuck()\n',
    });
    await until(() => seen(trace, 'line', 4), "the error's __str__");
    // held there, the stop is the hold's answer: the recorder raises it at its next event
    expect(await handle.pause()).not.toBeNull();
    await stopsAndLeavesTheNextRunSound(handle, trace);
  });
});

describe('control block', () => {
  it('a stop raises the interrupt before it wakes a paused worker, so the wake-up can withdraw it', async () => {
    const rounds = 200;
    const control = createControl();
    const worker = new Worker(new URL('./ts-entry.mjs', import.meta.url), {
      workerData: { control, rounds, entry: new URL('./control-waiter.fixture.ts', import.meta.url).href },
    });
    try {
      const messages = on(worker, 'message');
      const next = async () => ((await messages.next()).value as [number | 'waiting'])[0];
      const interrupts: (number | 'waiting')[] = [];
      for (let round = 1; round <= rounds; round++) {
        expect(await next()).toBe('waiting');
        requestEnd(control, EndReason.stopped);
        interrupts.push(await next());
      }
      expect(interrupts.filter((interrupt) => interrupt !== SIGINT)).toEqual([]);
    } finally {
      await worker.terminate();
    }
  });
});

/** Lets the host's event loop turn `turns` times: a point further on, not a length of time. */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((r) => setImmediate(r));
}

describe('stop while setting up', () => {
  it('a stop that arrives before the first line of the program ends the run as stopped', async () => {
    const statuses: string[] = [];
    const source = `${'x = 1\n'.repeat(5000)}while True:\n    pass\n`;
    // Points on the way to the first line: before the run is handed to the worker, as it is taken,
    // while it is set up, and held right before the first line (a run started paused).
    const points: [string, (run: WatchedRun) => Promise<unknown>][] = [
      ['at once', async () => undefined],
      ['at once again', async () => undefined],
      ['a turn later', () => turns(1)],
      ['100 turns later', () => turns(100)],
      ['1000 turns later', () => turns(1000)],
      ['held before the first line', (run) => run.handle.pause()],
    ];
    for (const [point, reach] of points) {
      const run = start({ source, startPaused: point.startsWith('held') });
      const { trace, handle } = run;
      await reach(run);
      handle.stop();
      const summary = await handle.done;
      statuses.push(`${point}: ${summary.status}`);
      expect(summary.message).toMatch(/^Stopped/);
      expect(trace.event(trace.size - 1)).toMatchObject({ kind: 'run.end', status: 'stopped' });
    }
    expect(statuses).toEqual(points.map(([point]) => `${point}: stopped`));
  });
});

describe('one run at a time', () => {
  it('stops the active run when a new one starts', async () => {
    const first = start({ source: 'while True:\n    pass\n' });
    await first.until(() => first.trace.size >= 1, 'run.start');
    const second = start({ source: "print('second')\n" });
    expect((await first.handle.done).status).toBe('stopped');
    expect((await second.handle.done).status).toBe('ok');
    expect([...second.trace.events()].filter((e) => e.kind === 'stdout').map((e) => e.text)).toEqual([
      'second\n',
    ]);
  });
});

describe('pause and step', () => {
  it('pauses an infinite generator, steps exactly one event at a time, steps to the next switch, resumes', async () => {
    const source =
      'def forever():\n    i = 0\n    while True:\n        yield i\n        i += 1\nfor v in forever():\n    pass\n';
    const { trace, handle, holds, until } = start({ source });
    await until(() => trace.size > 100, 'some events');
    // an acknowledged hold comes after every batch of the events before it, and nothing after it
    const paused = (await handle.pause())!;
    expect(trace.size).toBe(paused);
    for (let i = 1; i <= 3; i++) {
      expect(await handle.step()).toBe(paused + i);
      expect(trace.size).toBe(paused + i);
    }
    const atSwitch = (await handle.step('switch'))!;
    expect(trace.size).toBe(atSwitch);
    expect(trace.kindName(atSwitch - 1)).toBe('gen.resume');
    expect(holds).toEqual([paused, paused + 1, paused + 2, paused + 3, atSwitch]);
    handle.resume();
    await until(() => trace.size > atSwitch + 1000, 'running again');
    handle.stop();
    expect((await handle.done).status).toBe('stopped');
  });

  it('takes steps asked for before the previous one held, one event each, none dropped', async () => {
    const { trace, handle, holds } = start({ source: 'x = 0\nwhile True:\n    x += 1\n', startPaused: true });
    expect(await handle.pause()).toBe(1);
    expect(await Promise.all([handle.step(), handle.step(), handle.step()])).toEqual([2, 3, 4]);
    expect(trace.size).toBe(4);
    expect(holds).toEqual([1, 2, 3, 4]);
    // a pause behind queued steps holds at the step on its way and drops the rest
    const [first, second] = [handle.step(), handle.step()];
    expect(await handle.pause()).toBe(5);
    expect([await first, await second]).toEqual([5, null]);
    expect(trace.size).toBe(5);
    handle.stop();
    expect((await handle.done).status).toBe('stopped');
  });

  it('pauses a loop that records nothing and starts paused when asked', async () => {
    const { trace, handle, until } = start({
      source: "print('hi')\nx = 0\nwhile True:\n    x += 1\n",
      startPaused: true,
    });
    expect(await handle.pause()).toBe(1); // held after run.start
    expect(trace.size).toBe(1);
    expect(await handle.step()).toBe(2);
    expect(trace.size).toBe(2);
    handle.resume();
    await until(() => seen(trace, 'stdout'), 'the print before the loop');
    const paused = await handle.pause();
    expect(paused).toBe(trace.size);
    expect(await handle.pause()).toBe(paused); // asked again while held: the same hold
    handle.stop();
    expect((await handle.done).status).toBe('stopped');
  });
});

describe('a pause signal lost or repeated', () => {
  it('pauses even when the pause signal is lost: the host raises it again until a hold meets it', async () => {
    const { trace, handle, until } = start({ source: 'x = 0\nwhile True:\n    x += 1\n' });
    await until(() => trace.size > 100, 'some events');
    const paused = handle.pause();
    Atomics.store(runner['control'], 0, 0); // as Pyodide does when the host writes between its read and its clear
    expect(await paused).toBe(trace.size);
    handle.stop();
    expect((await handle.done).status).toBe('stopped');
  });

  it('a repeat of a pause signal that arrives after its hold does not hold the next step again', async () => {
    const { trace, handle } = start({ source: 'x = 0\nwhile True:\n    x += 1\n', startPaused: true });
    expect(await handle.pause()).toBe(1);
    for (let i = 2; i <= 30; i++) {
      const stepped = handle.step();
      Atomics.store(runner['control'], 0, PAUSE_SIGNAL); // the host's last repeat, heard after the hold
      expect(await stepped).toBe(i);
    }
    expect(trace.size).toBe(30);
    handle.stop();
    expect((await handle.done).status).toBe('stopped');
  });
});

describe('the clock', () => {
  /** A program whose set-up (rewriting, compiling, instrumenting) takes far longer than it runs. */
  const slowToSetUp = (functions: number) =>
    Array.from(
      { length: functions },
      (_, i) => `def g${i}(n):\n    for i in range(n):\n        yield i * ${i}\n`,
    ).join('') + 'print(sum(g1(3)))\n';

  it("leaves the run's set-up out: the program's first line comes right after run.start", async () => {
    const { trace, summary } = await recordTrace({ source: slowToSetUp(2000) }, runner);
    expect(summary.status).toBe('ok');
    expect(trace.kindName(1)).toBe('line');
    expect((trace.time(1) - trace.time(0)) / 1e6).toBeLessThan(summary.wallMs / 10);
  });

  it('leaves time spent paused out, and keeps every time in order', async () => {
    const { trace, handle } = start({ source: slowToSetUp(10), startPaused: true });
    expect(await handle.pause()).toBe(1);
    expect(await handle.step()).toBe(2);
    // held for as long as a second Python takes to start: far longer than the program runs
    const heldFrom = performance.now();
    const other = new Runner();
    await other.ready;
    await other.close();
    const heldMs = performance.now() - heldFrom;
    handle.resume();
    const summary = await handle.done;
    expect(summary.status).toBe('ok');
    const times = Array.from({ length: trace.size }, (_, i) => trace.time(i));
    expect(times.filter((t, i) => i > 0 && t < times[i - 1])).toEqual([]);
    // the worker held at least as long as the host saw it held, and its clock skipped all of it
    expect(times[times.length - 1] / 1e6).toBeLessThan(summary.wallMs - heldMs);
    expect((times[2] - times[1]) / 1e6).toBeLessThan(heldMs);
  });
});

describe('limits', () => {
  it('stops at the event limit', async () => {
    const { trace, summary } = await recordTrace(
      { source: 'while True:\n    pass\n', maxEvents: 1000 },
      runner,
    );
    expect(summary).toMatchObject({
      status: 'limit',
      message: 'The program produced more than 1,000 events (the event limit).',
      problem: { key: 'eventLimit', values: { max: '1,000' } },
    });
    expect(trace.size).toBe(1001);
    expect(trace.event(trace.size - 1)).toMatchObject({
      kind: 'run.end',
      status: 'limit',
      message: summary.message,
    });
  });

  it('tells a program that catches its limit which limit it hit, as data', async () => {
    // the output limit leaves events recorded: a generator's yield shows what the program was told
    const { trace, summary } = await recordTrace(
      {
        source:
          'def told(limit):\n    yield (type(limit).__name__, limit.kind, limit.value)\n' +
          "try:\n    while True:\n        print('x' * 10**6)\nexcept BaseException as e:\n    next(told(e))\n",
      },
      runner,
    );
    expect(summary.status).toBe('ok');
    const yields = [...trace.events()].filter((e) => e.kind === 'gen.yield').map((e) => e.value);
    expect(yields).toEqual([`('RunLimit', 'output', ${32 * 1024 * 1024})`]);
  });

  it('stops at the output limit', async () => {
    const { trace, summary } = await recordTrace(
      { source: "for i in range(40):\n    print('x' * 10**6)\n" },
      runner,
    );
    expect(summary).toMatchObject({
      status: 'limit',
      message: 'The program printed more than 32 MB of output (the output limit).',
      problem: { key: 'outputLimit', values: { mb: 32 } },
    });
    expect(trace.event(trace.size - 1)).toMatchObject({
      kind: 'run.end',
      status: 'limit',
      message: summary.message,
    });
  });

  it('stops at the time limit', async () => {
    const { summary } = await recordTrace({ source: 'while True:\n    pass\n', timeoutMs: 300 }, runner);
    expect(summary).toMatchObject({
      status: 'timeout',
      message: 'The program ran longer than 0.3 s (the time limit).',
      problem: { key: 'timeLimit', values: { seconds: '0.3' } },
    });
  });

  it('ends deep recursion and a memory bomb as the errors they are, saying why for memory', async () => {
    const deep = await recordTrace({ source: 'def f(n):\n    return f(n + 1)\nf(0)\n' }, runner);
    expect(deep.summary).toMatchObject({
      status: 'error',
      message: 'RecursionError: maximum recursion depth exceeded',
    });
    expect([...deep.trace.events()].find((e) => e.kind === 'error')).toMatchObject({
      exc: 'RecursionError',
      line: 2,
    });
    const sizes = await recordTrace({ source: 'x = [0] * 10**10\n' }, runner);
    expect(sizes.summary.message).toMatch(/^OverflowError: .*\(Python in WebAssembly has 32-bit sizes/);
    const bomb = await recordTrace({ source: 'x = [0] * 10**9\n' }, runner);
    expect(bomb.summary).toMatchObject({ status: 'error' });
    expect(bomb.summary.message).toMatch(/^MemoryError.*more memory than Python can have in WebAssembly/);
  });
});

describe('isolation', () => {
  it('does not leak globals, imports or patches from one run to the next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-'));
    writeFileSync(join(dir, 'helper.py'), 'VALUE = 1\n');
    const first = await recordTrace(
      {
        source: 'import helper\nhelper.VALUE = 2\nsecret = 42\nimport collections\ncollections.extra = 1\n',
        programDir: dir,
      },
      runner,
    );
    expect(first.summary.status).toBe('ok');
    const second = await recordTrace(
      {
        source:
          "import helper, collections\nprint(helper.VALUE, 'secret' in globals(), hasattr(collections, 'extra') or 'no')\n",
        programDir: dir,
      },
      runner,
    );
    const out = [...second.trace.events()].filter((e) => e.kind === 'stdout').map((e) => e.text);
    expect(out).toEqual(['1 False no\n']);
  });

  it("puts back the stop signal's handler a program replaced, so the next run still stops at once", async () => {
    const first = await recordTrace(
      { source: 'import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n' },
      runner,
    );
    expect(first.summary.status).toBe('ok');
    const { trace, handle, until } = start({ source: 'while True:\n    pass\n' });
    await until(() => trace.size >= 2, 'the first events');
    handle.stop();
    expect(await handle.done).toMatchObject({ status: 'stopped', message: 'Stopped.' });
  });

  it('starts every run with an empty /tmp, whatever an earlier run left there', async () => {
    const first = await recordTrace(
      {
        source:
          "import os\nos.makedirs('/tmp/a/b')\nopen('/tmp/a/b/note.txt', 'w').write('x')\nos.symlink('/tmp/a', '/tmp/link')\nos.chmod('/tmp/a', 0o500)\nopen('/tmp/left.txt', 'w').write('x')\n",
      },
      runner,
    );
    expect(first.summary).toMatchObject({ status: 'ok' });
    const second = await recordTrace({ source: "import os\nprint(sorted(os.listdir('/tmp')))\n" }, runner);
    const out = [...second.trace.events()].filter((e) => e.kind === 'stdout').map((e) => e.text);
    expect(out).toEqual(['[]\n']);
  });

  it('shows the program its own folder, writable in memory only, and nothing else of the host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-'));
    writeFileSync(join(dir, 'cars.csv'), 'make,year\nvolvo,1999\n');
    const { trace, summary } = await recordTrace(
      {
        programDir: dir,
        source: `
import os
print(open('cars.csv').read().splitlines()[1])
open('cars.csv', 'w').write('x')
print(open('cars.csv').read())
print(os.path.exists('/etc/passwd'), os.path.exists(${JSON.stringify(dir)}), os.path.exists('/work'))
try:
    import js
    print('js!')
except ImportError:
    print('no js')
try:
    import pyodide
    print('pyodide!')
except ImportError:
    print('no pyodide')
`,
      },
      runner,
    );
    expect(summary.status).toBe('ok');
    const out = [...trace.events()].filter((e) => e.kind === 'stdout').map((e) => e.text);
    expect(out).toEqual(['volvo,1999\n', 'x\n', 'False False False\n', 'no js\n', 'no pyodide\n']);
    expect(readFileSync(join(dir, 'cars.csv'), 'utf8')).toBe('make,year\nvolvo,1999\n');
  });
});
