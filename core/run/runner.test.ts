import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { KIND_CODE } from '../trace/schema.ts';
import { Trace } from '../trace/trace.ts';
import { Runner } from './runner.ts';

const runner = new Runner({
  workerFile: fileURLToPath(new URL('./unstoppable.fixture.ts', import.meta.url)),
});
afterAll(() => runner.close());

it('ends a worker that ignores the stop, and nothing it had queued reaches the trace after run.end', async () => {
  const trace = new Trace();
  const refused: string[] = [];
  let ended = false;
  await runner.ready;
  let streaming!: () => void;
  const thousand = new Promise<void>((resolve) => (streaming = resolve));
  const handle = runner.run({ source: '' }, (batch) => {
    if (ended) refused.push(`event ${batch.first} after run.end`);
    try {
      trace.append(batch);
    } catch (e) {
      refused.push((e as Error).message);
    }
    ended ||= trace.kindAt(trace.size - 1) === KIND_CODE['run.end'];
    if (trace.size >= 1000) streaming();
  });
  await thousand;
  handle.stop();
  const summary = await handle.done;
  // ready again once the ended worker has exited: nothing of it can arrive after that
  await runner.ready;
  expect(summary.status).toBe('stopped');
  expect(refused).toEqual([]);
  expect(trace.event(trace.size - 1)).toMatchObject({ kind: 'run.end', status: 'stopped' });
});
