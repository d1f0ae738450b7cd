/**
 * Run facts the renderer shows, named from the session protocol (the renderer's one contract with
 * its host) rather than imported from the engine.
 */
import type { Hello, Lesson, SessionEvent } from '../../core/session/protocol.ts';

export type ReadyProgress = Hello['python'];
export type RunSummary = NonNullable<Extract<SessionEvent, { type: 'state' }>['summary']>;
export type Policy = NonNullable<Lesson['run']['policy']>;
