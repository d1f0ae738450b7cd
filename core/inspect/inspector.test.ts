import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTrace } from '../run/record.ts';
import { Runner } from '../run/runner.ts';
import { KIND_CODE } from '../trace/schema.ts';
import type { Trace } from '../trace/trace.ts';
import type { InspectEngine } from './inspector.ts';
import { Inspector, type Subject } from './inspector.ts';
import { replayOf } from './replay.ts';
import type { Frame, HeapObject, HeapSnapshot, Value } from '../session/snapshot.ts';
import { ProblemError, problemText } from '../session/problems.ts';

let runner: Runner;
let inspector: Inspector;
beforeAll(() => {
  runner = new Runner();
  inspector = new Inspector(() => new Runner());
});
afterAll(async () => {
  await inspector.close();
  await runner.close();
});

async function recorded(source: string): Promise<Subject> {
  const { trace, summary } = await recordTrace({ source }, runner);
  expect(summary.status, summary.message).toBe('ok');
  const replay = replayOf(trace);
  if ('cannot' in replay) throw new ProblemError(replay.cannot);
  return { trace, replay };
}

/** The event of the program's `print(text)`. */
function printed(trace: Trace, text: string): number {
  for (let i = 0; i < trace.size; i++)
    if (trace.kindAt(i) === KIND_CODE.stdout && trace.str(i, 0) === `${text}\n`) return i;
  throw new Error(`nothing printed ${text}`);
}

/** The n-th event (from 0) of a kind at a line. */
function nth(trace: Trace, kind: keyof typeof KIND_CODE, line: number, n = 0): number {
  for (let i = 0; i < trace.size; i++)
    if (trace.kindAt(i) === KIND_CODE[kind] && trace.lineAt(i) === line && n-- === 0) return i;
  throw new Error(`no ${kind} at line ${line}`);
}

async function heap(subject: Subject, at: number): Promise<HeapSnapshot> {
  const inspection = await inspector.at(subject, at);
  if (!inspection.ok) throw new Error(inspection.message);
  return inspection.snapshot;
}

function variable(frame: Frame | undefined, name: string): Value {
  const found = frame?.locals.find((v) => v.name === name);
  if (!found) throw new Error(`no variable ${name} in ${frame?.name}`);
  return found.value;
}

function ref(value: Value): string {
  if (!('r' in value)) throw new Error(`${value.v} is not a reference`);
  return value.r;
}

function object(snapshot: HeapSnapshot, key: string): HeapObject {
  const found = snapshot.objects.find((o) => o.key === key);
  if (!found) throw new Error(`no object ${key}`);
  return found;
}

const module = (s: HeapSnapshot): Frame => s.stack[0];

/** A generator counting up, resumed n times: a long trace. */
const counter = (n: number): string =>
  [
    'def counter():',
    '    n = 0',
    '    while True:',
    '        n += 1',
    '        yield n',
    'g = counter()',
    `for _ in range(${n}):`,
    '    next(g)',
  ].join('\n');

/** The events where the generator yields. */
const yieldsOf = (trace: Trace): number[] =>
  [...Array(trace.size).keys()].filter((i) => trace.kindAt(i) === KIND_CODE['gen.yield']);
const inline = (values: Value[] | undefined): string[] => (values ?? []).map((v) => ('v' in v ? v.v : '→'));

