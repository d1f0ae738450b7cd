import type { EventBatch } from '../trace/batch.ts';
import { Trace } from '../trace/trace.ts';
import { Runner } from './runner.ts';
import type { RunOptions, RunSummary } from './types.ts';

/** Runs a program to its end and returns its whole trace (for tests and the CLI). */
export async function recordTrace(
  options: RunOptions,
  runner?: Runner,
): Promise<{ trace: Trace; summary: RunSummary }> {
  const own = runner ?? new Runner();
  try {
    await own.ready;
    const trace = new Trace();
    const batches: EventBatch[] = [];
    const handle = own.run(options, (batch) => batches.push(batch));
    const summary = await handle.done;
    for (const batch of batches) trace.append(batch);
    return { trace, summary };
  } finally {
    if (!runner) await own.close();
  }
}
