import { describe, expect, it } from 'vitest';
import type { Claim, LessonStep, Moment } from '../../core/session/lesson.ts';
import { TraceIndex } from './index.ts';
import { checkClaim, checkLesson, describeMoment, findMoment, stepMoments } from './lesson.ts';
import { dequeOp as op, traceFrom } from './testing.ts';

/** A producer filling a two-slot deque, yielding when it is full, with a `with` block and the virtual clock. */
const index = new TraceIndex(
  traceFrom([
    ['run.start', { obj: 0, python: '3.14', program: 'main.py', options: '{}' }],
    ['deque.create', { obj: 1, line: 1, maxlen: 2, items: '[]', name: 'buf' }],
    ['gen.create', { obj: 2, line: 3, name: 'prod', genkind: 'generator' }],
    ['gen.resume', { obj: 2, line: 3, by: 0, via: 'next', value: null }],
    ['line', { obj: 2, line: 5 }],
    ['deque.op', op('append', '1', null, 1)],
    ['line', { obj: 2, line: 5 }],
    ['deque.op', op('append', '2', null, 2)],
    ['gen.yield', { obj: 2, line: 6, value: "'full'" }], // 8
    ['stdout', { obj: 0, line: 8, text: 'hello\n' }],
    ['gen.resume', { obj: 2, line: 6, by: 0, via: 'next', value: null }],
    ['deque.op', op('popleft', null, '1', 1)],
    ['deque.op', op('append', '3', null, 2)], // 12
    ['gen.yield', { obj: 2, line: 6, value: "'full'" }],
    ['ctx.enter', { obj: 3, line: 9, name: 'timer', value: null }],
    ['clock', { now: 2.5 }],
    ['ctx.exit', { obj: 3, line: 9, exc: null, suppressed: false }], // 16
    ['gen.resume', { obj: 2, line: 6, by: 0, via: 'next', value: null }],
    ['gen.return', { obj: 2, line: 7, value: 'None' }],
    ['run.end', { obj: 0, status: 'ok', message: null }], // 19
  ]),
).update();

const event = (spec: Omit<Extract<Moment, { type: 'event' }>, 'type' | 'nth'>, nth = 1): Moment => ({
  type: 'event',
  nth,
  ...spec,
});

describe('the moment of a step', () => {
  it('is the first matching event after the previous step, or its nth', () => {
    expect(findMoment(index, event({ event: 'gen.yield', object: 'prod' }))).toBe(8);
    expect(findMoment(index, event({ event: 'gen.yield', object: 'prod' }), 8)).toBe(13);
    expect(findMoment(index, event({ event: 'gen.yield', object: 'prod' }, 2))).toBe(13);
    expect(findMoment(index, event({ event: 'gen.yield', object: 'prod' }, 3))).toBeNull();
    expect(findMoment(index, event({ event: 'gen.yield', object: 'consumer' }))).toBeNull();
  });

  it('matches fields by their values, objects by their names', () => {
    expect(
      findMoment(index, event({ event: 'deque.op', object: 'buf', fields: { op: 'popleft', value: '1' } })),
    ).toBe(11);
    expect(findMoment(index, event({ event: 'deque.op', fields: { len: 2 } }))).toBe(7);
    expect(findMoment(index, event({ event: 'gen.resume', fields: { by: 'main', via: 'next' } }), 3)).toBe(
      10,
    );
    expect(
      findMoment(index, event({ event: 'ctx.exit', object: 'timer', fields: { suppressed: false } })),
    ).toBe(16);
    expect(findMoment(index, event({ event: 'ctx.exit', fields: { exc: null } }))).toBe(16);
    expect(findMoment(index, event({ event: 'clock', fields: { now: 2.5 } }))).toBe(15);
    expect(findMoment(index, event({ event: 'gen.resume', object: 'prod', line: 6 }))).toBe(10);
    expect(findMoment(index, event({ event: 'gen.yield', line: 7 }))).toBeNull();
  });

  it('finds a line run by a lane, printed output, and the end of the run', () => {
    expect(findMoment(index, { type: 'line', line: 5, object: 'prod', nth: 2 })).toBe(6);
    expect(findMoment(index, { type: 'line', line: 5, object: 'main', nth: 1 })).toBeNull();
    expect(findMoment(index, { type: 'output', output: 'hell', nth: 1 })).toBe(9);
    expect(findMoment(index, { type: 'end' })).toBe(19);
  });

  it('finds a deque state when the deque enters it, not while it stays in it', () => {
    const full: Moment = { type: 'deque', deque: 'buf', full: true, nth: 1 };
    expect(findMoment(index, full)).toBe(7);
    expect(findMoment(index, full, 7)).toBe(12);
    expect(findMoment(index, { type: 'deque', deque: 'buf', len: 0, nth: 1 })).toBe(1);
    expect(findMoment(index, { type: 'deque', deque: 'buf', items: ['2'], nth: 1 })).toBe(11);
  });

  it('follows the steps in order, and none after one that never happens', () => {
    const step = (at: Moment): LessonStep => ({
      at,
      say: { en: '.', 'zh-TW': '。' },
      highlight: [],
      expect: [],
    });
    const yields = event({ event: 'gen.yield', object: 'prod' });
    expect(stepMoments(index, { steps: [step(yields), step(yields), step({ type: 'end' })] })).toEqual([
      8, 13, 19,
    ]);
    expect(
      stepMoments(index, { steps: [step(yields), step(yields), step(yields), step({ type: 'end' })] }),
    ).toEqual([8, 13, null, null]);
  });

  it('is said in words for messages', () => {
    expect(describeMoment(event({ event: 'deque.op', object: 'buf', fields: { op: 'append' } }, 2))).toBe(
      'deque.op of buf (op "append") (time 2)',
    );
    expect(describeMoment({ type: 'deque', deque: 'buf', len: 2, full: true, nth: 1 })).toBe(
      'deque buf holds 2 items and is full',
    );
  });
});

