/**
 * The scheduler end to end: real Python programs in the recorder's worker (real Pyodide), their
 * traces read back event by event.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTrace } from '../run/record.ts';
import { Runner } from '../run/runner.ts';
import { probeUnderTest } from '../run/probe-under-test.ts';
import type { Policy, RunOptions, RunSummary } from '../run/types.ts';
import type { TraceEvent } from '../trace/schema.ts';

let runner: Runner;
beforeAll(async () => {
  runner = new Runner({ probe: probeUnderTest() });
  await runner.ready;
});
afterAll(() => runner.close());

interface Recording {
  events: TraceEvent[];
  summary: RunSummary;
  stdout: string;
  stderr: string;
}

async function record(source: string, options: Partial<RunOptions> = {}): Promise<Recording> {
  const { trace, summary } = await recordTrace({ source, ...options }, runner);
  const events = [...trace.events()];
  const text = (kind: string) =>
    events
      .filter((e) => e.kind === kind)
      .map((e) => e.text)
      .join('');
  return { events, summary, stdout: text('stdout'), stderr: text('stderr') };
}

async function recordOk(source: string, options: Partial<RunOptions> = {}): Promise<Recording> {
  const r = await record(source, options);
  if (r.summary.status !== 'ok')
    throw new Error(`run ended ${r.summary.status}: ${r.summary.message}\n${r.stderr}`);
  return r;
}

const only = (events: TraceEvent[], kind: string) => events.filter((e) => e.kind === kind);

/** Task id -> task name, from sched.spawn. */
function taskNames(events: TraceEvent[]): (obj: number | undefined) => string {
  const names = new Map(only(events, 'sched.spawn').map((e) => [e.obj, String(e.name)]));
  return (obj) => names.get(obj) ?? `?${obj}`;
}

const THREE_TASKS = `
from yieldscope import spawn, run

def task(name, steps):
    for i in range(steps):
        print(name, end='')
        yield

spawn(task, 'A', 2, name='A', priority=1)
spawn(task, 'B', 2, name='B', priority=3)
spawn(task, 'C', 2, name='C', priority=2)
run()
print()
`;

describe('policies', () => {
  const order = async (policy: Policy, seed = 1) =>
    (await recordOk(THREE_TASKS, { policy, seed })).stdout.trim();

  it('fifo runs round robin', async () => expect(await order('fifo')).toBe('ABCABC'));
  it('lifo keeps running the most recently ready task', async () =>
    expect(await order('lifo')).toBe('CCBBAA'));
  it('priority runs the highest priority first', async () => expect(await order('priority')).toBe('BBCCAA'));
  it('random is reproducible for a seed and differs across seeds', async () => {
    const first = await order('random', 3);
    expect(await order('random', 3)).toBe(first);
    const others = new Set([first]);
    for (const seed of [4, 5, 6, 7]) others.add(await order('random', seed));
    expect(others.size).toBeGreaterThan(1);
    for (const o of others) expect([...o].sort().join('')).toBe('AABBCC');
  });

  it('records the ready queue as a deque and every pick, resume via the scheduler', async () => {
    const { events } = await recordOk(THREE_TASKS);
    const queue = only(events, 'deque.create').find((e) => e.name === 'ready queue');
    expect(queue).toBeDefined();
    const ops = only(events, 'deque.op').filter((e) => e.obj === queue?.obj);
    expect(ops.slice(0, 4).map((e) => `${e.op} ${e.arg ?? e.value} ${e.len}`)).toEqual([
      "append 'A' 1",
      "append 'B' 2",
      "append 'C' 3",
      "popleft 'A' 2",
    ]);
    const name = taskNames(events);
    expect(
      only(events, 'sched.pick')
        .map((e) => name(e.obj))
        .join(''),
    ).toBe('ABCABCABC');
    const spawns = only(events, 'sched.spawn');
    const created = new Map(only(events, 'gen.create').map((e) => [e.obj, e.line]));
    expect(spawns.map((e) => created.get(e.target as number))).toEqual(spawns.map((e) => e.line));
    const resumes = only(events, 'gen.resume').filter((e) => spawns.some((s) => s.target === e.obj));
    expect(resumes).toHaveLength(9);
    expect(new Set(resumes.map((e) => e.via))).toEqual(new Set(['scheduler']));
  });
});

