/**
 * Pause, step, resume and stop on a program whose tasks never end, in a worker of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTrace } from '../run/record.ts';
import { Runner } from '../run/runner.ts';
import type { EventBatch } from '../trace/batch.ts';
import { Trace } from '../trace/trace.ts';

let runner: Runner;
beforeAll(async () => {
  runner = new Runner();
  await runner.ready;
});
afterAll(() => runner.close());

describe('control of an endless set of tasks', () => {
  it('pauses, steps by one event, resumes and stops', async () => {
    const batches: EventBatch[] = [];
    const handle = runner.run(
      {
        source: `
from yieldscope import spawn

def forever(name):
    n = 0
    while True:
        n += 1
        yield

for i in range(3):
    spawn(forever, i)
`,
      },
      (b) => batches.push(b),
    );
    const count = () => batches.reduce((n, b) => n + b.count, 0);
    const waitFor = async (ok: () => boolean) => {
      for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
    };
    await waitFor(() => count() > 500);
    handle.pause();
    await new Promise((r) => setTimeout(r, 300));
    const paused = count();
    await new Promise((r) => setTimeout(r, 300));
    expect(count()).toBe(paused);
    handle.step('event');
    await waitFor(() => count() > paused);
    expect(count()).toBe(paused + 1);
    handle.resume();
    await waitFor(() => count() > paused + 200);
    handle.stop();
    const summary = await handle.done;
    expect(summary.status).toBe('stopped');
    const trace = Trace.fromBatches(batches);
    const kinds = new Set([...trace.events()].map((e) => e.kind));
    expect(kinds).toContain('sched.pick');
    expect(trace.event(trace.size - 1).kind).toBe('run.end');
  });

  it('stops a program that runs the loop itself, and steps to the next switch of task', async () => {
    const batches: EventBatch[] = [];
    const handle = runner.run(
      {
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
      },
      (b) => batches.push(b),
    );
    const events = () => [...Trace.fromBatches(batches).events()];
    const waitFor = async (ok: () => boolean) => {
      for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
    };
    await waitFor(() => events().length > 0);
    const stops: string[] = [];
    for (let i = 0; i < 4; i++) {
      const before = events().length;
      handle.step('switch');
      await waitFor(() => events().length > before);
      stops.push(events().at(-1)!.kind);
    }
    // a switch is the scheduler's pick, then the resume of the picked task's generator
    expect(stops).toEqual(['sched.pick', 'gen.resume', 'sched.pick', 'gen.resume']);
    handle.resume();
    await waitFor(() => events().length > 2000);
    handle.stop();
    const summary = await handle.done;
    expect(summary.status).toBe('stopped');
    expect(events().some((e) => e.kind === 'stdout')).toBe(false);
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
    expect(summary.message).toMatch(/5,000 events/);
    expect(trace.size).toBeLessThan(5100);
  });
});
