/**
 * The session API over a WebSocket (browser mode): requests and replies matched by id, pushed events
 * fanned out to listeners, every message one binary frame of the shared wire codec.
 */
import type { Args, Method, Replies, SessionApi, SessionEvent } from '../../core/session/protocol.ts';
import { decodeFrame, encodeFrame, HostRefusal, replyValue, type Frame } from '../../core/session/wire.ts';

/** What the client needs of a WebSocket: the browser's, or `ws`'s in tests. */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

const OPEN = 1;

/** The WebSocket address of the API for a page served by `npm run serve`: same host, the page's token. */
export function socketUrl(location: { host: string; protocol: string; search: string }): string {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api?token=${encodeURIComponent(token)}`;
}

/**
 * `onLost` hears, once, that the server went away, so the page can say so before the next request
 * fails; `lostText` says so in the interface's language.
 */
export function socketApi(
  socket: SocketLike,
  lostText: () => string,
  onLost: (message: string) => void = () => undefined,
): SessionApi {
  socket.binaryType = 'arraybuffer';
  const listeners = new Set<(event: SessionEvent) => void>();
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const unsent: Uint8Array[] = [];
  let nextId = 1;
  let closed = false;

  socket.onopen = () => {
    for (const frame of unsent.splice(0)) socket.send(frame);
  };
  socket.onclose = () => {
    closed = true;
    const lost = lostText();
    onLost(lost);
    for (const { reject } of pending.values()) reject(new HostRefusal(lost));
    pending.clear();
  };
  socket.onmessage = ({ data }) => {
    if (!(data instanceof ArrayBuffer || data instanceof Uint8Array)) return;
    let frame: Frame;
    try {
      // views, not copies: a batch's columns are read once, into the trace
      frame = decodeFrame(data, { views: true });
    } catch (error) {
      console.error('dropped a malformed frame from the server:', error);
      return;
    }
    if (frame.kind === 'event') for (const listener of listeners) listener(frame.event);
    else if (frame.kind === 'reply') {
      const waiter = pending.get(frame.id);
      pending.delete(frame.id);
      if (!waiter) return;
      try {
        waiter.resolve(replyValue(frame));
      } catch (refusal) {
        waiter.reject(refusal as HostRefusal);
      }
    }
  };

  return {
    call<M extends Method>(method: M, arg: Args<M>): Promise<Replies[M]> {
      if (closed) return Promise.reject(new HostRefusal(lostText()));
      const id = nextId++;
      const frame = encodeFrame({ kind: 'request', id, method, arg });
      return new Promise<Replies[M]>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        if (socket.readyState === OPEN) socket.send(frame);
        else unsent.push(frame);
      });
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
