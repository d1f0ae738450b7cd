/**
 * What both transports do with a request frame: ask the session, and turn its answer or its refusal
 * into a reply frame. A failure travels back as the error's message (and its problem, so the page can
 * say it in the user's language), never as a dropped request.
 */
import { problemOf } from '../../core/session/problems.ts';
import type { SessionEvent } from '../../core/session/protocol.ts';
import { encodeFrame, type Frame } from '../../core/session/wire.ts';

/** The part of a Session a transport needs. */
export interface SessionLike {
  call(method: unknown, arg: unknown): Promise<unknown>;
  listen(listener: (event: SessionEvent) => void): () => void;
}

export type RequestFrame = Extract<Frame, { kind: 'request' }>;

export async function answerRequest(session: SessionLike, frame: RequestFrame): Promise<Uint8Array> {
  let reply: Frame;
  try {
    reply = { kind: 'reply', id: frame.id, ok: true, value: await session.call(frame.method, frame.arg) };
  } catch (error) {
    reply = {
      kind: 'reply',
      id: frame.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      problem: problemOf(error),
    };
  }
  return encodeFrame(reply);
}
