import { afterEach, describe, expect, it, vi } from 'vitest';
import { Progress, RECORDING_LINE } from './progress.ts';

describe('Progress', () => {
  afterEach(() => void vi.useRealTimers());

  it('shows events so far on a terminal after a moment, then wipes itself', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const progress = new Progress({ isTTY: true, write: (s: string) => written.push(s) });
    progress.count(10);
    vi.advanceTimersByTime(300);
    expect(written).toEqual([]);
    progress.count(1_234_567);
    vi.advanceTimersByTime(300);
    expect(written.at(-1)).toContain('1,234,567 events');
    progress.stop();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('says once that the recording is under way when the stream is not a terminal', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const progress = new Progress({ isTTY: false, write: (s: string) => written.push(s) });
    vi.advanceTimersByTime(5000);
    expect(written).toEqual([]);
    progress.count(5);
    progress.count(5000);
    vi.advanceTimersByTime(5000);
    progress.stop();
    expect(written).toEqual([RECORDING_LINE]);
  });
});
