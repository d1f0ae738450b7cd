import { describe, expect, it } from 'vitest';
import type { Policy } from '../run/types.ts';
import type { FieldValue } from './run-context.ts';
import { KINDS, type EventKind } from '../trace/schema.ts';
import type { WaitOn } from './reasons.ts';
import { Scheduler, SchedulerMisuse, type TaskBody } from './scheduler.ts';

interface Recorded {
  kind: EventKind;
  obj: number;
  [field: string]: FieldValue | undefined;
}

/** What a test task yields: give up control, sleep, wait on a key, or wake a key. */
type Step =
  | null
  | { sleep: number }
  | { work: number }
  | { park: string; on?: WaitOn }
  | { wakeAll: string }
  | { wakeOne: string };

function harness(policy: Policy = 'fifo', seed = 1) {
  const events: Recorded[] = [];
  let nextId = 1;
  const sched = new Scheduler(
    (kind, obj, _line, fields = []) => {
      const ev: Recorded = { kind, obj };
      KINDS[kind].fields.forEach(([name], i) => (ev[name] = fields[i] ?? null));
      events.push(ev);
    },
    () => nextId++,
    { policy, seed },
  );
  const log: string[] = [];
  /** A task written as a JS generator: each yield is one Step; `log` records what ran. */
  function spawn(
    name: string,
    steps: () => Generator<Step, string | void>,
    priority = 0,
    wraps = 'generator',
  ): number {
    const gen = steps();
    const body: TaskBody = {
      resume() {
        log.push(name);
        let r: IteratorResult<Step, string | void>;
        try {
          r = gen.next();
        } catch (e) {
          sched.finish(null, String(e));
          return;
        }
        if (r.done) return sched.finish(r.value ?? null, null);
        const step = r.value;
        if (step === null) return;
        if ('sleep' in step) sched.sleep(step.sleep, 0);
        else if ('work' in step) sched.work(step.work, 0);
        else if ('park' in step)
          sched.park({ on: step.on ?? 'event', what: step.park, amount: null }, step.park, 0);
        else if ('wakeAll' in step)
          sched.wakeAll(step.wakeAll, { cause: 'set', what: step.wakeAll, at: null });
        else sched.wakeOne(step.wakeOne, { cause: 'item', what: step.wakeOne, at: null });
      },
      release() {},
    };
    return sched.spawn(body, { name, wraps, target: 0, priority, line: 0 });
  }
  return { sched, events, log, spawn };
}

function* twice(): Generator<Step> {
  yield null;
  yield null;
}

describe('Scheduler policies', () => {
  const order = (policy: Policy, seed = 1) => {
    const h = harness(policy, seed);
    h.spawn('A', twice, 1);
    h.spawn('B', twice, 3);
    h.spawn('C', twice, 3);
    expect(h.sched.run()).toEqual({ kind: 'finished' });
    return h.log.join('');
  };

  it('fifo runs round robin', () => expect(order('fifo')).toBe('ABCABCABC'));
  it('lifo keeps running the most recently ready task', () => expect(order('lifo')).toBe('CCCBBBAAA'));
  it('priority runs the highest first, in arrival order among equals', () =>
    expect(order('priority')).toBe('BCBCBCAAA'));
  it('random is reproducible per seed and varies across seeds', () => {
    expect(order('random', 5)).toBe(order('random', 5));
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => order('random', s)));
    expect(orders.size).toBeGreaterThan(1);
    for (const o of orders) expect([...o].sort().join('')).toBe('AAABBBCCC');
  });

  it('says why it picks each task, as data and in English', () => {
    const firstPick = (policy: Policy, seed = 1) => {
      const h = harness(policy, seed);
      h.spawn('A', twice, 1);
      h.spawn('B', twice, 3);
      h.sched.run();
      const { reason, policy: recorded, n } = h.events.find((e) => e.kind === 'sched.pick')!;
      return { reason, policy: recorded, n };
    };
    expect(firstPick('fifo')).toEqual({
      reason: 'fifo: first in line (round robin)',
      policy: 'fifo',
      n: null,
    });
    expect(firstPick('lifo')).toEqual({ reason: 'lifo: most recently ready', policy: 'lifo', n: null });
    expect(firstPick('random', 7)).toEqual({ reason: 'random pick (seed 7)', policy: 'random', n: 7 });
    expect(firstPick('priority')).toEqual({
      reason: 'priority 3: highest among ready tasks, first in line among equals',
      policy: 'priority',
      n: 3,
    });
  });
});