describe('the heap at any event, from a re-run of the program', () => {
  it('draws aliasing, in-place changes and new lists as Python holds them', async () => {
    const subject = await recorded(
      [
        'a = [[0] * 3] * 3',
        "print('aliased')",
        'a[0][0] = 1',
        "print('changed')",
        'l = [1]',
        'm = l',
        'l += [2]',
        "print('in place')",
        'l = l + [3]',
        "print('new list')",
      ].join('\n'),
    );
    const { trace } = subject;
    const aliased = await heap(subject, printed(trace, 'aliased'));
    const outer = object(aliased, ref(variable(module(aliased), 'a')));
    const inner = new Set(outer.items!.map(ref));
    expect(inner.size).toBe(1);
    const [innerKey] = inner;
    expect(inline(object(aliased, innerKey).items)).toEqual(['0', '0', '0']);

    const changed = await heap(subject, printed(trace, 'changed'));
    expect(object(changed, ref(variable(module(changed), 'a'))).items!.map(ref)).toEqual([
      innerKey,
      innerKey,
      innerKey,
    ]);
    expect(inline(object(changed, innerKey).items)).toEqual(['1', '0', '0']);

    const inPlace = await heap(subject, printed(trace, 'in place'));
    const l1 = ref(variable(module(inPlace), 'l'));
    expect(ref(variable(module(inPlace), 'm'))).toBe(l1);
    expect(inline(object(inPlace, l1).items)).toEqual(['1', '2']);

    const fresh = await heap(subject, printed(trace, 'new list'));
    const l2 = ref(variable(module(fresh), 'l'));
    expect(ref(variable(module(fresh), 'm'))).toBe(l1);
    expect(l2).not.toBe(l1);
    expect(inline(object(fresh, l2).items)).toEqual(['1', '2', '3']);
    expect(inline(object(fresh, l1).items)).toEqual(['1', '2']);

    // stepping back (a re-run of the program) keeps every object's key
    const again = await heap(subject, printed(trace, 'in place'));
    expect(ref(variable(module(again), 'l'))).toBe(l1);
    expect(ref(variable(module(again), 'a'))).toBe(ref(variable(module(aliased), 'a')));
  });

  it("shows a deque of generators as the generators' own frames, with their locals while suspended", async () => {
    const subject = await recorded(
      [
        'from collections import deque',
        'def task(name, n):',
        '    for i in range(n):',
        "        yield f'{name} {i}'",
        "ready = deque([task('a', 2), task('b', 3), task('c', 1)], maxlen=5)",
        'first = ready.popleft()',
        'print(next(first))',
        'ready.append(first)',
        "print('queued')",
      ].join('\n'),
    );
    const { trace } = subject;
    const lanes = [...Array(trace.size).keys()]
      .filter((i) => trace.kindAt(i) === KIND_CODE['gen.create'])
      .map((i) => trace.objAt(i));
    expect(lanes).toHaveLength(3);

    const queued = await heap(subject, printed(trace, 'queued'));
    const ready = object(queued, ref(variable(module(queued), 'ready')));
    expect(ready.shape).toBe('deque');
    expect(ready.maxlen).toBe(5);
    const slots = ready.items!.map(ref);
    expect(slots).toEqual([lanes[1], lanes[2], lanes[0]].map((id) => `o${id}`));
    expect(ref(variable(module(queued), 'first'))).toBe(`o${lanes[0]}`);
    expect(queued.suspended.map((f) => [f.key, f.obj, f.state, f.line])).toEqual([
      [`o${lanes[0]}`, lanes[0], 'suspended', 4],
      [`o${lanes[1]}`, lanes[1], 'created', 2],
      [`o${lanes[2]}`, lanes[2], 'created', 2],
    ]);
    const a = queued.suspended[0];
    expect(a.locals.map((v) => [v.name, 'v' in v.value && v.value.v])).toEqual([
      ['name', "'a'"],
      ['n', '2'],
      ['i', '0'],
    ]);

    // resumed: on the stack, above the module; at its yield: off the stack again, suspended there
    const resumed = await heap(subject, nth(trace, 'gen.resume', 2));
    expect(resumed.stack.map((f) => [f.key, f.state])).toEqual([
      ['main', 'running'],
      [`o${lanes[0]}`, 'running'],
    ]);
    const yielded = await heap(subject, nth(trace, 'gen.yield', 4));
    expect(yielded.stack.map((f) => f.key)).toEqual(['main']);
    expect(yielded.suspended.find((f) => f.obj === lanes[0])).toMatchObject({ state: 'suspended', line: 4 });
    // the generator's object says what its frame says, though its yield's callback still runs inside it
    expect(yielded.objects.find((o) => o.obj === lanes[0])?.state).toBe('suspended');
  });

  it('keeps an exhausted generator as finished while a variable holds it, and drops it after', async () => {
    const subject = await recorded(
      [
        'def once():',
        '    yield 1',
        'g = once()',
        'for _ in g:',
        '    pass',
        "print('exhausted')",
        'del g',
        "print('gone')",
      ].join('\n'),
    );
    const { trace } = subject;
    const exhausted = await heap(subject, printed(trace, 'exhausted'));
    const key = ref(variable(module(exhausted), 'g'));
    expect(exhausted.suspended.map((f) => [f.key, f.state, f.locals])).toEqual([[key, 'finished', []]]);
    expect(object(exhausted, key).state).toBe('finished');
    const gone = await heap(subject, printed(trace, 'gone'));
    expect(gone.suspended).toEqual([]);
    expect(gone.objects.find((o) => o.key === key)).toBeUndefined();
  });

  it('steps back one event at a time past the snapshots it has, each answer for its own event', async () => {
    const subject = await recorded(
      ['total = 0', 'for i in range(60):', '    total += i', "print('done', total)"].join('\n'),
    );
    const end = printed(subject.trace, 'done 1770');
    await heap(subject, end);
    // a re-run filling the snapshots before the cursor is waited for, never started over and over
    for (let at = end - 1; at >= end - 40; at--) {
      const snapshot = await heap(subject, at);
      expect(snapshot.at).toBe(at);
    }
    const total = (at: number) => heap(subject, at).then((s) => variable(module(s), 'total'));
    expect(await total(end)).toEqual({ v: '1770' });
  });

  it('answers jumps back and forth over a long trace from re-runs held at points spread over it', async () => {
    const subject = await recorded(counter(30_000));
    const { trace } = subject;
    const yields = yieldsOf(trace);
    expect(yields.length).toBe(30000);
    await heap(subject, yields[0]);
    await inspector.settled();
    // after each yield the suspended generator's n is the value it yielded, whichever re-run answers
    for (const k of [27000, 4000, 21000, 15000, 29999, 100, 16000]) {
      const snapshot = await heap(subject, yields[k]);
      expect(snapshot.at).toBe(yields[k]);
      expect(variable(snapshot.suspended[0], 'n')).toEqual({ v: trace.str(yields[k], 0) });
    }
  });

  it('follows a graph of instances with a cycle, and a method call on the stack', async () => {
    const subject = await recorded(
      [
        'class Node:',
        '    def __init__(self, value):',
        '        self.value = value',
        '        self.next = None',
        'x = Node(1)',
        'y = Node(2)',
        'x.next = y',
        'y.next = x',
        "print('cycle')",
      ].join('\n'),
    );
    const { trace } = subject;
    const cycle = await heap(subject, printed(trace, 'cycle'));
    const x = object(cycle, ref(variable(module(cycle), 'x')));
    const y = object(cycle, ref(variable(module(cycle), 'y')));
    expect(x).toMatchObject({ type: 'Node', shape: 'instance' });
    expect(x.attrs!.map((a) => a.name)).toEqual(['value', 'next']);
    expect(x.attrs![0].value).toEqual({ v: '1' });
    expect(ref(x.attrs![1].value)).toBe(y.key);
    expect(ref(y.attrs![1].value)).toBe(x.key);

    const inInit = await heap(subject, nth(trace, 'line', 4));
    expect(inInit.stack.map((f) => [f.kind, f.name, f.line])).toEqual([
      ['module', '<module>', 5],
      ['function', 'Node.__init__', 4],
    ]);
    expect(inInit.stack[1].locals.map((v) => v.name)).toEqual(['self', 'value']);
    expect(object(inInit, ref(variable(inInit.stack[1], 'self'))).attrs).toEqual([
      { name: 'value', value: { v: '1' } },
    ]);
  });

  it("shows an instance's slots beside its own attributes, a slot never set left out", async () => {
    const subject = await recorded(
      [
        'class Card:',
        "    __slots__ = ('rank', 'suit', '__dict__')",
        'card = Card()',
        'card.rank = 7',
        "card.note = 'kept'",
        "print('dealt')",
      ].join('\n'),
    );
    const dealt = await heap(subject, printed(subject.trace, 'dealt'));
    const card = object(dealt, ref(variable(module(dealt), 'card')));
    expect(card.attrs).toEqual([
      { name: 'note', value: { v: "'kept'" } },
      { name: 'rank', value: { v: '7' } },
    ]);
  });

  it('shows who awaits whom under asyncio.gather', async () => {
    const subject = await recorded(
      [
        'import asyncio',
        'async def worker(name, delay):',
        '    await asyncio.sleep(delay)',
        "    print('done', name)",
        '    return name',
        'async def main():',
        "    results = await asyncio.gather(worker('a', 2), worker('b', 1))",
        '    print(results)',
        'asyncio.run(main())',
      ].join('\n'),
    );
    const { trace } = subject;
    const done = await heap(subject, printed(trace, 'done b'));
    const running = done.stack.at(-1)!;
    expect(running).toMatchObject({ kind: 'coroutine', name: 'worker', line: 4 });
    expect(variable(running, 'name')).toEqual({ v: "'b'" });
    const waiting = done.suspended.filter((f) => f.state === 'suspended').map((f) => [f.name, f.line]);
    expect(waiting).toEqual(
      expect.arrayContaining([
        ['main', 7],
        ['worker', 3],
      ]),
    );
    const workers = done.awaits.filter((t) => t.stack.some((f) => f.name === 'worker'));
    expect(workers).toHaveLength(2);
    const main = done.awaits.find((t) => t.stack.some((f) => f.name === 'main'));
    expect(main).toBeDefined();
    for (const w of workers) expect(w.awaitedBy).toEqual([main!.task]);
  });

  it('never calls a repr of the program, and bounds large values', async () => {
    const subject = await recorded(
      [
        'class Bad:',
        '    def __repr__(self):',
        "        raise RuntimeError('no')",
        'class Slow:',
        '    def __repr__(self):',
        '        while True:',
        '            pass',
        'b, s = Bad(), Slow()',
        'big = list(range(100000))',
        "text = 'y' * 10000",
        "print('ok')",
      ].join('\n'),
    );
    const ok = await heap(subject, printed(subject.trace, 'ok'));
    expect(object(ok, ref(variable(module(ok), 'b')))).toMatchObject({ type: 'Bad', shape: 'instance' });
    const big = object(ok, ref(variable(module(ok), 'big')));
    expect(big.len).toBe(100000);
    expect(inline(big.items)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '99998', '99999']);
    expect(big.gap).toEqual([8, 99990]);
    const text = variable(module(ok), 'text');
    expect('v' in text && text.v.length).toBeLessThan(70);
  });

  it('refuses to show a heap from the first event where the re-run differs from the recording', async () => {
    const source = ['x = 1', "print('same')", 'x = 2', 'y = 3', "print('end')"].join('\n');
    const { trace } = await recordTrace({ source }, runner);
    const subject: Subject = { trace, replay: { source: source.replace('x = 2', 'print(2)') } };
    expect((await inspector.at(subject, printed(trace, 'same'))).ok).toBe(true);
    const after = await inspector.at(subject, printed(trace, 'end'));
    expect(after).toMatchObject({ ok: false, reason: 'diverged' });
    expect(!after.ok && after.message).toMatch(/went differently from event \d+ on/);
    // the page says it in the user's language from the problem: where it went differently, and how
    const at = !after.ok && (after.problem.values?.at as number);
    expect(after).toMatchObject({
      problem: { key: 'diverged', values: { before: Number(at) - 1, recorded: 'line', again: 'stdout' } },
    });
    expect(!after.ok && problemText('zh-TW', after.problem)).toMatch(
      /^再執行一次時,程式從事件 \d+ 起走了不同的路/,
    );
  });

  it('stops a re-run held at its window at once, also while its generators unwind', async () => {
    const source = [
      'def ping():',
      '    while True:',
      '        yield 1',
      'g = ping()',
      'for _ in range(1000):',
      '    next(g)',
    ].join('\n');
    let held!: () => void;
    const snapshot = new Promise<void>((resolve) => (held = resolve));
    const run = runner.watch({ source }, { first: 500, last: 500 }, () => {}, held);
    await snapshot;
    run.stop();
    // a hold after the stop would wait for an answer the stop already gave, until the worker was ended
    expect(await run.done).toMatchObject({ status: 'stopped', message: 'Stopped.' });
  });
});

