import { describe, expect, it } from 'vitest';
import { FIELD_COLUMNS, KIND_CODE, NULL_INT } from '../../core/trace/schema.ts';
import { Trace } from '../../core/trace/trace.ts';
import { describeProgramError, describeRunEnd, findProgramError, recordedProgram } from './problems.ts';
import type { RunSummary } from '../api/types.ts';

/** A trace of `line` events, with an `error` event at `errorAt` (line 7), built the way the recorder streams it. */
function traceWithError(size: number, errorAt: number | null): Trace {
  const f = new Int32Array(size * FIELD_COLUMNS).fill(NULL_INT);
  const kind = new Uint8Array(size).fill(KIND_CODE.line);
  const line = new Int32Array(size).fill(3);
  if (errorAt !== null) {
    kind[errorAt] = KIND_CODE.error;
    line[errorAt] = 7;
    f.set([0, 1, 2, 5], errorAt * FIELD_COLUMNS);
  }
  return Trace.fromBatches([
    {
      first: 0,
      count: size,
      t: new Float64Array(size),
      kind,
      obj: new Int32Array(size),
      line,
      f,
      stringBase: 0,
      strings: ['ZeroDivisionError', 'division by zero', 'Traceback ...'],
    },
  ]);
}

describe('findProgramError', () => {
  it('finds the error event with its line and message', () => {
    const error = findProgramError(traceWithError(10, 8));
    expect(error).toEqual({
      line: 7,
      exc: 'ZeroDivisionError',
      message: 'division by zero',
      traceback: 'Traceback ...',
    });
    expect(describeProgramError(error!, 'en')).toBe('Line 7: ZeroDivisionError: division by zero');
  });

  it('looks only at events from the given index on', () => {
    expect(findProgramError(traceWithError(10, 2), 5)).toBeNull();
    expect(findProgramError(traceWithError(10, null))).toBeNull();
  });
});

describe('describeRunEnd', () => {
  it('says nothing for a normal end and explains every early end', () => {
    expect(describeRunEnd({ status: 'ok', events: 5, wallMs: 1 }, 'en')).toBeNull();
    expect(describeRunEnd({ status: 'stopped', events: 12345, wallMs: 1, message: 'Stopped.' }, 'en')).toBe(
      'Run stopped after 12,345 events.',
    );
    expect(
      describeRunEnd(
        { status: 'limit', events: 1, wallMs: 1, message: 'Raise the limit to see more.' },
        'en',
      ),
    ).toBe('Run stopped: it reached its event limit. Raise the limit to see more.');
    expect(describeRunEnd({ status: 'timeout', events: 1, wallMs: 1 }, 'en')).toMatch(/time limit/);
    expect(describeRunEnd({ status: 'deadlock', events: 1, wallMs: 1 }, 'en')).toMatch(/deadlock/);
  });

  it("speaks Traditional Chinese, leaving Python's own words as Python prints them", () => {
    expect(describeRunEnd({ status: 'stopped', events: 3, wallMs: 1 }, 'zh-TW')).toBe(
      '執行在 3 個事件後停止。',
    );
    const error = { line: 7, exc: 'ZeroDivisionError', message: 'division by zero', traceback: '' };
    expect(describeProgramError(error, 'zh-TW')).toBe('第 7 行:ZeroDivisionError: division by zero');
  });

  it("says the host's reason in the language asked, from its problem, the English message aside", () => {
    const deadlock = {
      status: 'deadlock' as const,
      events: 9,
      wallMs: 1,
      message:
        "Deadlock: no task can run and none is sleeping, yet 1 task still waits: task 'a' waits on event (e is not set). Only another task could wake them, and every task left is waiting too.",
      problem: { key: 'deadlock' as const, values: { names: "'a'" } },
    };
    expect(describeRunEnd(deadlock, 'zh-TW')).toBe(
      "執行已停止:死結,每個任務都在等待,沒有任何任務能執行。 死結:沒有任務可以執行,也沒有任務在睡眠,但剩下的任務都在等待:'a'。只有另一個任務能喚醒它們。",
    );
    expect(describeRunEnd(deadlock, 'en')).toContain("yet every task left waits: 'a'.");
    const exited: RunSummary = {
      status: 'error',
      events: 2,
      wallMs: 1,
      message: 'The Python worker exited unexpectedly (code 1).',
      problem: { key: 'workerExited', values: { exitCode: '1' } },
    };
    expect(describeRunEnd(exited, 'zh-TW')).toBe('執行 Python 的背景程序意外結束了(代碼 1)。');
    const failed: RunSummary = {
      ...exited,
      problem: { key: 'runFailed', values: { detail: 'Python could not start: no memory' } },
    };
    expect(describeRunEnd(failed, 'zh-TW')).toBe('執行失敗:Python could not start: no memory');
    // a problem this page does not know (a newer host) falls back to the host's English
    const newer = { ...exited, problem: { key: 'fromTheFuture' } } as unknown as RunSummary;
    expect(describeRunEnd(newer, 'zh-TW')).toBe(exited.message);
    // the run's limits, whole in the language asked
    const timeout: RunSummary = {
      status: 'timeout',
      events: 4,
      wallMs: 1,
      message: 'The program ran longer than 2.0 s (the time limit).',
      problem: { key: 'timeLimit', values: { seconds: '2.0' } },
    };
    expect(describeRunEnd(timeout, 'zh-TW')).toBe(
      '執行已停止:達到時間上限。 程式執行超過 2.0 秒(時間上限)。',
    );
    const limit: RunSummary = {
      status: 'limit',
      events: 5_000_001,
      wallMs: 1,
      message: 'The program produced more than 5,000,000 events (the event limit).',
      problem: { key: 'eventLimit', values: { max: '5,000,000' } },
    };
    expect(describeRunEnd(limit, 'zh-TW')).toMatch(/ 程式產生了超過 5,000,000 個事件\(事件上限\)。$/);
    expect(describeRunEnd(limit, 'en')).toMatch(
      / The program produced more than 5,000,000 events \(the event limit\)\.$/,
    );
  });
});

describe('recordedProgram', () => {
  it("reads the program's file name from the run.start event", () => {
    const f = new Int32Array(FIELD_COLUMNS).fill(NULL_INT);
    f[1] = 0;
    const trace = Trace.fromBatches([
      {
        first: 0,
        count: 1,
        t: new Float64Array(1),
        kind: Uint8Array.of(KIND_CODE['run.start']),
        obj: new Int32Array(1),
        line: new Int32Array(1),
        f,
        stringBase: 0,
        strings: ['round_robin.py'],
      },
    ]);
    expect(recordedProgram(trace)).toBe('round_robin.py');
    expect(recordedProgram(traceWithError(3, null))).toBeNull();
    expect(recordedProgram(new Trace())).toBeNull();
  });
});
