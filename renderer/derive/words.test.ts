import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTraceFile } from '../../core/trace/open.ts';
import type { Trace } from '../../core/trace/trace.ts';
import type { Lang } from '../i18n/catalog.ts';
import { translate } from '../i18n/translate.ts';
import { TraceIndex } from './index.ts';
import { traceFrom } from './testing.ts';
import { eventInWords, sentencesOf } from './words.ts';

const trace = traceFrom([
  ['run.start', { obj: 0, python: '3.14', program: 'p.py', options: '{}' }],
  ['gen.create', { obj: 1, line: 9, name: 'consumer', genkind: 'generator' }],
  ['gen.resume', { obj: 1, line: 10, by: 0, via: 'next', value: null }],
  ['gen.yield', { obj: 1, line: 13, value: 'None' }],
  ['gen.resume', { obj: 1, line: 13, by: 0, via: 'send', value: "'go'" }],
  ['gen.create', { obj: 2, line: 3, name: 'producer', genkind: 'generator' }],
  ['gen.resume', { obj: 2, line: 3, by: 1, via: 'yield from', value: null }],
  ['gen.yield', { obj: 2, line: 12, value: "'full'" }],
  ['deque.create', { obj: 3, line: 1, maxlen: 3, items: '[]', name: 'buffer' }],
  ['deque.op', { obj: 3, line: 5, op: 'append', arg: '5', value: null, dropped: '[1]', len: 3 }],
  ['deque.op', { obj: 3, line: 6, op: 'popleft', arg: null, value: '2', dropped: null, len: 2 }],
  ['iter.create', { obj: 4, line: 7, of: '<Seq object>', how: '__getitem__', name: 'iterator' }],
  ['iter.stop', { obj: 4, line: 8, again: true }],
  ['stdout', { obj: 0, line: 8, text: 'got 5\n' }],
  ['gen.return', { obj: 1, line: 20, value: '3' }],
]);
const index = new TraceIndex(trace).update();
const en = (at: number) => {
  const { key, values } = eventInWords(index, at);
  return translate('en', key, values);
};
const zh = (at: number) => {
  const { key, values } = eventInWords(index, at);
  return translate('zh-TW', key, values);
};

describe('the event at the cursor, in words', () => {
  it('says who resumed whom, how, and where', () => {
    expect(en(2)).toBe('main calls next() → consumer starts, at line 10');
    expect(en(4)).toBe("main sent 'go' → consumer resumes at line 13");
    expect(en(6)).toBe('consumer delegates with yield from → producer starts, at line 3');
    expect(zh(4)).toBe("main 送出 'go' → consumer 在第 13 行恢復執行");
  });

  it('says what a generator gives up control with', () => {
    expect(en(7)).toBe("producer yields 'full' (suspended at line 12)");
    expect(en(14)).toBe('consumer returns 3: its caller sees StopIteration');
  });

  it('says what a deque did, and what its maxlen dropped from which end', () => {
    expect(en(9)).toBe('buffer dropped [1] from the left end (maxlen 3)');
    expect(en(10)).toBe('buffer.popleft() gave 2: 2 items left');
    expect(zh(9)).toBe('buffer 從左端丟掉 [1](maxlen 3)');
  });

  it('says how iteration went', () => {
    expect(en(11)).toBe('iter() fell back to __getitem__ for <Seq object>');
    expect(en(12)).toBe('StopIteration: iterator was already exhausted');
    expect(en(13)).toBe('main prints "got 5"');
  });
});

/** Every sentence the line says at each event of `kind`, in `lang`. */
function said(trace: Trace, lang: Lang, kind: string): string[] {
  const index = new TraceIndex(trace).update();
  const lines: string[] = [];
  for (let at = 0; at < trace.size; at++)
    if (trace.event(at).kind === kind)
      lines.push(
        sentencesOf(eventInWords(index, at))
          .map((w) => translate(lang, w.key, w.values))
          .join(''),
      );
  return lines;
}