describe('virtual time', () => {
  it('wakes sleepers in order of their virtual wake time, with no real waiting', async () => {
    const { stdout, events } = await recordOk(`
from yieldscope import spawn, sleep

def sleeper(name, seconds):
    yield sleep(seconds)
    print(name, end=' ')

async def napper():
    await sleep(2.5)
    print('nap', end=' ')

spawn(sleeper, 'long', 1000)
spawn(sleeper, 'short', 1)
spawn(napper)
spawn(sleeper, 'mid', 10)
`);
    expect(stdout.trim()).toBe('short nap mid long');
    expect(only(events, 'clock').map((e) => e.now)).toEqual([1, 2.5, 10, 1000]);
    const parks = only(events, 'sched.park');
    expect(parks.map((e) => e.until)).toEqual([1000, 1, 2.5, 10]);
    expect(parks.every((e) => e.on === 'sleep')).toBe(true);
    // No real waiting: 1000 real seconds would fail the test by its timeout (vitest.config.ts).
  });
});

describe('queues, events and join', () => {
  it('parks the producer when the bounded queue is full and the consumer when it is empty', async () => {
    const { events, stdout } = await recordOk(`
from yieldscope import spawn, Queue

q = Queue(2, name='jobs')

def producer():
    for i in range(5):
        yield from q.put(i)

async def consumer():
    for _ in range(5):
        print(await q.get(), end='')

spawn(producer)
spawn(consumer)
`);
    expect(stdout).toBe('01234');
    const name = taskNames(events);
    const parks = only(events, 'sched.park').map((e) => `${name(e.obj)} ${e.on}`);
    expect(parks).toContain('producer queue.put');
    expect(parks).toContain('consumer queue.get');
    const jobs = only(events, 'deque.create').find((e) => e.name === 'jobs');
    expect(jobs?.maxlen).toBe(2);
    const lens = only(events, 'deque.op')
      .filter((e) => e.obj === jobs?.obj)
      .map((e) => e.len as number);
    expect(Math.max(...lens)).toBe(2);
    expect(only(events, 'sched.wake').map((e) => e.reason)).toContain('jobs has room');
  });

  it('join waits for a task and returns its result; results are readable after run()', async () => {
    const { stdout, events } = await recordOk(`
from yieldscope import spawn, join, run, sleep

def square(x):
    yield sleep(1)
    return x * x

def boss():
    a = spawn(square, 3)
    b = spawn(square, 4)
    total = (yield from join(a)) + (yield from join(b))
    return total

h = spawn(boss)
run()
print(h.result(), h.done(), h.exception())
`);
    expect(stdout.trim()).toBe('25 True None');
    const name = taskNames(events);
    expect(
      only(events, 'sched.park')
        .filter((e) => e.on === 'join')
        .map((e) => name(e.obj)),
    ).toEqual(['boss']);
    expect(only(events, 'sched.done').map((e) => `${name(e.obj)}=${e.result}`)).toEqual([
      'square=9',
      'square-2=16',
      'boss=25',
    ]);
  });

  it('ends a failing task, lets the others finish, and reports the unjoined failure at the end', async () => {
    const { stdout, stderr, events } = await recordOk(`
from yieldscope import spawn

def fragile():
    yield
    return 1 / 0

def sturdy():
    for i in range(3):
        yield
    print('sturdy done')

spawn(fragile)
spawn(sturdy)
`);
    expect(stdout).toBe('sturdy done\n');
    const name = taskNames(events);
    expect(only(events, 'sched.done').map((e) => `${name(e.obj)}:${e.exc ?? e.result}`)).toEqual([
      'fragile:ZeroDivisionError: division by zero',
      'sturdy:None',
    ]);
    expect(stderr).toMatch(/Task 'fragile' failed and no task joined it:[\s\S]*ZeroDivisionError/);
  });
});

