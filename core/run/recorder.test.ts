import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema.ts';
import { Trace } from '../trace/trace.ts';
import { recordTrace } from './record.ts';
import { Runner } from './runner.ts';
import { probeUnderTest } from './probe-under-test.ts';

let runner: Runner;
beforeAll(async () => {
  runner = new Runner({ probe: probeUnderTest() });
  await runner.ready;
});
afterAll(() => runner.close());

async function run(source: string): Promise<TraceEvent[]> {
  const { trace, summary } = await recordTrace({ source }, runner);
  const events = [...trace.events()];
  expect(events.at(-1)?.kind).toBe('run.end');
  if (summary.status !== 'ok') throw new Error(`run ended ${summary.status}: ${summary.message}`);
  return events;
}

const without = (events: TraceEvent[], ...kinds: string[]) => events.filter((e) => !kinds.includes(e.kind));
const only = (events: TraceEvent[], ...kinds: string[]) => events.filter((e) => kinds.includes(e.kind));
const genName = (events: TraceEvent[]) => {
  const names = new Map<number, string>();
  for (const e of only(events, 'gen.create')) names.set(e.obj!, e.name as string);
  return (obj: number | undefined) => (obj === 0 ? 'main' : names.get(obj!));
};

const PRODUCER_CONSUMER = `
from collections import deque

def producer(buf, n):
    for i in range(n):
        while len(buf) == buf.maxlen:
            yield 'full'
        buf.append(i)
    return 'produced'

def consumer(buf):
    while True:
        while buf:
            buf.popleft()
        yield 'drained'

def coordinator(n):
    buf = deque(maxlen=10)
    p = producer(buf, n)
    c = consumer(buf)
    while True:
        try:
            next(p)
        except StopIteration as e:
            print('producer:', e.value)
            break
        next(c)
    next(c)

coordinator(35)
`;

