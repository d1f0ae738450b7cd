import { describe, expect, it } from 'vitest';
import { problemText } from '../session/problems.ts';
import { limitProblem } from './run-limit.ts';

describe('limitProblem', () => {
  it('says the event limit with the number of events the run was allowed', () => {
    const problem = limitProblem(['events', 5_000_000]);
    expect(problem).toEqual({ key: 'eventLimit', values: { max: '5,000,000' } });
    expect(problemText('en', problem)).toBe(
      'The program produced more than 5,000,000 events (the event limit).',
    );
    expect(problemText('zh-TW', problem)).toBe('程式產生了超過 5,000,000 個事件(事件上限)。');
    expect(limitProblem(['events', 999]).values).toEqual({ max: '999' });
  });

  it('says the output limit in MB, from the characters the run was allowed to print', () => {
    const problem = limitProblem(['output', 32 * 1024 * 1024]);
    expect(problem).toEqual({ key: 'outputLimit', values: { mb: 32 } });
    expect(problemText('en', problem)).toBe(
      'The program printed more than 32 MB of output (the output limit).',
    );
  });
});