describe('spawn', () => {
  it('takes bound methods as generator tasks and as threads, and refuses what is no task', async () => {
    const { stdout, events } = await recordOk(`
from yieldscope import spawn, run

class Counter:
    def __init__(self):
        self.n = 0
    def bump(self, k):
        for _ in range(k):
            self.n += 1
    def steps(self, k):
        for _ in range(k):
            self.n += 1
            yield

c = Counter()
spawn(c.bump, 10)
spawn(c.steps, 5)
run()
print(c.n)
try:
    spawn(42)
except TypeError as e:
    print(e)
`);
    expect(stdout).toBe(
      '15\nspawn() takes a generator, a coroutine, an async generator or a function, not int\n',
    );
    expect(only(events, 'sched.spawn').map((e) => `${e.name}/${e.wraps}`)).toEqual([
      'bump/thread',
      'steps/generator',
    ]);
  });
});

describe('deadlock', () => {
  it('names every waiting task and what it waits on, and ends the run', async () => {
    const { events, summary } = await record(`
from yieldscope import spawn, Event

ping = Event('ping')
pong = Event('pong')

def left():
    yield from ping.wait()
    pong.set()

def right():
    yield from pong.wait()
    ping.set()

spawn(left)
spawn(right)
`);
    const [deadlock] = only(events, 'sched.deadlock');
    expect(JSON.parse(String(deadlock.waiting))).toEqual([
      expect.objectContaining({ name: 'left', on: 'event', detail: 'ping is not set' }),
      expect.objectContaining({ name: 'right', on: 'event', detail: 'pong is not set' }),
    ]);
    expect(deadlock.message).toMatch(
      /^Deadlock: no task can run.*'left' waits on event \(ping is not set\).*'right'/,
    );
    expect(summary.status).toBe('deadlock');
    expect(summary.message).toMatch(/Deadlock: no task can run/);
  });

  it('raises Deadlock with its reason, which Python prints after the name once', async () => {
    const { stdout, events } = await record(`
from yieldscope import spawn, run, Deadlock, Event

never = Event('never')

def waiter():
    yield from never.wait()

spawn(waiter)
try:
    run()
except Deadlock as e:
    print(e)
spawn(waiter)
run()
`);
    expect(stdout).toMatch(
      /^no task can run and none is sleeping, yet 1 task still waits: task 'waiter' waits/,
    );
    const [error] = only(events, 'error');
    expect(error).toMatchObject({ exc: 'Deadlock', message: expect.stringMatching(/^no task can run/) });
    expect(error.traceback).toMatch(/\nyieldscope\.Deadlock: no task can run[^\n]*\n$/);
  });
});

