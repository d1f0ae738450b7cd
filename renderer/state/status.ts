/** The toolbar's one-line run status, from the session's facts. */
import type { ReadyProgress, RunSummary } from '../api/types.ts';
import type { RunState } from '../../core/session/protocol.ts';

export interface StatusFacts {
  python: ReadyProgress;
  state: RunState | 'idle';
  origin: 'live' | 'file' | null;
  name: string;
  events: number;
  summary: RunSummary | null;
}

const count = (n: number) => `${n.toLocaleString('en')} event${n === 1 ? '' : 's'}`;

const ENDINGS: Record<RunSummary['status'], string> = {
  ok: 'Finished',
  error: 'Ended with an error',
  stopped: 'Stopped',
  timeout: 'Stopped at its time limit',
  limit: 'Stopped at its event limit',
  deadlock: 'Deadlocked',
};

export function statusText(facts: StatusFacts): string {
  const { python, state, origin, name, events, summary } = facts;
  if (state === 'idle') {
    if (python.phase !== 'ready') return `Python is loading… ${Math.round(python.fraction * 100)}%`;
    return 'Ready';
  }
  if (origin === 'file')
    return state === 'ended' ? `Opened ${name}: ${count(events)}` : `Opening ${name}… ${count(events)}`;
  if (state === 'running') return `Running: ${count(events)}`;
  if (state === 'paused') return `Paused: ${count(events)}`;
  const ending = summary ? ENDINGS[summary.status] : 'Ended';
  const time = summary
    ? ` in ${summary.wallMs < 1000 ? `${Math.round(summary.wallMs)} ms` : `${(summary.wallMs / 1000).toFixed(1)} s`}`
    : '';
  return `${ending}: ${count(summary?.events ?? events)}${time}`;
}
