/**
 * The session API over Electron IPC: one invoke channel for requests (a wire frame in, a reply frame
 * out) and one channel for pushed events. Only our own page may call: the sender's frame URL is
 * checked on every request, before the frame is even decoded.
 */
import { decodeFrame, encodeFrame, WireError } from '../../core/session/wire.ts';
import { answerRequest, type SessionLike } from '../session/answer.ts';

export const CALL_CHANNEL = 'yieldscope:call';
export const EVENT_CHANNEL = 'yieldscope:event';

export interface InvokeEvent {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, data: unknown) => Promise<Uint8Array>): void;
  removeHandler(channel: string): void;
}

export class SenderRefused extends Error {}

/** Answers our page's requests; returns a function that stops answering. */
export function serveSessionOverIpc(
  ipcMain: IpcMainLike,
  session: SessionLike,
  isOwnPage: (url: string | undefined) => boolean,
): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, data) => {
    if (!isOwnPage(event.senderFrame?.url))
      throw new SenderRefused(`refused a request from ${event.senderFrame?.url ?? 'an unknown frame'}`);
    if (!(data instanceof Uint8Array)) throw new WireError('a request must be a binary frame');
    const frame = decodeFrame(data);
    if (frame.kind !== 'request') throw new WireError('only requests are accepted');
    return answerRequest(session, frame);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/** Forwards the session's events to the window while it lives. */
export function forwardEvents(
  session: SessionLike,
  send: (channel: string, frame: Uint8Array) => void,
): () => void {
  return session.listen((event) => send(EVENT_CHANNEL, encodeFrame({ kind: 'event', event })));
}