describe('Scheduler', () => {
  it('records the ready queue as a deque named "ready queue"', () => {
    const h = harness();
    h.spawn('A', twice);
    h.sched.run();
    const create = h.events.find((e) => e.kind === 'deque.create');
    expect(create).toMatchObject({ name: 'ready queue', items: '[]', maxlen: null });
    const ops = h.events.filter((e) => e.kind === 'deque.op').map((e) => `${e.op} ${e.len}`);
    expect(ops).toEqual(['append 1', 'popleft 0', 'append 1', 'popleft 0', 'append 1', 'popleft 0']);
    expect(h.events.filter((e) => e.kind === 'sched.pick')).toHaveLength(3);
  });

  it('advances the virtual clock to the earliest sleeper when nothing is ready', () => {
    const h = harness();
    h.spawn('slow', function* () {
      yield { sleep: 3 };
    });
    h.spawn('fast', function* () {
      yield { sleep: 1 };
      yield { sleep: 1 };
    });
    h.sched.run();
    expect(h.log.join(' ')).toBe('slow fast fast fast slow');
    expect(h.events.filter((e) => e.kind === 'clock').map((e) => e.now)).toEqual([1, 2, 3]);
    expect(h.sched.clock.now).toBe(3);
  });

  it('parks and wakes tasks on a key', () => {
    const h = harness();
    h.spawn('waiter', function* () {
      yield { park: 'e' };
      return 'woken';
    });
    h.spawn('setter', function* () {
      yield { wakeAll: 'e' };
    });
    expect(h.sched.run()).toEqual({ kind: 'finished' });
    expect(h.events.find((e) => e.kind === 'sched.done' && e.result === 'woken')).toBeTruthy();
    expect(h.events.find((e) => e.kind === 'sched.wake')).toMatchObject({
      reason: 'e was set',
      cause: 'set',
      what: 'e',
      at: null,
    });
    expect(h.events.find((e) => e.kind === 'sched.park')).toMatchObject({
      on: 'event',
      detail: 'e is not set',
      what: 'e',
      amount: null,
    });
  });

  it('detects deadlock and names every waiting task and what it waits on', () => {
    const h = harness();
    h.spawn('A', function* () {
      yield { park: 'e2' };
      yield { wakeAll: 'e1' };
    });
    h.spawn('B', function* () {
      yield { park: 'e1' };
      yield { wakeAll: 'e2' };
    });
    const outcome = h.sched.run();
    expect(outcome.kind).toBe('deadlock');
    if (outcome.kind !== 'deadlock') return;
    expect(outcome.waiting.map((w) => `${w.name}:${w.detail}`)).toEqual([
      'A:e2 is not set',
      'B:e1 is not set',
    ]);
    const ev = h.events.find((e) => e.kind === 'sched.deadlock');
    expect(ev?.message).toMatch(
      /^Deadlock: no task.*'A' waits on event \(e2 is not set\).*'B' waits on event \(e1 is not set\)/,
    );
    expect(JSON.parse(String(ev?.waiting))).toEqual([
      { task: 1, name: 'A', on: 'event', what: 'e2', amount: null, detail: 'e2 is not set' },
      { task: 3, name: 'B', on: 'event', what: 'e1', amount: null, detail: 'e1 is not set' },
    ]);
  });

  it('ends a failing task and lets the others go on', () => {
    const h = harness();
    h.spawn('bad', function* () {
      yield null;
      throw new Error('boom');
    });
    h.spawn('good', function* () {
      yield null;
      yield null;
      return 'fine';
    });
    expect(h.sched.run()).toEqual({ kind: 'finished' });
    const done = h.events.filter((e) => e.kind === 'sched.done').map((e) => [e.result, e.exc]);
    expect(done).toEqual([
      [null, 'Error: boom'],
      ['fine', null],
    ]);
  });

  it('gives tasks with the same name distinct names', () => {
    const h = harness();
    h.spawn('w', twice);
    h.spawn('w', twice);
    h.sched.run();
    const names = h.events.filter((e) => e.kind === 'sched.spawn').map((e) => e.name);
    expect(names).toEqual(['w', 'w-2']);
  });

  it('refuses run() from inside a task', () => {
    const h = harness();
    const body: TaskBody = { resume: () => h.sched.run(), release() {} };
    h.sched.spawn(body, { name: 'inner', wraps: 'generator', target: 0, priority: 0, line: 0 });
    expect(() => h.sched.run()).toThrow(/inside task 'inner'/);
  });

  it('records the same events for the same program, policy and seed', () => {
    const record = () => {
      const h = harness('random', 42);
      for (const n of ['A', 'B', 'C', 'D'])
        h.spawn(n, function* () {
          yield null;
          yield { sleep: 1 };
          yield null;
        });
      h.sched.run();
      return h.events;
    };
    expect(record()).toEqual(record());
  });
});

