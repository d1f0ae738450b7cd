/**
 * Pause, step, resume and stop on a program whose tasks never end, in a worker of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