describe('the claims of a step', () => {
  const check = (claim: Claim, seq: number) => checkClaim(index, claim, seq);

  it('checks what a deque holds', () => {
    expect(
      check({ type: 'deque', deque: 'buf', len: 2, items: ['1', '2'], full: true, maxlen: 2 }, 7),
    ).toBeNull();
    expect(check({ type: 'deque', deque: 'buf', len: 2 }, 6)).toBe('deque buf holds 1 items [1] (maxlen 2)');
    expect(check({ type: 'deque', deque: 'buf', maxlen: null }, 6)).toBe('deque buf has maxlen 2, not None');
    expect(check({ type: 'deque', deque: 'other', len: 0 }, 6)).toBe('there is no deque named other yet');
  });

  it('checks who runs, and who runs next', () => {
    expect(check({ type: 'runs', runs: 'prod' }, 5)).toBeNull();
    expect(check({ type: 'runs', runs: 'prod' }, 9)).toBe('main runs, not prod');
    expect(check({ type: 'next', next: 'prod' }, 8)).toBeNull();
    expect(check({ type: 'next', next: 'main' }, 8)).toBe('prod runs next, not main');
    expect(check({ type: 'next', next: 'main' }, 5)).toBeNull();
  });

  it('checks the output so far, the states of generators and the open with blocks', () => {
    expect(check({ type: 'output', output: 'hello' }, 9)).toBeNull();
    expect(check({ type: 'output', output: 'hello' }, 8)).toBe('the output so far does not contain "hello"');
    expect(check({ type: 'generator', generator: 'prod', state: 'GEN_SUSPENDED' }, 9)).toBeNull();
    expect(check({ type: 'generator', generator: 'prod', state: 'GEN_CLOSED' }, 9)).toBe(
      'generator prod is GEN_SUSPENDED',
    );
    expect(check({ type: 'with', with: ['timer'] }, 15)).toBeNull();
    expect(check({ type: 'with', with: ['timer'] }, 16)).toBe('the open with blocks are []');
  });

  it('checks the virtual clock, counts, what never happens and how the run ended', () => {
    expect(check({ type: 'clock', clock: 0 }, 14)).toBeNull();
    expect(check({ type: 'clock', clock: 2.5 }, 15)).toBeNull();
    expect(check({ type: 'count', count: { event: 'gen.yield', object: 'prod' }, is: 1 }, 12)).toBeNull();
    expect(
      check({ type: 'count', count: { event: 'gen.yield', fields: { value: "'full'" } }, is: 1 }, 13),
    ).toBe(`gen.yield (value "'full'") happened 2 times by then`);
    expect(check({ type: 'never', never: { event: 'gen.raise' } }, 0)).toBeNull();
    expect(check({ type: 'never', never: { event: 'gen.return', object: 'prod' } }, 0)).toBe(
      'gen.return of prod happens, at event 18',
    );
    expect(check({ type: 'status', status: 'ok' }, 0)).toBeNull();
    expect(check({ type: 'status', status: 'error' }, 0)).toBe('the run ended with status ok');
  });
});

