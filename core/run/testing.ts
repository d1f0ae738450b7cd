/**
 * Live runs for tests, waited on by what happens in them (an event recorded, a hold acknowledged,
 * the end), never by time.
 */
import { afterAll, beforeAll } from 'vitest';
import { Trace } from '../trace/trace.ts';
import { Runner } from './runner.ts';
import type { RunOptions } from './types.ts';

interface Check {
  ok: () => boolean;
  what: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface WatchedRun {
  trace: Trace;
  handle: ReturnType<Runner['run']>;
  /** The event counts of every hold the worker acknowledged, in order. */
  holds: number[];
  /** Resolves once `ok()` holds after some batch; fails if the run ends without it. */
  until(ok: () => boolean, what: string): Promise<void>;
}

export function watchRun(runner: Runner, options: RunOptions): WatchedRun {
  const trace = new Trace();
  const holds: number[] = [];
  const checks = new Set<Check>();
  let over = false;
  const settle = (ended: boolean) => {
    over ||= ended;
    for (const check of checks) {
      if (check.ok()) check.resolve();
      else if (ended) check.reject(new Error(`the run ended before ${check.what}`));
      else continue;
      checks.delete(check);
    }
  };
  const handle = runner.run(
    options,
    (batch) => {
      trace.append(batch);
      settle(false);
    },
    (events) => holds.push(events),
  );
  handle.done.then(
    () => settle(true),
    () => settle(true),
  );
  const until = (ok: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      checks.add({ ok, what, resolve, reject });
      settle(over);
    });
  return { trace, handle, holds, until };
}

/** One warm Python for the tests of a file: started before them, closed after them. */
export function sharedRunner(): () => Runner {
  let runner: Runner | undefined;
  beforeAll(async () => {
    runner = new Runner();
    await runner.ready;
  });
  afterAll(() => runner?.close());
  return () => {
    if (!runner) throw new Error('the shared runner starts before the tests');
    return runner;
  };
}

/** Everything a run printed on one stream (or read, for stdin), in order, as one text. */
export function streamText(trace: Trace, kind: 'stdout' | 'stderr' | 'stdin'): string {
  let text = '';
  for (const e of trace.events()) if (e.kind === kind && typeof e.text === 'string') text += e.text;
  return text;
}