describe('re-runs working in the background while a question waits', () => {
  it('holds a re-run paused on its way to its window or inside it, with no snapshot until it is resumed', async () => {
    const snapshots: number[] = [];
    let wake = () => {};
    const snapshot = () => new Promise<void>((resolve) => (wake = resolve));
    const run = runner.watch(
      { source: counter(100_000) },
      { first: 250_000, last: 250_000 },
      () => {},
      (at) => {
        snapshots.push(at);
        wake();
      },
    );
    const before = await run.pause();
    expect(before).not.toBeNull();
    expect(before!).toBeLessThan(250_000);
    expect(snapshots).toEqual([]);
    // sent on to a window while paused, and paused again at once: it holds before the window's end,
    // after the snapshots it has taken (one per event count from where it was paused)
    run.watch(before! + 1, before! + 300);
    run.resume();
    const inside = await run.pause();
    expect(inside).toBe(before! + snapshots.length);
    expect(snapshots).toEqual(snapshots.map((_, i) => before! + i));
    expect(inside!).toBeLessThan(before! + 300);
    const next = snapshot();
    run.resume();
    await next;
    expect(snapshots.at(-1)).toBe(inside);
    run.stop();
    expect(await run.done).toMatchObject({ status: 'stopped' });
  });

  it('pauses the re-run replacing a held one while it answers, and lets it go on after', async () => {
    // what the inspector asks of its engines' re-runs, in order, with its answers among them
    const log: string[] = [];
    let runs = 0;
    const observed = (): InspectEngine => {
      const engine = new Runner();
      return {
        ready: engine.ready,
        close: () => engine.close(),
        watch(options, window, onBatch, onSnapshot) {
          const name = `run ${++runs} to ${window.last}`;
          log.push(`${name} started`);
          const run = engine.watch(options, window, onBatch, (at, json, final) => {
            log.push(`${name} snapshot ${at}`);
            onSnapshot(at, json, final);
          });
          return {
            done: run.done,
            pause: () => {
              log.push(`${name} paused`);
              return run.pause();
            },
            resume: () => {
              log.push(`${name} resumed`);
              run.resume();
            },
            step: (to) => run.step(to),
            stop: () => run.stop(),
            input: (text) => run.input(text),
            watch: (first, last) => run.watch(first, last),
          };
        },
      };
    };
    const watcher = new Inspector(observed);
    try {
      const subject = await recorded(counter(30_000));
      const yields = yieldsOf(subject.trace);
      const first = await watcher.at(subject, yields[0]);
      expect(first.ok).toBe(true);
      await watcher.settled();
      // a jump past the last home moves the re-run held there: one is sent to take its place
      const settledAt = log.length;
      expect((await watcher.at(subject, yields[29_000])).ok).toBe(true);
      log.push('answered');
      const replacement = log
        .slice(settledAt)
        .map((line) => /^(run \d+ to \d+) started$/.exec(line)?.[1])
        .find((name) => name !== undefined);
      expect(replacement).toBeDefined();
      const answer = await watcher.at(subject, yields[15_000]);
      expect(answer.ok && answer.snapshot.at).toBe(yields[15_000]);
      // the snapshot answering came while the replacement was paused
      const after = log.slice(log.indexOf('answered'));
      const paused = after.indexOf(`${replacement} paused`);
      const answered = after.findIndex((line) => line.endsWith(` snapshot ${yields[15_000]}`));
      expect(paused).toBeGreaterThan(0);
      expect(answered).toBeGreaterThan(paused);
      expect(after.indexOf(`${replacement} resumed`, paused)).toBeGreaterThan(answered);
    } finally {
      await watcher.close();
    }
  });
});

describe('a program that read input', () => {
  it('is run again with the lines it read, so its variables are shown after its input()', async () => {
    const source = "name = input('Name? ')\ngreeting = 'hello ' + name\nprint(greeting)\n";
    const { trace, summary } = await recordTrace({ source, stdin: ['Ada\n'] }, runner);
    expect(summary.status, summary.message).toBe('ok');
    const replay = replayOf(trace);
    if ('cannot' in replay) throw new ProblemError(replay.cannot);
    const snapshot = await heap({ trace, replay }, printed(trace, 'hello Ada'));
    expect(variable(module(snapshot), 'greeting')).toEqual({ v: "'hello Ada'" });
  });
});
