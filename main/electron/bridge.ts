/**
 * The renderer's side of the IPC transport, run in the sandboxed preload: the session API as
 * `{ call, listen }`, and nothing else. Frames use the same wire codec as the WebSocket. `call`
 * answers with the reply, refusals included (see BridgedSession): the page throws them itself.
 */
import type { SessionEvent } from '../../core/session/protocol.ts';
import { decodeFrame, encodeFrame, type BridgedSession } from '../../core/session/wire.ts';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc.ts';

export interface IpcRendererLike {
  invoke(channel: string, data: Uint8Array): Promise<unknown>;
  on(channel: string, listener: (event: unknown, data: Uint8Array) => void): unknown;
}

export function sessionBridge(ipc: IpcRendererLike): BridgedSession {
  const listeners = new Set<(event: SessionEvent) => void>();
  ipc.on(EVENT_CHANNEL, (_event, data) => {
    // views, not copies: the context bridge copies what it hands to the page anyway
    const frame = decodeFrame(data, { views: true });
    if (frame.kind === 'event') for (const listener of listeners) listener(frame.event);
  });
  let nextId = 1;
  return {
    call: async (method, arg) => {
      const data = await ipc.invoke(
        CALL_CHANNEL,
        encodeFrame({ kind: 'request', id: nextId++, method, arg }),
      );
      const reply = decodeFrame(data as Uint8Array);
      if (reply.kind !== 'reply') throw new Error('the host answered with something other than a reply');
      return reply;
    },
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