describe('claims about a chart of the output', () => {
  const timings = new TraceIndex(
    traceFrom([
      ['run.start', { obj: 0, python: '3.14', program: 'main.py', options: '{}' }],
      ['stdout', { obj: 0, line: 1, text: 'list N=1000: 2 us\n' }],
      ['stdout', { obj: 0, line: 1, text: 'list N=8000: 16 us\n' }],
      ['stdout', { obj: 0, line: 1, text: 'deque N=8000: 0.2 us\n' }],
    ]),
  ).update();
  const charts = {
    time: {
      title: { en: 'Time', 'zh-TW': '時間' },
      output: '^(?<series>\\w+) N=(?<x>\\d+): (?<y>[\\d.]+) us$',
      x: { en: 'N', 'zh-TW': 'N' },
      y: { en: 'µs', 'zh-TW': '微秒' },
    },
  };
  const check = (claim: Omit<Extract<Claim, { type: 'chart' }>, 'type' | 'chart'>, seq = 3) =>
    checkClaim(timings, { type: 'chart', chart: 'time', ...claim }, seq, charts);

  it('checks a point, or how many times another point it is', () => {
    expect(check({ series: 'list', x: 1000, y: 2 })).toBeNull();
    expect(check({ series: 'list', x: 1000, y: 3 })).toBe('list at 1000 is 2');
    expect(check({ series: 'list', x: 8000, atLeast: 4, than: { x: 1000 } })).toBeNull();
    expect(check({ series: 'list', x: 8000, atLeast: 10, than: { x: 1000 } })).toBe(
      'list at 8000 is 16, 8.00 times list at 1000 (2)',
    );
    expect(check({ series: 'deque', x: 8000, atMost: 0.1, than: { series: 'list', x: 8000 } })).toBeNull();
  });

  it('counts only the points printed by the moment', () => {
    expect(check({ series: 'deque', x: 8000, y: 0.2 }, 2)).toBe(
      'the chart has no point of deque at 8000 yet',
    );
    expect(checkClaim(timings, { type: 'chart', chart: 'size', series: '', x: 1, y: 1 }, 3, charts)).toBe(
      'the lesson has no chart size',
    );
  });
});

describe('a whole lesson against a run', () => {
  const say = { en: '.', 'zh-TW': '。' };

  it('passes when every claim and highlight holds at its moment', () => {
    const steps: LessonStep[] = [
      {
        at: { type: 'deque', deque: 'buf', full: true, nth: 1 },
        say,
        highlight: [
          { type: 'deque', deque: 'buf', slot: 1 },
          { type: 'lane', lane: 'prod' },
          { type: 'frame', frame: 'prod' },
          { type: 'variable', variable: 'item' },
          { type: 'line', line: 5 },
        ],
        expect: [{ type: 'runs', runs: 'prod' }],
      },
      {
        at: { type: 'end' },
        say,
        highlight: [{ type: 'lane', lane: 'main' }],
        expect: [{ type: 'status', status: 'ok' }],
      },
    ];
    expect(checkLesson(index, { steps, source: 'def prod():\n    item = 1\n' })).toEqual([]);
  });

  it('says which step drifted from the run, and how', () => {
    const steps: LessonStep[] = [
      {
        at: event({ event: 'gen.yield', object: 'prod' }),
        say,
        highlight: [
          { type: 'deque', deque: 'buf', slot: 2 },
          { type: 'with', with: 'timer' },
          { type: 'frame', frame: 'consume' },
          { type: 'variable', variable: 'total' },
        ],
        expect: [{ type: 'deque', deque: 'buf', len: 1 }],
      },
      { at: event({ event: 'gen.raise' }), say, highlight: [{ type: 'lane', lane: 'prod' }], expect: [] },
      { at: { type: 'end' }, say, highlight: [{ type: 'lane', lane: 'prod' }], expect: [] },
    ];
    expect(checkLesson(index, { steps, source: 'def prod():\n    pass\n' })).toEqual([
      {
        step: 1,
        message: 'it claims {"deque":"buf","len":1}, but deque buf holds 2 items [1, 2] (maxlen 2)',
      },
      {
        step: 1,
        message: 'it highlights {"deque":"buf","slot":2}, but deque buf has no slot 2 (it holds 2)',
      },
      { step: 1, message: 'it highlights {"with":"timer"}, but no with block named timer is open' },
      { step: 1, message: 'it highlights {"frame":"consume"}, but the program defines no function consume' },
      { step: 1, message: 'it highlights {"variable":"total"}, but the program has no variable total' },
      { step: 2, message: "its moment (gen.raise) never happens after step 1's" },
    ]);
  });
});
