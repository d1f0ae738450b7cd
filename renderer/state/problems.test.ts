import { describe, expect, it } from 'vitest';
import { FIELD_COLUMNS, KIND_CODE, NULL_INT } from '../../core/trace/schema.ts';
import { Trace } from '../../core/trace/trace.ts';
import { describeProgramError, describeRunEnd, findProgramError, recordedProgram } from './problems.ts';

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
