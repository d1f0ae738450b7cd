/** The toolbar's one-line run status, from the session's facts. */
import type { ReadyProgress, RunSummary } from '../api/types.ts';
import type { RunState } from '../../core/session/protocol.ts';
import type { Lang, MessageKey } from '../i18n/catalog.ts';
import { translate, type Values } from '../i18n/translate.ts';

export interface StatusFacts {
  python: ReadyProgress;
  state: RunState | 'idle';
  origin: 'live' | 'file' | null;
  name: string;
  events: number;
  summary: RunSummary | null;
  /** The live program waits for a line of input. */
  waitingForInput?: boolean;
}

const ENDINGS: Record<RunSummary['status'], MessageKey> = {
  ok: 'status.endOk',
  error: 'status.endError',
  stopped: 'status.endStopped',
  timeout: 'status.endTimeout',
  limit: 'status.endLimit',
  deadlock: 'status.endDeadlock',
};

export function statusText(facts: StatusFacts, lang: Lang): string {
  const { python, state, origin, name, events, summary } = facts;
  const say = (key: MessageKey, values?: Values) => translate(lang, key, values);
  if (state === 'idle') {
    if (python.phase === 'failed') return say('status.pythonFailed');
    if (python.phase !== 'ready')
      return say('status.loading', { percent: Math.round(python.fraction * 100) });
    return say('status.ready');
  }
  if (origin === 'file') return say(state === 'ended' ? 'status.opened' : 'status.opening', { name, events });
  if (state === 'running')
    return say(facts.waitingForInput ? 'status.waiting' : 'status.running', { events });
  if (state === 'paused') return say('status.paused', { events });
  const ending = say(summary ? ENDINGS[summary.status] : 'status.endUnknown');
  if (!summary) return say('status.ended', { ending, events });
  const time =
    summary.wallMs < 1000
      ? say('status.ms', { ms: Math.round(summary.wallMs) })
      : say('status.seconds', { s: summary.wallMs / 1000 });
  return say('status.endedIn', { ending, events: summary.events, time });
}
