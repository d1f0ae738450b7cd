import { describe, expect, it } from 'vitest';
import { summaryLine } from './summary.ts';

describe('summaryLine', () => {
  it('says events, status, time, file and size on one line', () => {
    expect(
      summaryLine('p.py', { status: 'ok', events: 1234, wallMs: 420 }, 1234, '/tmp/p.ystrace', 12_345),
    ).toBe('p.py: 1,234 events, status ok, 0.42 s → /tmp/p.ystrace (12.3 KB)');
  });

  it('adds the first line of the reason for any other status', () => {
    const summary = {
      status: 'error' as const,
      events: 9,
      wallMs: 1500,
      message: 'ZeroDivisionError: division by zero\n  at line 3',
    };
    expect(summaryLine('p.py', summary, 9, 'p.jsonl', 2_500_000)).toBe(
      'p.py: 9 events, status error (ZeroDivisionError: division by zero), 1.50 s → p.jsonl (2.5 MB)',
    );
  });
});