describe('simulated threads', () => {
  const counting = (style: 'thread' | 'generator') => `
from yieldscope import spawn, run

counter = 0

def work():
    global counter
    for _ in range(20):
        x = counter
        counter = x + 1${style === 'generator' ? '\n        yield' : ''}

for _ in range(3):
    spawn(work)
run()
print(counter)
`;

  it('lose updates when preempted between read and write, for some seed', async () => {
    const totals: number[] = [];
    for (const seed of [1, 2, 3]) {
      const { stdout, events } = await recordOk(counting('thread'), {
        policy: 'random',
        seed,
        switchInterval: 3,
      });
      totals.push(Number(stdout));
      expect(only(events, 'sched.spawn').every((e) => e.wraps === 'thread')).toBe(true);
    }
    expect(Math.min(...totals)).toBeLessThan(60);
  });

  it('never lose updates as cooperative generators', async () => {
    for (const seed of [1, 2, 3]) {
      const { stdout } = await recordOk(counting('generator'), { policy: 'random', seed, switchInterval: 3 });
      expect(Number(stdout)).toBe(60);
    }
  });

  it('take the default switch interval and policy when a host passes them unset', async () => {
    const { stdout } = await recordOk(counting('thread'), {
      policy: undefined,
      seed: undefined,
      switchInterval: undefined,
    });
    expect(Number(stdout)).toBeGreaterThan(0);
  });

  it('record the lines of the thread as its own', async () => {
    const { events } = await recordOk(counting('thread'), { switchInterval: 2 });
    const threads = new Set(only(events, 'sched.spawn').map((e) => e.target));
    const threadLines = only(events, 'line').filter((e) => threads.has(e.obj));
    expect(new Set(threadLines.map((e) => e.line))).toEqual(new Set([8, 9, 10]));
  });
});

describe("the scheduler's reasons, as data", () => {
  it('records what each task waits on and why it is ready again, with the English sentence', async () => {
    const { events } = await record(
      readFileSync(new URL('../trace/fixtures/handoff.py', import.meta.url), 'utf8'),
    );
    const name = taskNames(events);
    const fields = (kind: 'sched.park' | 'sched.wake' | 'sched.pick', keys: string[]) =>
      only(events, kind).map((e) => [name(e.obj), ...keys.map((k) => e[k])]);
    expect(fields('sched.park', ['on', 'what', 'amount', 'detail'])).toEqual([
      ['producer', 'queue.put', 'jobs', 1, 'jobs is full (1 items)'],
      ['consumer', 'queue.get', 'jobs', null, 'jobs is empty'],
      ['waiter', 'event', 'ready', null, 'ready is not set'],
      ['boss', 'join', 'producer', null, "task 'producer' to finish"],
      ['producer', 'sleep', null, 0.5, 'sleep(0.5)'],
    ]);
    expect(fields('sched.wake', ['cause', 'what', 'at', 'reason'])).toEqual([
      ['producer', 'room', 'jobs', null, 'jobs has room'],
      ['consumer', 'item', 'jobs', null, 'jobs has an item'],
      ['producer', 'timer', null, 0.5, 'woke at t=0.5'],
      ['boss', 'finished', 'producer', null, "task 'producer' finished"],
    ]);
    expect(new Set(fields('sched.pick', ['policy', 'n', 'reason']).map(([, ...f]) => f.join()))).toEqual(
      new Set(['fifo,,fifo: first in line (round robin)']),
    );
    const [deadlock] = only(events, 'sched.deadlock');
    expect(JSON.parse(String(deadlock.waiting))).toEqual([
      {
        task: expect.any(Number),
        name: 'waiter',
        on: 'event',
        what: 'ready',
        amount: null,
        detail: 'ready is not set',
      },
    ]);
  });
});

