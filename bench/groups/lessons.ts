/**
 * Whether the lessons' live timings tell the truth (issue 11, lesson 4): the deque timing a lesson
 * runs with yieldscope.timeit, recorded, against the same program run unrecorded (`record: false`)
 * in the same bench run; and, for comparison, the same timing through the deque the recorder
 * watches a program with. A ratio near 1 means recording does not distort what the lesson shows.
 */
import { Runner } from '../../core/run/runner.ts';
import type { Report } from '../harness.ts';

const ROUNDS = 40;
const NUMBER = 20_000;

const UNRECORDED_TIMING = `
from yieldscope import timeit
for _ in range(${ROUNDS}):
    timeit("d.appendleft(0); d.popleft()", "from collections import deque; d = deque(range(1000))", number=${NUMBER}, repeat=1)
`;

const RECORDERS_DEQUE = `
import timeit
from collections import deque
for _ in range(${ROUNDS}):
    timeit.timeit("d.appendleft(0); d.popleft()", "d = deque(range(1000))", globals={"deque": deque}, number=${NUMBER})
`;

async function wallMs(runner: Runner, source: string, record: boolean): Promise<number> {
  const options = { source, fileName: 'bench.py', timeoutMs: 900_000, record };
  const summary = await runner.run(options, () => {}).done;
  if (summary.status !== 'ok')
    throw new Error(`benchmark program ended with ${summary.status}: ${summary.message}`);
  return summary.wallMs;
}

/** Unrecorded, recorded, unrecorded again: the better unrecorded figure is the baseline. */
async function ratio(runner: Runner, source: string): Promise<{ recorded: number; unrecorded: number }> {
  const first = await wallMs(runner, source, false);
  const recorded = await wallMs(runner, source, true);
  const second = await wallMs(runner, source, false);
  return { recorded, unrecorded: Math.min(first, second) };
}

export async function run(report: Report): Promise<void> {
  const runner = new Runner();
  try {
    await runner.ready;
    for (const [name, source] of [
      ['deque timing with yieldscope.timeit', UNRECORDED_TIMING],
      ["deque timing through the recorder's deque", RECORDERS_DEQUE],
    ] as const) {
      const { recorded, unrecorded } = await ratio(runner, source);
      report(`${name}: unrecorded run`, unrecorded, 'ms');
      report(`${name}: recorded run`, recorded, 'ms');
      report(`${name}: recorded / unrecorded`, recorded / unrecorded, '×');
    }
  } finally {
    await runner.close();
  }
}
