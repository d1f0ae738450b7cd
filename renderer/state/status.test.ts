import { describe, expect, it } from 'vitest';
import { statusText, type StatusFacts } from './status.ts';

const facts = (over: Partial<StatusFacts>): StatusFacts => ({
  python: { phase: 'ready', fraction: 1 },
  state: 'idle',
  origin: null,
  name: '',
  events: 0,
  summary: null,
  ...over,
});

describe('statusText', () => {
  it('tells how far Python has loaded before the first run', () => {
    expect(statusText(facts({ python: { phase: 'loading-python', fraction: 0.427 } }), 'en')).toBe(
      'Python is loading… 43%',
    );
    expect(statusText(facts({}), 'en')).toBe('Ready');
  });

  it('says when Python could not start, in both languages', () => {
    const python = { phase: 'failed', fraction: 0, problem: { key: 'pythonDidNotStart' } } as const;
    expect(statusText(facts({ python }), 'en')).toBe('Python could not start');
    expect(statusText(facts({ python }), 'zh-TW')).toBe('Python 無法啟動');
  });

  it('counts events of a live run and says how it ended', () => {
    expect(statusText(facts({ state: 'running', origin: 'live', events: 1 }), 'en')).toBe('Running: 1 event');
    expect(
      statusText(facts({ state: 'running', origin: 'live', events: 3, waitingForInput: true }), 'en'),
    ).toBe('Waiting for input: 3 events');
    expect(statusText(facts({ state: 'paused', origin: 'live', events: 1200 }), 'en')).toBe(
      'Paused: 1,200 events',
    );
    expect(
      statusText(
        facts({
          state: 'ended',
          origin: 'live',
          events: 9,
          summary: { status: 'ok', events: 10, wallMs: 1530 },
        }),
        'en',
      ),
    ).toBe('Finished: 10 events in 1.5 s');
    expect(
      statusText(
        facts({ state: 'ended', origin: 'live', summary: { status: 'stopped', events: 3, wallMs: 12.4 } }),
        'en',
      ),
    ).toBe('Stopped: 3 events in 12 ms');
  });

  it('names an opened trace', () => {
    expect(statusText(facts({ state: 'ended', origin: 'file', name: 'a.ystrace', events: 5 }), 'en')).toBe(
      'Opened a.ystrace: 5 events',
    );
  });

  it('speaks Traditional Chinese', () => {
    expect(statusText(facts({ state: 'paused', origin: 'live', events: 1200 }), 'zh-TW')).toBe(
      '已暫停:1,200 個事件',
    );
    const ended = facts({
      state: 'ended',
      origin: 'live',
      summary: { status: 'ok', events: 10, wallMs: 1530 },
    });
    expect(statusText(ended, 'zh-TW')).toBe('已完成:10 個事件,耗時 1.5 秒');
  });
});
