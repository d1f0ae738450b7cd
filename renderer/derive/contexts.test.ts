import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/trace/schema.ts';
import { traceOf } from '../../core/trace/builder.ts';
import { TraceIndex } from './index.ts';
import { SNAPSHOT_EVERY } from './snapshots.ts';
import { traceFrom } from './testing.ts';

describe('with-block stack', () => {
  it('stacks nested blocks and reports how the last one exited', () => {
    const trace = traceFrom([
      ['ctx.enter', { obj: 1, name: 'open', value: '<file>', line: 1 }],
      ['ctx.enter', { obj: 2, name: 'suppress', value: 'None', line: 2 }],
      ['ctx.exit', { obj: 2, exc: 'KeyError', suppressed: true }],
      ['ctx.exit', { obj: 1, exc: null, suppressed: false }],
    ]);
    const ctx = new TraceIndex(trace).update().contexts;
    expect(ctx.at(1).stack.map((c) => c.name)).toEqual(['open', 'suppress']);
    expect(ctx.at(2)).toMatchObject({
      stack: [{ name: 'open', value: '<file>' }],
      lastExit: { exc: 'KeyError', suppressed: true, context: { name: 'suppress' } },
    });
    expect(ctx.at(3)).toMatchObject({ stack: [], lastExit: { exc: null, suppressed: false } });
  });

  it('rebuilds the stack deep into a long run from snapshots', () => {
    const events: TraceEvent[] = [];
    for (let i = 0; i < SNAPSHOT_EVERY * 2 + 5; i++) {
      const seq = events.length;
      events.push(
        i % 2 === 0
          ? { seq, t: seq, kind: 'ctx.enter', obj: 1000 + i, name: `m${i}`, value: null }
          : { seq, t: seq, kind: 'ctx.exit', obj: 1000 + i - 1, exc: null, suppressed: false },
      );
    }
    const ctx = new TraceIndex(traceOf(events)).update().contexts;
    expect(ctx.at(SNAPSHOT_EVERY + 2).stack.map((c) => c.name)).toEqual([`m${SNAPSHOT_EVERY + 2}`]);
    expect(ctx.at(SNAPSHOT_EVERY + 3).stack).toEqual([]);
  });
});
