import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { recordTrace } from '../../core/run/record.ts';
import { Runner } from '../../core/run/runner.ts';
import { probeUnderTest } from '../../core/run/probe-under-test.ts';
import type { Trace } from '../../core/trace/trace.ts';
import { KIND_CODE } from '../../core/trace/schema.ts';
import { TraceIndex } from './index.ts';
import { splitSequenceRepr } from './pyrepr.ts';

/** The seq of every stdout event, in order. */
function printsIn(trace: Trace): number[] {
  return Array.from({ length: trace.size }, (_, i) => i).filter((i) => trace.kindAt(i) === KIND_CODE.stdout);
}

/** Every `print(list(d))` of the program, paired with the deque view's contents at that event. */
function printedVsDerived(trace: Trace, name: string): { printed: string[]; derived: string[] }[] {
  const index = new TraceIndex(trace).update();
  const out: { printed: string[]; derived: string[] }[] = [];
  for (const i of printsIn(trace)) {
    const text = (trace.str(i, 0) ?? '').trim();
    if (!text.startsWith('[')) continue;
    const deque = index.deques.at(i).find((s) => s.track.name === name);
    out.push({ printed: splitSequenceRepr(text) ?? [], derived: deque?.items ?? [] });
  }
  return out;
}

let runner: Runner;
beforeAll(() => {
  runner = new Runner({ probe: probeUnderTest() });
});
afterAll(() => runner.close());

