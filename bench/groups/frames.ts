/**
 * The Frames and objects view's figures (issue 10): the heap at a random cursor of traces of 100k and
 * 1M events, and stepping back and forth one event at a time, each as the time from asking the
 * inspector (core/inspect) to its answer, p95 over many cursors. The inspector's own start (its
 * Pythons, and on a long trace its re-runs sent to hold at points spread over it) is left out: it is
 * asked once and let settle before the clock runs, and how long that took is reported on its own.
 * Next to each, the time the same machine takes to record the whole trace in the same run, so a slow
 * machine is seen as one.
 */
import { Inspector, type Subject } from '../../core/inspect/inspector.ts';
import { replayOf } from '../../core/inspect/replay.ts';
import { recordTrace } from '../../core/run/record.ts';
import { Runner } from '../../core/run/runner.ts';
import { ProblemError } from '../../core/session/problems.ts';
import type { Report } from '../harness.ts';

/** A producer, a consumer, a bounded deque between them and a linked list growing now and then. */
function program(items: number): string {
  return `
from collections import deque

class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next

def producer(buffer, n):
    head = None
    for i in range(n):
        if i % 100 == 0:
            head = Node(i, head)
        buffer.append(i)
        yield i

def consumer(buffer):
    total = 0
    while True:
        while buffer:
            total += buffer.popleft()
        yield total

buffer = deque(maxlen=8)
p = producer(buffer, ${items})
c = consumer(buffer)
for _ in p:
    next(c)
`;
}

/** A deterministic stream of cursors, the same in every run of the bench. */
function cursors(size: number, count: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 1 + (x % (size - 2));
  });
}

function p95(ms: number[]): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
}

async function timed(inspector: Inspector, subject: Subject, at: number): Promise<number> {
  const start = performance.now();
  const answer = await inspector.at(subject, at);
  if (!answer.ok) throw new Error(`no heap at event ${at}: ${answer.message}`);
  return performance.now() - start;
}

async function traceOf(runner: Runner, items: number): Promise<{ subject: Subject; recordMs: number }> {
  const start = performance.now();
  const { trace, summary } = await recordTrace({ source: program(items), maxEvents: 50_000_000 }, runner);
  const recordMs = performance.now() - start;
  if (summary.status !== 'ok')
    throw new Error(`the bench program ended ${summary.status}: ${summary.message}`);
  const replay = replayOf(trace);
  if ('cannot' in replay) throw new ProblemError(replay.cannot);
  return { subject: { trace, replay }, recordMs };
}

export async function run(report: Report): Promise<void> {
  const runner = new Runner();
  const inspector = new Inspector(() => new Runner());
  try {
    await runner.ready;
    for (const [label, items, samples] of [
      ['100k', 5_500, 30],
      ['1M', 55_000, 12],
    ] as const) {
      const { subject, recordMs } = await traceOf(runner, items);
      const size = subject.trace.size;
      const opened = performance.now();
      await timed(inspector, subject, 0);
      await inspector.settled();
      const settleMs = performance.now() - opened;
      const random: number[] = [];
      for (const at of cursors(size, samples, 7)) random.push(await timed(inspector, subject, at));
      report(`trace of ${label} (${size.toLocaleString('en-US')} events): recorded in`, recordMs, 'ms');
      report(`inspector opened and settled on ${label} events`, settleMs, 'ms');
      report(`heap at a random cursor, ${label} events, p95`, p95(random), 'ms');
      report(
        `heap at a random cursor, ${label} events, median`,
        random.sort((a, b) => a - b)[random.length >> 1],
        'ms',
      );

      if (label === '100k') {
        const steps: number[] = [];
        for (const start of cursors(size, 3, 11)) {
          await timed(inspector, subject, start);
          for (let i = 1; i <= 40; i++) steps.push(await timed(inspector, subject, start - i));
          for (let i = 39; i >= -40; i--) steps.push(await timed(inspector, subject, start - i));
        }
        report('one step back or forth with the view open, 100k events, p95', p95(steps), 'ms');
      }
    }
  } finally {
    await inspector.close();
    await runner.close();
  }
}
