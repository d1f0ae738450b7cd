/**
 * The scheduler's figures (issue 3): task switches per second when the TypeScript loop drives
 * the tasks (`yieldscope.run()`), against a plain Python round-robin loop over a deque driving the
 * same generators, both recorded, in the same worker and the same benchmark run; the ratio, and the
 * cost of one switch, for 2, 100 and 10,000 tasks. Times are the runs' own wall time in the worker.
 */
import { Runner } from '../../core/run/runner.ts';
import type { Report } from '../harness.ts';

/** Switches per measured run, whatever the number of tasks. */
const SWITCHES = 200_000;
const SIZES = [2, 100, 10_000];

const TASK = `
def task(steps):
    for _ in range(steps):
        yield
`;

/** The scheduler picks, resumes and requeues each task. */
function scheduled(tasks: number, steps: number): string {
  return `${TASK}
from yieldscope import spawn, run
for _ in range(${tasks}):
    spawn(task, ${steps})
run()
`;
}

/** The same round robin, written in Python. */
function pythonLoop(tasks: number, steps: number): string {
  return `${TASK}
from collections import deque
ready = deque(task(${steps}) for _ in range(${tasks}))
while ready:
    t = ready.popleft()
    try:
        next(t)
    except StopIteration:
        continue
    ready.append(t)
`;
}

async function wallMs(runner: Runner, source: string): Promise<number> {
  const options = { source, fileName: 'bench.py', maxEvents: 50_000_000, timeoutMs: 900_000 };
  const summary = await runner.run(options, () => {}).done;
  if (summary.status !== 'ok')
    throw new Error(`benchmark program ended with ${summary.status}: ${summary.message}`);
  return summary.wallMs;
}

export async function run(report: Report): Promise<void> {
  const runner = new Runner();
  try {
    await runner.ready;
    await wallMs(runner, scheduled(2, 1000));
    for (const tasks of SIZES) {
      const steps = Math.max(1, Math.round(SWITCHES / tasks));
      // every task is resumed once more to finish
      const switches = tasks * (steps + 1);
      const ts = await wallMs(runner, scheduled(tasks, steps));
      const py = await wallMs(runner, pythonLoop(tasks, steps));
      report(`${tasks} tasks: scheduler switches/s (recorded)`, switches / (ts / 1000), 'switches/s');
      report(`${tasks} tasks: Python loop switches/s (recorded)`, switches / (py / 1000), 'switches/s');
      report(`${tasks} tasks: scheduler / Python loop time`, ts / py, '×');
      report(`${tasks} tasks: scheduler cost per switch`, (ts * 1000) / switches, 'µs');
    }
  } finally {
    await runner.close();
  }
}
