/**
 * A limit that ended a run, as the probe reports it (RunLimit in core/probe/ys_probe/protocol.py):
 * which limit, and the value it allows. The probe says it as data, never in words: the words are
 * the problem's, said in the user's language (core/session/problems.ts).
 */
import type { Problem } from '../session/problems.ts';

export type RunLimit =
  /** the most events a run records */
  | readonly [kind: 'events', max: number]
  /** the most characters a run prints (its output) */
  | readonly [kind: 'output', chars: number];

const MB = 1024 * 1024;

/** The limit as a problem; its English is the run's message, in run.end and the CLI. */
export function limitProblem(limit: RunLimit): Problem {
  switch (limit[0]) {
    case 'events':
      return { key: 'eventLimit', values: { max: limit[1].toLocaleString('en') } };
    case 'output':
      return { key: 'outputLimit', values: { mb: limit[1] / MB } };
  }
}
