/**
 * What only the compiled recorder promises: a recorded deque operation costs little enough that the
 * course's timing lesson keeps its order, and a RecursionError strikes where it would unrecorded (the
 * compiled probe adds no Python frame). The Python recorder, its fallback, keeps neither (each deque
 * operation goes through a Python method; its callbacks are Python frames), which is why the compiled
 * one exists (issue 9): so these run against the compiled recorder alone, not in the fallback's project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTrace } from './record.ts';
import { Runner } from './runner.ts';
import { LIST_VS_DEQUE } from './timing-lesson.ts';

let runner: Runner;
beforeAll(async () => {
  runner = new Runner({ probe: 'compiled' });
  await runner.ready;
  expect(runner.probe, runner.probeNotice ?? '').toBe('compiled');
});
afterAll(() => runner.close());

describe('deque costs', () => {
  it("keep their order when recorded: the course's timing program finds the list's left end far slower", async () => {
    // The course's timing program (issue 9), then each timing again as the best of five (so that a
    // moment the machine is busy elsewhere does not decide), the deque's also unrecorded: a recorded
    // deque operation may cost a little more, never enough to change the lesson.
    const { trace } = await recordTrace(
      {
        source: `${LIST_VS_DEQUE}
from yieldscope import timeit as unrecorded

def best(statement):
    return min(timeit.repeat(statement, globals=globals(), number=2000, repeat=5)) / 2000

on_list = best('items.insert(0, 1); items.pop(0)')
on_deque = best('queue.appendleft(1); queue.popleft()')
plain = unrecorded('queue.appendleft(1); queue.popleft()', f'from collections import deque; queue = deque(range({N}))', number=2000)
print(on_list / on_deque)
print(on_deque / plain)
`,
      },
      runner,
    );
    const events = [...trace.events()];
    const [course, factor, cost] = events
      .filter((e) => e.kind === 'stdout')
      .map((e) => Number(/([\d.e+-]+)\n$/.exec(e.text as string)![1]));
    expect(course).toBeGreaterThan(0);
    // every operation of the program's deque was recorded, with the line that timed it
    const timed = LIST_VS_DEQUE.split('\n').findIndex((l) => l.startsWith('deque_time')) + 1;
    expect(events.filter((e) => e.kind === 'deque.op').filter((e) => e.line === timed)).toHaveLength(
      2 * 20_000,
    );
    expect(factor).toBeGreaterThanOrEqual(10);
    expect(cost).toBeLessThanOrEqual(3);
  });
});

describe('a RecursionError', () => {
  it('strikes at the same depth and in the same frame as unrecorded, never inside the recorder', async () => {
    // A bare except around iter(x) in a recursive flatten of strings: where the error strikes
    // decides whether the program ends by it or goes on with what the except returned.
    const source = `
def flatten(x, depth=0):
    try:
        it = iter(x)
    except:
        return [depth]
    found = []
    for y in it:
        found.extend(flatten(y, depth + 1))
    return found

def deepest(n):
    try:
        return deepest(n + 1)
    except RecursionError:
        return n

try:
    code = 1_000_000 + flatten(['ab'])[0]
except RecursionError:
    code = 2
raise SystemExit(code * 10_000 + deepest(0))
`;
    const unrecorded = await runner.run({ source, record: false }, () => {}).done;
    const { summary } = await recordTrace({ source }, runner);
    expect(unrecorded.message).toMatch(/exited with code 2\d{4}\./);
    expect(summary.message).toBe(unrecorded.message);
  });
});