describe('generators', () => {
  it('records the producer/consumer coordinator exactly', async () => {
    const events = await run(PRODUCER_CONSUMER);
    const name = genName(events);
    const switches = only(events, 'gen.resume', 'gen.yield', 'gen.return')
      // the suspended consumer is closed whenever the garbage collector frees it (maybe after the run)
      .filter((e) => e.via !== 'close')
      .map(
        (e) =>
          `${e.kind} ${name(e.obj)}${e.kind === 'gen.resume' ? ` by ${name(e.by as number)} via ${e.via}` : ` ${e.value}`}`,
      );
    const round = (who: string, value: string) => [
      `gen.resume ${who} by main via next`,
      `gen.yield ${who} ${value}`,
    ];
    const expected = [
      ...round('producer', "'full'"),
      ...round('consumer', "'drained'"),
      ...round('producer', "'full'"),
      ...round('consumer', "'drained'"),
      ...round('producer', "'full'"),
      ...round('consumer', "'drained'"),
      'gen.resume producer by main via next',
      "gen.return producer 'produced'",
      ...round('consumer', "'drained'"),
    ];
    expect(switches).toEqual(expected);

    const [create] = only(events, 'deque.create');
    expect(create).toMatchObject({ maxlen: 10, items: '[]', name: 'buf' });
    const ops = only(events, 'deque.op');
    const appends = ops.filter((e) => e.op === 'append');
    expect(appends).toHaveLength(35);
    expect(appends.every((e) => e.dropped === null)).toBe(true);
    expect(Math.max(...ops.map((e) => e.len as number))).toBe(10);
    expect(appends.slice(0, 10).map((e) => e.len)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const pops = ops.filter((e) => e.op === 'popleft');
    expect(pops.map((e) => e.value)).toEqual(Array.from({ length: 35 }, (_, i) => String(i)));
    expect(only(events, 'stdout').map((e) => e.text)).toEqual(['producer: produced\n']);
    const stop = only(events, 'iter.stop').find((e) => name(e.obj) === 'producer');
    expect(stop).toMatchObject({ again: false });
  });

  it('records a round-robin event loop over a deque of three generators', async () => {
    const events = await run(`
from collections import deque
def task(name, n):
    for i in range(n):
        yield f'{name}{i}'
ready = deque([task('a', 2), task('b', 1), task('c', 2)])
while ready:
    t = ready.popleft()
    try:
        next(t)
        ready.append(t)
    except StopIteration:
        pass
`);
    const name = genName(events);
    const yields = only(events, 'gen.yield').map((e) => e.value);
    expect(yields).toEqual(["'a0'", "'b0'", "'c0'", "'a1'", "'c1'"]);
    const returns = only(events, 'gen.return').map((e) => name(e.obj));
    expect(returns).toEqual(['task', 'task', 'task']);
    expect(only(events, 'deque.create')[0]).toMatchObject({ name: 'ready', maxlen: null });
    expect(
      only(events, 'deque.op')
        .map((e) => `${e.op}:${e.len}`)
        .slice(0, 4),
    ).toEqual(['popleft:2', 'append:3', 'popleft:2', 'append:3']);
  });

  it('records send, throw and close', async () => {
    const events = await run(`
def echo():
    try:
        while True:
            try:
                got = yield 'ready'
            except ValueError as e:
                got = yield f'caught {e}'
    finally:
        print('closing')
g = echo()
next(g)
g.send(42)
g.throw(ValueError('bad'))
g.close()
h = echo()
h.close()
`);
    const resumes = only(events, 'gen.resume').map((e) => `${e.via}:${e.value}`);
    expect(resumes.slice(0, 3)).toEqual(['next:null', 'send:42', "throw:ValueError('bad')"]);
    expect(resumes.at(-1)).toBe('close:GeneratorExit()');
    const closes = only(events, 'gen.close');
    expect(closes).toHaveLength(2);
    expect(only(events, 'gen.yield').map((e) => e.value)).toEqual(["'ready'", "'ready'", "'caught bad'"]);
    expect(only(events, 'stdout').map((e) => e.text)).toEqual(['closing\n']);
  });

  it('records a 3-level yield from chain with the delegator as `by`', async () => {
    const events = await run(`
def leaf():
    yield 1
    return 'leaf done'
def middle():
    r = yield from leaf()
    return r
def top():
    r = yield from middle()
    yield r
for v in top():
    pass
`);
    const name = genName(events);
    const resumes = only(events, 'gen.resume').map(
      (e) => `${name(e.obj)} by ${name(e.by as number)} via ${e.via}`,
    );
    expect(resumes.slice(0, 3)).toEqual([
      'top by main via for',
      'middle by top via yield from',
      'leaf by middle via yield from',
    ]);
    const firstYields = only(events, 'gen.yield')
      .slice(0, 3)
      .map((e) => name(e.obj));
    expect(firstYields).toEqual(['leaf', 'middle', 'top']);
    expect(only(events, 'gen.return').map((e) => `${name(e.obj)} ${e.value}`)).toEqual([
      "leaf 'leaf done'",
      "middle 'leaf done'",
      'top None',
    ]);
  });

  it('records an exception leaving a generator', async () => {
    const events = await run(`
def bad():
    yield 1
    raise ValueError('boom')
g = bad()
next(g)
try:
    next(g)
except ValueError:
    pass
`);
    expect(only(events, 'gen.raise')).toEqual([
      expect.objectContaining({ exc: 'ValueError', message: 'boom', line: 4 }),
    ]);
  });

  it('records coroutines awaiting each other, driven by send', async () => {
    const events = await run(`
class Ready:
    def __await__(self):
        got = yield 'tick'
        return got
async def inner():
    return await Ready()
async def outer():
    return await inner()
c = outer()
c.send(None)
try:
    c.send(5)
except StopIteration as e:
    print(e.value)
`);
    const name = genName(events);
    expect(only(events, 'gen.create').map((e) => `${e.name} ${e.genkind}`)).toEqual([
      'outer coroutine',
      'inner coroutine',
      'Ready.__await__ generator',
    ]);
    const resumes = only(events, 'gen.resume').map(
      (e) => `${name(e.obj)} by ${name(e.by as number)} via ${e.via} ${e.value}`,
    );
    expect(resumes).toEqual([
      'outer by main via send None',
      'inner by outer via await null',
      'Ready.__await__ by inner via await null',
      'outer by main via send 5',
      'inner by outer via await 5',
      'Ready.__await__ by inner via await 5',
    ]);
    expect(only(events, 'gen.return').map((e) => `${name(e.obj)} ${e.value}`)).toEqual([
      'Ready.__await__ 5',
      'inner 5',
      'outer 5',
    ]);
    expect(only(events, 'stdout')[0].text).toBe('5\n');
  });

  it('records a generator expression exhausted by sum', async () => {
    const events = await run('total = sum(x * x for x in range(4))\nprint(total)\n');
    const [create] = only(events, 'gen.create');
    expect(create).toMatchObject({ name: '<genexpr>', genkind: 'generator', line: 1 });
    expect(only(events, 'gen.yield').map((e) => e.value)).toEqual(['0', '1', '4', '9']);
    expect(only(events, 'gen.return')).toHaveLength(1);
    expect(only(events, 'iter.stop').map((e) => e.obj)).toContain(create.obj);
    expect(only(events, 'stdout')[0].text).toBe('14\n');
  });
});

describe('iterators', () => {
  it('marks the second loop over an exhausted iterator with again', async () => {
    const events = await run(`
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
c = Countdown(2)
for x in c:
    pass
for x in c:
    pass
`);
    const creates = only(events, 'iter.create');
    expect(creates.map((e) => e.how)).toEqual(['self', 'self']);
    expect(creates[0].obj).toBe(creates[1].obj);
    expect(creates[0].name).toBe('Countdown');
    expect(only(events, 'iter.next').map((e) => e.value)).toEqual(['1', '0']);
    expect(only(events, 'iter.stop').map((e) => e.again)).toEqual([false, true]);
  });

  it('records iter() over a __getitem__-only class and over a non-iterable', async () => {
    const events = await run(`
class Squares:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
it = iter(Squares())
print(list(it))
try:
    iter(5)
except TypeError:
    print('not iterable')
`);
    const creates = only(events, 'iter.create');
    expect(creates[0]).toMatchObject({ how: '__getitem__', name: 'iterator', line: 7 });
    expect(creates.at(-1)).toMatchObject({
      how: null,
      name: "TypeError: 'int' object is not iterable",
      of: '5',
      line: 10,
    });
    const values = only(events, 'iter.next')
      .filter((e) => e.obj === creates[0].obj)
      .map((e) => e.value);
    expect(values).toEqual(['0', '1', '4']);
    expect(only(events, 'stdout').map((e) => e.text)).toEqual(['[0, 1, 4]\n', 'not iterable\n']);
  });

  it('records zip, enumerate and map running dry', async () => {
    const events = await run(`
for a, b in zip([1, 2, 3], 'xy'):
    pass
for i, v in enumerate('ab'):
    pass
doubled = list(map(lambda x: 2 * x, (1, 2)))
`);
    const creates = only(events, 'iter.create');
    const byName = (n: string) => creates.find((e) => e.name === n)!;
    for (const n of ['zip', 'enumerate', 'map', 'list_iterator', 'str_ascii_iterator', 'tuple_iterator'])
      expect(byName(n), n).toBeDefined();
    const stopOf = (n: string) => only(events, 'iter.stop').filter((e) => e.obj === byName(n).obj);
    expect(stopOf('zip')).toHaveLength(1);
    expect(stopOf('enumerate')).toHaveLength(1);
    expect(stopOf('map')).toHaveLength(1);
    const zipNext = only(events, 'iter.next')
      .filter((e) => e.obj === byName('zip').obj)
      .map((e) => e.value);
    expect(zipNext).toEqual(["(1, 'x')", "(2, 'y')"]);
    const mapNext = only(events, 'iter.next')
      .filter((e) => e.obj === byName('map').obj)
      .map((e) => e.value);
    expect(mapNext).toEqual(['2', '4']);
  });
});

describe('deques', () => {
  it('records items dropped at both ends by maxlen, and rotate', async () => {
    const events = await run(`
from collections import deque
class Window(deque):
    pass
w = Window([1, 2, 3], maxlen=3)
w.append(4)
w.appendleft(0)
w.extend([7, 8])
w.extendleft([5, 6])
w.rotate(1)
w += [9]
w[0] = 'x'
del w[0]
w.clear()
`);
    expect(only(events, 'deque.create')[0]).toMatchObject({ maxlen: 3, items: '[1, 2, 3]', name: 'w' });
    const ops = only(events, 'deque.op').map((e) => [e.op, e.arg, e.value, e.dropped, e.len]);
    expect(ops).toEqual([
      ['append', '4', null, '[1]', 3],
      ['appendleft', '0', null, '[4]', 3],
      ['extend', '[7, 8]', null, '[0, 2]', 3],
      ['extendleft', '[5, 6]', null, '[7, 8]', 3],
      ['rotate', '1', null, null, 3],
      ['__iadd__', '[9]', null, '[3]', 3],
      ['__setitem__', "(0, 'x')", '6', null, 3],
      ['__delitem__', '0', "'x'", null, 2],
      ['clear', null, '[5, 9]', null, 0],
    ]);
  });
});

describe('what each event says', () => {
  it('passes the value sent into a delegating generator on to the generator it delegates to', async () => {
    const events = await run(`
def inner():
    x = yield 'ready'
    yield x

def outer():
    yield from inner()

g = outer()
next(g)
g.send(42)
`);
    const name = genName(events);
    expect(
      only(events, 'gen.resume').map(
        (e) => `${name(e.obj)} by ${name(e.by as number)} via ${e.via}: ${e.value}`,
      ),
    ).toEqual([
      'outer by main via next: null',
      'inner by outer via yield from: null',
      'outer by main via send: 42',
      'inner by outer via yield from: 42',
    ]);
  });

  it('records iter(callable, sentinel) where it is made, and the values it produces', async () => {
    const events = await run(`
calls = iter([1, 2, 0, 5])
it = iter(lambda: next(calls), 0)
print(next(it))
for v in it:
    pass
`);
    const creates = only(events, 'iter.create').filter((e) => e.how === 'callable');
    expect(creates).toMatchObject([{ line: 3, name: 'callable_iterator' }]);
    const it = creates[0].obj;
    expect(
      events
        .filter((e) => e.obj === it && e.kind !== 'iter.create')
        .map((e) => `${e.kind} ${e.value ?? e.again}`),
    ).toEqual(['iter.next 1', 'iter.next 2', 'iter.stop false']);
  });

  it("gives a generator that a class's __iter__ makes one id, as its generator and as the loop's iterator", async () => {
    const events = await run(`
class Box:
    def __iter__(self):
        yield 'a'

for item in Box():
    pass
`);
    const [made] = only(events, 'gen.create');
    expect(only(events, 'iter.create').map((e) => [e.obj, e.how])).toEqual([[made.obj, '__iter__']]);
  });

  it('gives an event raised in library code the line of the program that led to it', async () => {
    const source = `
from contextlib import contextmanager
import timeit
from collections import deque

@contextmanager
def managed():
    yield 'm'

with managed():
    pass
d = deque()
timeit.timeit('d.append(1)', globals=globals(), number=2)
`;
    const events = await run(source);
    expect(only(events, 'gen.create').map((e) => e.line)).toEqual([10]);
    expect(only(events, 'deque.op').map((e) => `${e.op} ${e.line}`)).toEqual(['append 13', 'append 13']);
    const lines = source.split('\n').length;
    expect(events.filter((e) => e.line !== undefined && (e.line < 0 || e.line > lines))).toEqual([]);
  });
});

describe('deque operations', () => {
  it('carry the program line that led to them through library code, also after a function returned mid-line', async () => {
    const events = await run(`
import timeit
from collections import deque
d = deque()

def first():
    return timeit.timeit('d.append(1)', globals=globals(), number=2)

total = first() + timeit.timeit('d.append(2)', globals=globals(), number=2)
d.append(3); d.append(4)
`);
    expect(only(events, 'deque.op').map((e) => `${e.arg} ${e.line}`)).toEqual([
      '1 7',
      '1 7',
      '2 9',
      '2 9',
      '3 10',
      '4 10',
    ]);
  });

  it('carry the line that called them, each kind of mutation', async () => {
    const events = await run(`
from collections import deque
d = deque([1, 2, 3])
d.extend([4])
d.extendleft([0])
d += [5]
d.insert(1, 9)
d.rotate(2)
d[0] = 7
del d[0]
`);
    expect(only(events, 'deque.op').map((e) => `${e.op} ${e.line}`)).toEqual([
      'extend 4',
      'extendleft 5',
      '__iadd__ 6',
      'insert 7',
      'rotate 8',
      '__setitem__ 9',
      '__delitem__ 10',
    ]);
  });
});

describe('context managers', () => {
  it('records a suppressing @contextmanager and a class-based one that does not suppress', async () => {
    const events = await run(`
from contextlib import contextmanager
@contextmanager
def ignoring():
    try:
        yield 'inside'
    except KeyError:
        pass
class Loud:
    def __enter__(self):
        return self
    def __exit__(self, et, e, tb):
        return False
    def __repr__(self):
        return 'Loud()'
with ignoring() as v:
    raise KeyError('k')
try:
    with Loud() as a, ignoring():
        raise ValueError('v')
except ValueError:
    print('escaped')
`);
    const ctx = only(events, 'ctx.enter', 'ctx.exit').map((e) =>
      e.kind === 'ctx.enter' ? `enter ${e.name} ${e.value}` : `exit ${e.exc} ${e.suppressed}`,
    );
    expect(ctx).toEqual([
      "enter ignoring 'inside'",
      "exit KeyError: 'k' true",
      'enter Loud Loud()',
      "enter ignoring 'inside'",
      'exit ValueError: v false',
      'exit ValueError: v false',
    ]);
    expect(only(events, 'stdout').map((e) => e.text)).toEqual(['escaped\n']);
  });
});

describe('times', () => {
  it("match the program's own perf_counter around busy waits, and never go backwards", async () => {
    // Dense events before and during the waits make the recorder flush (and its clock readings come
    // and go) while the program measures itself. The first print pays for what printing does once.
    // Between the program's reading of its clock and the recorder's, the thread may be held up by
    // the machine (another process, the worker's garbage collector): the middle of five waits is
    // compared, so that one such moment does not decide.
    const events = await run(`
import time

def ping():
    while True:
        yield 1

g = ping()
print('warm')
for _ in range(3000):
    next(g)
print(time.perf_counter())
for _ in range(5):
    end = time.perf_counter() + 0.1
    while time.perf_counter() < end:
        next(g)
    print(time.perf_counter())
`);
    const ts = events.map((e) => e.t);
    expect(ts.filter((t, i) => i > 0 && t < ts[i - 1])).toEqual([]);
    const prints = only(events, 'stdout').slice(1);
    const errors = prints.slice(1).map((after, i) => {
      const own = (Number(after.text) - Number(prints[i].text)) * 1e9;
      return Math.abs(after.t - prints[i].t - own) / own;
    });
    expect(errors.sort((a, b) => a - b)[2]).toBeLessThan(0.02);
  });
});

describe('running to an event', () => {
  it('holds when the run has recorded the asked number of events, and no later', async () => {
    const trace = new Trace();
    let heldAt!: (events: number) => void;
    const held = new Promise<number>((resolve) => (heldAt = resolve));
    const handle = runner.run(
      { source: 'x = 0\nwhile True:\n    x += 1\n', pauseAtEvent: 500 },
      (batch) => trace.append(batch),
      (events) => heldAt(events),
    );
    expect(await held).toBe(500);
    expect(trace.size).toBe(500);
    handle.stop();
    await handle.done;
    expect(trace.size).toBe(501);
    expect(trace.kindName(500)).toBe('run.end');
  });
});

describe('errors and output', () => {
  it('records a SyntaxError with line and column', async () => {
    const { trace, summary } = await recordTrace({ source: 'x = 1\ny = (2 +\n' + 'def f(:\n' }, runner);
    expect(summary.status).toBe('error');
    const [error] = without([...trace.events()], 'run.start', 'run.end');
    expect(error).toMatchObject({ kind: 'error', exc: 'SyntaxError' });
    expect(error.line).toBeGreaterThan(0);
    expect(error.col).toBeGreaterThan(0);
  });

  it('records an uncaught exception with its traceback and line', async () => {
    const { trace, summary } = await recordTrace({ source: 'def f():\n    return 1 / 0\nf()\n' }, runner);
    expect(summary).toMatchObject({ status: 'error', message: 'ZeroDivisionError: division by zero' });
    const [error] = only([...trace.events()], 'error');
    expect(error).toMatchObject({ exc: 'ZeroDivisionError', line: 2 });
    expect(error.traceback).toContain('line 3');
    expect(error.traceback).toContain('ZeroDivisionError');
    expect(error.traceback).not.toContain('ys_probe');
  });

  it('keeps huge output bounded and a million lines recorded', { timeout: 180_000 }, async () => {
    const { trace, summary } = await recordTrace(
      { source: "print('x' * 10**7)\nfor i in range(10**6):\n    print(i)\n" },
      runner,
    );
    expect(summary.status).toBe('ok');
    const out = only([...trace.events(0, 5)], 'stdout');
    expect((out[0].text as string).length).toBeLessThan(70_000);
    expect(out[0].text).toContain('more characters');
    let lines = 0;
    for (let i = 0; i < trace.size; i++) if (trace.kindName(i) === 'stdout') lines++;
    expect(lines).toBe(10 ** 6 + 1);
  });

  it("shows a value by what it holds, never running the program's repr, __iter__ or __str__", async () => {
    const events = await run(`
from collections import deque, namedtuple
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
ran = []
class Card:
    def __init__(self, rank):
        self.rank = rank
    def __repr__(self):
        ran.append('repr')
        return 'Card!'
class Hand(deque):
    def __iter__(self):
        ran.append('iter')
        return super().__iter__()
class Fold(Exception):
    def __str__(self):
        ran.append('str')
        return 'folded'
@dataclass
class Bet:
    card: Card
    chips: int
@dataclass(slots=True)
class Chip:
    value: int
Point = namedtuple('Point', 'x y')
class Suit(Enum):
    HEARTS = 1
def g():
    yield Card(1)
    yield [Card(2), {'bet': Bet(Card(3), 5)}]
    yield Hand([1, 2], maxlen=3)
    yield Point(1, 2)
    yield Chip(5)
    yield Fraction(1, 3)
    yield Suit.HEARTS
    yield Fold('no', 2)
    raise Fold('no')
try:
    for v in g():
        pass
except Fold:
    pass
print(ran)
`);
    expect(only(events, 'gen.yield').map((e) => e.value)).toEqual([
      'Card(rank=1)',
      "[Card(rank=2), {'bet': Bet(card=Card(...), chips=5)}]",
      'Hand([1, 2], maxlen=3)',
      'Point(x=1, y=2)',
      'Chip(value=5)',
      'Fraction(_numerator=1, _denominator=3)',
      '<Suit.HEARTS: 1>',
      "Fold('no', 2)",
    ]);
    expect(only(events, 'gen.raise').map((e) => `${e.exc}: ${e.message}`)).toEqual(['Fold: no']);
    expect(only(events, 'stdout').map((e) => e.text)).toEqual(['[]\n']);
  });

  it("asks an uncaught exception's __str__ once, as Python does to print its traceback", async () => {
    const source =
      "class Fold(Exception):\n    def __str__(self):\n        print('str ran')\n        return 'folded'\nraise Fold('no')\n";
    const { trace, summary } = await recordTrace({ source }, runner);
    expect(summary).toMatchObject({ status: 'error', message: 'Fold: folded' });
    const events = [...trace.events()];
    expect(only(events, 'stdout').map((e) => e.text)).toEqual(['str ran\n']);
    const [error] = only(events, 'error');
    expect(error.message).toBe('folded');
    expect(String(error.traceback)).toMatch(/Fold: folded\n$/);
  });

  it('does not let a broken __repr__ hurt the run', async () => {
    const events = await run(`
class Bad:
    def __repr__(self):
        raise RuntimeError('no')
class Huge:
    def __repr__(self):
        return 'h' * 10**6
def g():
    yield Bad()
    yield Huge()
for v in g():
    pass
`);
    const values = only(events, 'gen.yield').map((e) => e.value as string);
    expect(values[0]).toMatch(/Bad/);
    expect(values[1].length).toBeLessThan(300);
  });
});
