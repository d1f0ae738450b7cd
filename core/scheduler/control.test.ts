/**
 * Pause, step, resume and stop on a program whose tasks never end, in a worker of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTrace } from '../run/record.ts';
import { Runner } from '../run/runner.ts';
import { watchRun } from '../run/testing.ts';
import { probeUnderTest } from '../run/probe-under-test.ts';

let runner: Runner;
beforeAll(async () => {
  runner = new Runner({ probe: probeUnderTest() });
  await runner.ready;
});
afterAll(() => runner.close());

const THREE_ENDLESS_TASKS = `
from yieldscope import spawn

def forever(name):
    n = 0
    while True:
        n += 1
        yield

for i in range(3):
    spawn(forever, i)
`;

describe('control of an endless set of tasks', () => {
  // Rounds in one warm Python: under Node 20 a pause here aborted the process in V8's
  // deoptimizer after 10 to 20 rounds, or not within 30 (see core/run/worker.ts).
  it('pauses, steps by one event, resumes and stops, round after round', async () => {
    for (let round = 0; round < 20; round++) {
      const { trace, handle, until } = watchRun(runner, { source: THREE_ENDLESS_TASKS });
      await until(() => trace.size > 500, 'the tasks to run');
      const paused = (await handle.pause())!;
      expect(trace.size).toBe(paused);
      expect(await handle.step('event')).toBe(paused + 1);
      expect(trace.size).toBe(paused + 1);
      handle.resume();
      await until(() => trace.size > paused + 200, 'the tasks to run again');
      handle.stop();
      const summary = await handle.done;
      expect(summary.status).toBe('stopped');
      const kinds = new Set([...trace.events()].map((e) => e.kind));
      expect(kinds).toContain('sched.pick');
      expect(trace.event(trace.size - 1).kind).toBe('run.end');
    }
  });

  it('leaves the next runs sound after runs that ended with tasks still suspended', async () => {
    // Their generators used to be released as the next run started, under its probe, which
    // corrupted Python's memory within a few runs ("memory access out of bounds").
    for (let round = 0; round < 10; round++) {
      const { summary } = await recordTrace({ source: THREE_ENDLESS_TASKS, maxEvents: 2000 }, runner);
      expect(summary.status).toBe('limit');
    }
    const { trace, summary } = await recordTrace({ source: "print('sound')" }, runner);
    expect(summary.status).toBe('ok');
    expect([...trace.events()].filter((e) => e.kind === 'stdout').map((e) => e.text)).toEqual(['sound\n']);
  });

  it('stops a program that runs the loop itself, and steps to the next switch of task', async () => {
    const { trace, handle, until } = watchRun(runner, {
      source: `
from yieldscope import spawn, run

def forever():
    while True:
        yield

spawn(forever, name='a')
spawn(forever, name='b')
run()
print('never reached')
`,
      startPaused: true,
    });
    expect(await handle.pause()).toBe(1);
    const stops: string[] = [];
    for (let i = 0; i < 4; i++) {
      const at = (await handle.step('switch'))!;
      expect(trace.size).toBe(at);
      stops.push(trace.kindName(at - 1));
    }
    // a switch is the scheduler's pick, then the resume of the picked task's generator
    expect(stops).toEqual(['sched.pick', 'gen.resume', 'sched.pick', 'gen.resume']);
    handle.resume();
    await until(() => trace.size > 2000, 'the tasks to run again');
    handle.stop();
    const summary = await handle.done;
    expect(summary.status).toBe('stopped');
    expect([...trace.events()].some((e) => e.kind === 'stdout')).toBe(false);
  });

  it('ends an endless set of tasks at the event limit', async () => {
    const { summary, trace } = await recordTrace(
      {
        source: `
from yieldscope import spawn, run

def forever():
    while True:
        yield

for _ in range(3):
    spawn(forever)
run()
`,
        maxEvents: 5000,
      },
      runner,
    );
    expect(summary.status).toBe('limit');
    expect(summary).toMatchObject({
      message: 'The program produced more than 5,000 events (the event limit).',
      problem: { key: 'eventLimit', values: { max: '5,000' } },
    });
    expect(trace.size).toBeLessThan(5100);
  });
});