describe('derivations over real Python runs', () => {
  it('rebuilds a bounded deque exactly as Python held it after every kind of operation', async () => {
    const source = [
      'from collections import deque',
      "d = deque([1, 'two'], maxlen=5)",
      'print(list(d))',
      'd.append(3); print(list(d))',
      "d.appendleft('zero, 0'); print(list(d))",
      'd.extend([4, 5, 6]); print(list(d))',
      'd.extendleft([7, 8]); print(list(d))',
      'd.rotate(2); print(list(d))',
      'd.rotate(-1); print(list(d))',
      'd.pop(); print(list(d))',
      'd.popleft(); print(list(d))',
      'd.insert(1, (9, 9)); print(list(d))',
      'd.remove((9, 9)); print(list(d))',
      'd[0] = None; print(list(d))',
      'del d[-1]; print(list(d))',
      "d += ['x']; print(list(d))",
      'd.clear(); print(list(d))',
    ].join('\n');
    const { trace, summary } = await recordTrace({ source }, runner);
    expect(summary.status).toBe('ok');
    const pairs = printedVsDerived(trace, 'd');
    expect(pairs).toHaveLength(15);
    for (const { printed, derived } of pairs) expect(derived).toEqual(printed);
  });

  it('shows the producer/consumer lesson: lanes alternating and the deque filling to 10', async () => {
    const source = `from collections import deque

buffer = deque(maxlen=10)

def producer(n):
    for i in range(n):
        if len(buffer) == buffer.maxlen:
            print(list(buffer))
            yield
        buffer.append(i)

def consumer():
    while True:
        while buffer:
            buffer.popleft()
        print(list(buffer))
        yield

def coordinator():
    p = producer(35)
    c = consumer()
    while True:
        try:
            next(p)
        except StopIteration:
            next(c)
            break
        next(c)

coordinator()
`;
    const { trace, summary } = await recordTrace({ source }, runner);
    expect(summary.status).toBe('ok');
    for (const { printed, derived } of printedVsDerived(trace, 'buffer')) expect(derived).toEqual(printed);
    const index = new TraceIndex(trace).update();
    const names = index.timeline.lanes.map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(['main', 'producer', 'consumer']));
    const { switches, lanes } = index.timeline;
    const handOffs = Array.from({ length: switches.size }, (_, i) => lanes[switches.to.get(i)].name).filter(
      (n) => n !== 'main' && n !== 'coordinator',
    );
    expect(handOffs.slice(0, 4)).toEqual(['producer', 'consumer', 'producer', 'consumer']);
    const buffer = index.deques.tracks.find((t) => t.name === 'buffer')!;
    const fullAt = buffer.log.seqs.data[buffer.lens.data.indexOf(10)];
    expect(index.deques.at(fullAt).find((s) => s.track === buffer)!.items).toHaveLength(10);
    expect(index.deques.at(fullAt - 1).find((s) => s.track === buffer)!.items).toHaveLength(9);
  });

  it('keeps the real length of a deque whose contents the recorder abbreviated, and the items it named', async () => {
    const source = [
      'from collections import deque',
      'd = deque(range(100))',
      "d.pop(); d.append('x'); d.popleft(); d.appendleft('y')",
      'print(len(d), list(d)[:8], list(d)[-1])',
      'for _ in range(95): d.pop()',
      'print(len(d), list(d))',
    ].join('\n');
    const { trace, summary } = await recordTrace({ source }, runner);
    expect(summary.status).toBe('ok');
    const index = new TraceIndex(trace).update();
    const prints = printsIn(trace);
    const at = (i: number) => index.deques.at(prints[i]).find((s) => s.track.name === 'd')!;
    expect(trace.str(prints[0], 0)).toContain("100 ['y', 1, 2, 3, 4, 5, 6, 7] x");
    expect(at(0).length).toBe(100);
    expect(at(0).items.slice(0, 8)).toEqual(["'y'", '1', '2', '3', '4', '5', '6', '7']);
    expect(at(0).items.at(-1)).toBe("'x'");
    expect(trace.str(prints[1], 0)).toContain("5 ['y', 1, 2, 3, 4]");
    expect(at(1)).toMatchObject({ length: 5, items: ["'y'", '1', '2', '3', '4'] });
  });

  it("labels only the scheduler's ready queue as such, not a program's deque called `ready`", async () => {
    const lesson = (name: string) =>
      readFileSync(new URL(`../../assets/lessons/${name}`, import.meta.url), 'utf8');
    const own = await recordTrace({ source: lesson('07-round_robin/round_robin.py') }, runner);
    expect(own.summary.status).toBe('ok');
    const ownTracks = new TraceIndex(own.trace).update().deques.tracks;
    expect(ownTracks.map((t) => [t.name, t.readyQueue])).toEqual([['ready', false]]);

    const scheduled = await recordTrace(
      { source: lesson('13-scheduler_policies/scheduler_policies.py'), policy: 'fifo' },
      runner,
    );
    expect(scheduled.summary.status).toBe('ok');
    const ready = new TraceIndex(scheduled.trace).update().deques.tracks.filter((t) => t.readyQueue);
    expect(ready.map((t) => t.name)).toEqual(['ready queue']);
  });

  it("shows asyncio's ready queue as the scheduler's, each callback as the task it runs", async () => {
    const source = `import asyncio

async def worker(name):
    await asyncio.sleep(1)
    print(name, 'woke')

async def main():
    await asyncio.gather(worker('a'), worker('b'), worker('c'))

asyncio.run(main())
`;
    const { trace, summary } = await recordTrace({ source }, runner);
    expect(summary.status).toBe('ok');
    const index = new TraceIndex(trace).update();
    expect(index.deques.tracks.map((t) => [t.name, t.readyQueue])).toEqual([['ready queue', true]]);
    const prints = printsIn(trace);
    const queueAt = (seq: number) => index.deques.at(seq)[0].items;
    // all three sleeps end at once; each wakes its task, and the loop runs them in that order
    expect(queueAt(prints[0])).toEqual(['worker-2', 'worker-3']);
    expect(queueAt(prints[1])).toEqual(['worker-3', 'gather: a child is done']);
    expect(queueAt(trace.size - 1)).toEqual([]);
  });

  it('flags re-iteration of an exhausted iterator and tracks generator states', async () => {
    const source = `it = iter([1, 2])
for x in it:
    pass
for x in it:
    print('never')
def g():
    yield 1
gen = g()
next(gen)
gen.close()
`;
    const { trace, summary } = await recordTrace({ source }, runner);
    expect(summary.status).toBe('ok');
    const index = new TraceIndex(trace).update();
    const end = trace.size - 1;
    const list = index.iterators.at(end).find((v) => v.track.name === 'list_iterator');
    expect(list).toMatchObject({ state: 'exhausted', count: 2, values: ['1', '2'], again: true });
    const gen = index.generators.tracks.find((t) => t.name === 'g')!;
    expect(index.generators.stateAt(gen, end)).toBe('GEN_CLOSED');
    expect(index.generators.stateAt(gen, gen.createdAt)).toBe('GEN_CREATED');
  });
});