describe("the scheduler's reasons, in the interface's language", () => {
  const scheduled = traceFrom([
    ['run.start', { obj: 0, python: '3.14', program: 'p.py', options: '{}' }],
    ['sched.spawn', { obj: 1, line: 1, name: 'producer', wraps: 'generator', target: 11, priority: 2 }],
    ['sched.pick', { obj: 1, reason: 'fifo: first in line (round robin)', policy: 'fifo', n: null }],
    ['sched.pick', { obj: 1, reason: 'random pick (seed 7)', policy: 'random', n: 7 }],
    ['sched.pick', { obj: 1, reason: 'priority 2: …', policy: 'priority', n: 2 }],
    ['sched.park', { obj: 1, line: 4, on: 'queue.put', detail: '…', until: null, what: 'jobs', amount: 3 }],
    [
      'sched.park',
      { obj: 1, line: 5, on: 'sleep', detail: 'sleep(0.5)', until: 1.5, what: null, amount: 0.5 },
    ],
    ['sched.park', { obj: 1, line: 6, on: 'cpu', detail: '…', until: null, what: 'gil', amount: null }],
    ['sched.park', { obj: 1, line: 7, on: 'work', detail: '…', until: 3, what: 'core', amount: 1 }],
    ['sched.wake', { obj: 1, reason: 'jobs has room', cause: 'room', what: 'jobs', at: null }],
    ['sched.wake', { obj: 1, reason: 'woke at t=1.5', cause: 'timer', what: null, at: 1.5 }],
    ['sched.wake', { obj: 1, reason: 'a core is free', cause: 'free', what: 'core', at: null }],
    [
      'sched.deadlock',
      {
        obj: 0,
        message: 'Deadlock: …',
        waiting: JSON.stringify([
          { task: 1, name: 'left', on: 'event', what: 'ping', amount: null, detail: 'ping is not set' },
          {
            task: 2,
            name: 'main',
            on: 'await task',
            what: 'left',
            amount: 9,
            detail: "task 'left' at line 9",
          },
        ]),
      },
    ],
  ]);

  it('says why a task was picked, by its policy', () => {
    expect(said(scheduled, 'en', 'sched.pick')).toEqual([
      'the scheduler picks producer: first in line (fifo: round robin)',
      'the scheduler picks producer: at random (seed 7)',
      'the scheduler picks producer: priority 2, the highest of the ready tasks (first in line among equals)',
    ]);
    expect(said(scheduled, 'zh-TW', 'sched.pick')).toEqual([
      '排程器選擇 producer:排在最前面的(fifo:輪流執行)',
      '排程器選擇 producer:隨機挑選(種子 7)',
      '排程器選擇 producer:優先權 2,就緒工作中最高的(相同時排在前面的優先)',
    ]);
  });

  it('says what a task waits on and why it is ready again', () => {
    expect(said(scheduled, 'en', 'sched.park')).toEqual([
      'producer waits: jobs is full (3 items)',
      'producer sleeps 0.5 s, until t = 1.5 s',
      'producer waits for the GIL',
      'producer computes 1 s on a core, until t = 3 s',
    ]);
    expect(said(scheduled, 'zh-TW', 'sched.park')).toEqual([
      'producer 等待:jobs 已滿(3 個項目)',
      'producer 睡眠 0.5 秒,到 t = 1.5 秒',
      'producer 等待 GIL',
      'producer 在一個核心上計算 1 秒,到 t = 3 秒',
    ]);
    expect(said(scheduled, 'en', 'sched.wake')).toEqual([
      'producer is ready again: jobs has room',
      'producer is ready again: its sleep ended at t = 1.5 s',
      'producer is ready again: a core is free',
    ]);
    expect(said(scheduled, 'zh-TW', 'sched.wake')).toEqual([
      'producer 再次就緒:jobs 有空位了',
      'producer 再次就緒:它在 t = 1.5 秒睡醒',
      'producer 再次就緒:一個核心空出來了',
    ]);
  });

  it('names each task a deadlock left waiting, and what it waits on', () => {
    expect(said(scheduled, 'en', 'sched.deadlock')).toEqual([
      'Deadlock: 2 tasks wait and none can run: left waits for ping to be set; main awaits task left',
    ]);
    expect(said(scheduled, 'zh-TW', 'sched.deadlock')).toEqual([
      '死結:2 個工作仍在等待,沒有一個能執行:left 等待 ping 被設定;main 等待(await)工作 left',
    ]);
  });

  // Recorded by Yieldscope's trace version 2, which had the reasons only as English sentences:
  // core/trace/fixtures/handoff.py, a producer, a consumer, a join and an event never set.
  it.each(['handoff-v2.ystrace', 'handoff-v2.jsonl'])(
    'quotes them as recorded in a version-2 trace (%s)',
    (name) => {
      const bytes = readFileSync(new URL(`../../core/trace/fixtures/${name}`, import.meta.url));
      const trace = readTraceFile(bytes, name);
      expect(said(trace, 'zh-TW', 'sched.park')[0]).toBe('producer 等待:queue.put jobs is full (1 items)');
      expect(said(trace, 'en', 'sched.wake')[0]).toBe('producer is ready again: jobs has room');
      expect(said(trace, 'en', 'sched.pick')[0]).toBe(
        'the scheduler picks producer: fifo: first in line (round robin)',
      );
      expect(said(trace, 'zh-TW', 'sched.deadlock')).toEqual([
        '死結:Deadlock: no task can run and none is sl…',
      ]);
    },
  );
});