describe('Scheduler.halt', () => {
  it('ends the loop after the running step, leaving the other tasks', () => {
    const h = harness();
    h.spawn('A', function* () {
      h.sched.halt();
      yield null;
    });
    h.spawn('B', twice);
    expect(h.sched.run()).toEqual({ kind: 'halted' });
    expect(h.log).toEqual(['A']);
    expect(h.sched.unfinished).toBe(2);
  });
});

describe('Scheduler.dispose', () => {
  it('releases the bodies of tasks left waiting', () => {
    const h = harness();
    const released: string[] = [];
    for (const name of ['A', 'B']) {
      const body: TaskBody = {
        resume: () => h.sched.park({ on: 'event', what: 'never', amount: null }, 'never', 0),
        release: () => released.push(name),
      };
      h.sched.spawn(body, { name, wraps: 'generator', target: 0, priority: 0, line: 0 });
    }
    expect(h.sched.run().kind).toBe('deadlock');
    h.sched.dispose();
    expect(released).toEqual(['A', 'B']);
  });
});

describe('computing on the virtual clock', () => {
  it('lets one task at a time compute on the GIL, first come first served', () => {
    const h = harness();
    const ends: Record<string, number> = {};
    for (const name of ['A', 'B', 'C'])
      h.spawn(name, function* () {
        yield { work: 1 };
        ends[name] = h.sched.clock.now;
      });
    expect(h.sched.run()).toEqual({ kind: 'finished' });
    expect(ends).toEqual({ A: 1, B: 2, C: 3 });
    const parks = h.events.filter((e) => e.kind === 'sched.park');
    expect(parks.map((e) => e.on)).toEqual(['work', 'cpu', 'cpu', 'work', 'work']);
    expect(parks[0]).toMatchObject({
      on: 'work',
      what: 'gil',
      amount: 1,
      until: 1,
      detail: 'work(1) on the GIL',
    });
    expect(parks[1]).toMatchObject({ on: 'cpu', what: 'gil', amount: null, detail: 'waits for the GIL' });
  });

  it('runs processes in parallel, one per core, and queues the rest', () => {
    const h = harness();
    h.sched.setCores(2);
    const ends: Record<string, number> = {};
    for (const name of ['A', 'B', 'C'])
      h.spawn(
        name,
        function* () {
          yield { work: 1 };
          ends[name] = h.sched.clock.now;
        },
        0,
        'process',
      );
    expect(h.sched.run()).toEqual({ kind: 'finished' });
    expect(ends).toEqual({ A: 1, B: 1, C: 2 });
    expect(h.events.find((e) => e.kind === 'sched.wake' && e.reason === 'a core is free')).toMatchObject({
      cause: 'free',
      what: 'core',
    });
  });

  it('lets sleepers wait at once while another task computes', () => {
    const h = harness();
    const ends: Record<string, number> = {};
    h.spawn('io', function* () {
      yield { sleep: 1 };
      ends.io = h.sched.clock.now;
    });
    h.spawn('cpu', function* () {
      yield { work: 1 };
      ends.cpu = h.sched.clock.now;
    });
    h.sched.run();
    expect(ends).toEqual({ io: 1, cpu: 1 });
  });

  it('refuses a number of cores that is not a whole number of at least 1', () => {
    const h = harness();
    expect(() => h.sched.setCores(0)).toThrow(SchedulerMisuse);
    expect(() => h.sched.setCores(1.5)).toThrow(/whole number of cores/);
  });
});