describe('asyncio on the virtual clock', () => {
  it('runs gather + Queue + sleep, records each asyncio task, and takes no real time for virtual seconds', async () => {
    const { stdout, events } = await recordOk(`
import asyncio

async def producer(q):
    for i in range(3):
        await asyncio.sleep(60)
        await q.put(i)
    await q.put(None)

async def consumer(q, lock):
    got = []
    while (item := await q.get()) is not None:
        async with lock:
            got.append(item)
    return got

async def main():
    q = asyncio.Queue(maxsize=1)
    lock = asyncio.Lock()
    done, got = await asyncio.gather(producer(q), consumer(q, asyncio.Lock()))
    try:
        await asyncio.wait_for(asyncio.Event().wait(), timeout=30)
    except TimeoutError:
        print('timed out at', asyncio.get_running_loop().time())
    print(got)

asyncio.run(main())
`);
    expect(stdout).toBe('timed out at 210\n[0, 1, 2]\n');
    expect(only(events, 'clock').at(-1)?.now).toBe(210);
    const name = taskNames(events);
    const spawns = only(events, 'sched.spawn');
    expect(spawns.map((e) => `${e.name}/${e.wraps}`)).toEqual(
      expect.arrayContaining(['main/asyncio', 'producer/asyncio', 'consumer/asyncio']),
    );
    const picks = only(events, 'sched.pick').map((e) => name(e.obj));
    expect(picks.filter((n) => n === 'producer').length).toBeGreaterThan(3);
    expect(only(events, 'sched.done').map((e) => `${name(e.obj)}=${e.result}`)).toContain(
      'consumer=[0, 1, 2]',
    );
    // No real waiting: 210 real seconds would fail the test by its timeout (vitest.config.ts).
  });

  it('reports an asyncio program that waits forever as a deadlock', async () => {
    const { events, summary } = await record(`
import asyncio

async def main():
    await asyncio.Event().wait()

asyncio.run(main())
`);
    const [deadlock] = only(events, 'sched.deadlock');
    expect(JSON.parse(String(deadlock.waiting))).toEqual([
      expect.objectContaining({ name: 'main', on: 'await', what: 'Event.wait()', amount: 5 }),
    ]);
    expect(deadlock.message).toMatch(/task 'main' waits on await \(Event.wait\(\) at line 5\)/);
    expect(summary.status).toBe('deadlock');
    expect(summary.message).toMatch(/Deadlock: no task can run/);
  });
});

describe('async generators', () => {
  it('run inside coroutine tasks and as tasks of their own', async () => {
    const { stdout, events } = await recordOk(`
from yieldscope import spawn, sleep

async def ticks(n):
    for i in range(n):
        await sleep(1)
        yield i

async def reader():
    async for t in ticks(3):
        print('tick', t)

async def chatter():
    for word in ('a', 'b'):
        print(word)
        yield word

spawn(reader)
spawn(chatter())
`);
    expect(stdout).toBe('a\nb\ntick 0\ntick 1\ntick 2\n');
    const wraps = only(events, 'sched.spawn').map((e) => e.wraps);
    expect(wraps).toEqual(['coroutine', 'async generator']);
    expect(only(events, 'gen.create').map((e) => e.genkind)).toContain('async generator');
  });
});

describe('determinism', () => {
  it('records the same events, but for their times, in two runs with the same policy and seed', async () => {
    const program = `
from yieldscope import spawn, sleep, Queue
import asyncio

q = Queue(1)
def make(n):
    for i in range(n):
        yield from q.put(i)
        yield sleep(0.5)
def take(n):
    for _ in range(n):
        yield from q.get()
for i in range(4):
    spawn(make, 3)
    spawn(take, 3)
`;
    const strip = (r: Recording) => r.events.map(({ t: _t, ...rest }) => rest);
    const a = await recordOk(program, { policy: 'random', seed: 9 });
    const b = await recordOk(program, { policy: 'random', seed: 9 });
    expect(strip(b)).toEqual(strip(a));
    expect(a.events.length).toBeGreaterThan(100);
  });

  it('records the same events for an asyncio program run twice', async () => {
    const program = `
import asyncio

async def worker(name, q):
    while (item := await q.get()) is not None:
        await asyncio.sleep(item / 10)

async def main():
    q = asyncio.Queue(2)
    workers = [asyncio.create_task(worker(n, q)) for n in 'abc']
    for i in range(9):
        await q.put(i)
    for _ in workers:
        await q.put(None)
    await asyncio.gather(*workers)

asyncio.run(main())
`;
    const strip = (r: Recording) => r.events.map(({ t: _t, ...rest }) => rest);
    const a = await recordOk(program);
    expect(strip(await recordOk(program))).toEqual(strip(a));
    expect(only(a.events, 'sched.spawn')).toHaveLength(4);
  });
});

