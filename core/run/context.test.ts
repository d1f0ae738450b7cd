import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTrace } from './record.ts';
import { Runner } from './runner.ts';

let runner: Runner;
beforeAll(async () => {
  runner = new Runner({ workerFile: fileURLToPath(new URL('./context-stress.fixture.ts', import.meta.url)) });
  await runner.ready;
});
afterAll(() => runner.close());

describe('RunContext.emit from hot JavaScript', () => {
  it('records in order, and hitting the event limit inside it ends the run as limit, never crashing', async () => {
    const { trace, summary } = await recordTrace({ source: "print('never')\n", maxEvents: 5000 }, runner);
    expect(summary.status).toBe('limit');
    expect(summary.message).toMatch(/more than 5,000 events/);
    const events = [...trace.events()];
    const outputs = events.filter((e) => e.kind === 'stdout');
    expect(outputs.length).toBeGreaterThan(4000);
    expect(outputs.length).toBeLessThan(5000);
    expect(outputs.slice(0, 8).map((e) => e.text)).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 0].map((i) => `line ${i}\n`),
    );
    expect(outputs.map((e) => e.text)).not.toContain('never\n');
    expect(events.at(-1)).toMatchObject({ kind: 'run.end', status: 'limit' });
    // the next run starts afresh: its own string table, no held stop
    const again = await recordTrace({ source: "print('next')\n", maxEvents: 1_000_000 }, runner);
    expect(again.summary.status).toBe('ok');
    const texts = [...again.trace.events()].filter((e) => e.kind === 'stdout').map((e) => e.text);
    expect(texts.length).toBe(200_001);
    expect(texts.slice(0, 2)).toEqual(['line 0\n', 'line 1\n']);
    expect(texts.at(-1)).toBe('next\n');
  });
});
