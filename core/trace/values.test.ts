import { describe, expect, it } from 'vitest';
import { recordTrace } from '../run/record.ts';
import { objectRef } from './values.ts';

describe('values that name an object of the run', () => {
  it('reads a generator, a coroutine and an async generator, and nothing else', () => {
    expect(objectRef('<generator task #5>')).toEqual({ kind: 'generator', name: 'task', obj: 5 });
    expect(objectRef('<async generator Feed.items #12>')).toEqual({
      kind: 'async generator',
      name: 'Feed.items',
      obj: 12,
    });
    expect(objectRef('<generator object task at 0x1234>')).toBeNull();
    expect(objectRef("'<generator task #5>'")).toBeNull();
  });

  it("names the generators in a deque's recorded items by their lanes' ids", async () => {
    const { trace } = await recordTrace({
      source: [
        'from collections import deque',
        'def task():',
        '    yield 1',
        'ready = deque()',
        'ready.append(task())',
        'ready.append(task())',
      ].join('\n'),
    });
    const events = [...trace.events()];
    const lanes = events.filter((e) => e.kind === 'gen.create').map((e) => e.obj);
    const appended = events.filter((e) => e.kind === 'deque.op').map((e) => objectRef(String(e.arg)));
    expect(appended).toEqual(lanes.map((obj) => ({ kind: 'generator', name: 'task', obj })));
  });
});