describe('computing and processes on the virtual clock', () => {
  it('lets threads wait at once, compute one at a time on the GIL, and processes compute in parallel', async () => {
    const { stdout } = await recordOk(`
import asyncio
from yieldscope import spawn, run, sleep, work, now

def wait():
    sleep(1)

def compute():
    work(1)

def generator():
    yield work(1)

async def blocking():
    work(1)

async def both():
    await asyncio.gather(blocking(), blocking())

for _ in range(3):
    spawn(wait)
run()
print(now())
for _ in range(3):
    spawn(compute)
run()
print(now())
for _ in range(3):
    spawn(compute, process=True)
run(cores=2)
print(now())
spawn(compute)
spawn(generator)
run()
print(now())
work(0.5)
print(now())
asyncio.run(both())
print(now())
`);
    // Sleeps overlap; threads take turns on the GIL; 3 processes on 2 cores take two rounds; a
    // generator's work takes the GIL too; outside tasks, work blocks everything.
    expect(stdout.split('\n').filter(Boolean).map(Number)).toEqual([1, 4, 6, 8, 8.5, 10.5]);
  });

  it('records work and waiting for the GIL or a core as the task parking, and a process as such', async () => {
    const { events } = await recordOk(`
from yieldscope import spawn, run, work
def compute():
    work(1)
spawn(compute, name='a', process=True)
spawn(compute, name='b', process=True)
run(cores=1)
`);
    const name = taskNames(events);
    expect(only(events, 'sched.spawn').map((e) => e.wraps)).toEqual(['process', 'process']);
    expect(only(events, 'sched.park').map((e) => [name(e.obj), e.on, e.detail])).toEqual([
      ['a', 'work', 'work(1) on a core'],
      ['b', 'cpu', 'waits for a core'],
      ['b', 'work', 'work(1) on a core'],
    ]);
    expect(only(events, 'sched.wake').map((e) => [name(e.obj), e.reason])).toContainEqual([
      'b',
      'a core is free',
    ]);
  });

  it('blocks a thread whose last line sleeps until the sleep is over', async () => {
    const { stdout } = await recordOk(`
from yieldscope import spawn, run, sleep, now
def nap():
    sleep(2)
t = spawn(nap)
run()
print(now(), t.done())
`);
    expect(stdout.trim()).toBe('2.0 True');
  });

  it('says what to do when a thread sleeps in a function it calls, or a process is no plain function', async () => {
    const nested = await record(`
from yieldscope import spawn, run, sleep
def helper():
    sleep(1)
def worker():
    helper()
spawn(worker)
run()
`);
    expect(nested.stderr).toContain(
      'sleep() blocks a thread or a process only when its own function calls it; here helper() calls it',
    );
    const generator = await record(`
from yieldscope import spawn
def gen():
    yield
spawn(gen, process=True)
`);
    expect(generator.summary.message).toContain('spawn(..., process=True) takes a plain function');
    const cores = await record('from yieldscope import run\nrun(cores=0)\n');
    expect(cores.summary.message).toContain('run(cores=...) takes a whole number of cores, 1 or more, not 0');
  });
});

describe('timing unrecorded', () => {
  it("times with Python's own deque, records nothing of what it times, and gives the program's deque back", async () => {
    const { stdout, events } = await recordOk(`
import collections
from collections import deque
from yieldscope import timeit

seen = []
seconds = timeit("d.appendleft(0); d.popleft()", "from collections import deque; d = deque(); seen.append(deque)",
                 globals={"seen": seen}, number=100, repeat=3)
print(seconds > 0, seen[0] is __import__("_collections").deque, len(seen), collections.deque is deque)
d = deque()
d.append(1)
`);
    expect(stdout.trim()).toBe('True True 3 True');
    expect(only(events, 'deque.create').map((e) => e.name)).toEqual(['d']);
    expect(only(events, 'deque.op')).toHaveLength(1);
  });
});
