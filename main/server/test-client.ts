/** A minimal session client over `ws` for the server's tests: calls by id, collects pushed events. */
import { WebSocket } from 'ws';
import type { SessionEvent } from '../../core/session/protocol.ts';
import { decodeFrame, encodeFrame } from '../../core/session/wire.ts';

export interface TestClient {
  call(method: string, arg?: unknown): Promise<unknown>;
  events: SessionEvent[];
  /** Resolves with the first event (already received or still to come) that matches. */
  waitFor(match: (event: SessionEvent) => boolean): Promise<SessionEvent>;
  close(): void;
}

export async function connect(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
  const ws = new WebSocket(url, { headers });
  await new Promise((opened, failed) => {
    ws.once('open', opened);
    ws.once('error', failed);
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const events: SessionEvent[] = [];
  const waiting: { match(e: SessionEvent): boolean; resolve(e: SessionEvent): void }[] = [];
  ws.on('message', (data: Buffer) => {
    const frame = decodeFrame(new Uint8Array(data));
    if (frame.kind === 'reply') {
      const call = pending.get(frame.id)!;
      pending.delete(frame.id);
      if (frame.ok) call.resolve(frame.value);
      else call.reject(new Error(frame.error));
    } else if (frame.kind === 'event') {
      events.push(frame.event);
      for (const w of waiting.filter((w) => w.match(frame.event))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(frame.event);
      }
    }
  });
  let nextId = 1;
  return {
    events,
    call: (method, arg) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        ws.send(encodeFrame({ kind: 'request', id, method, arg }));
      }),
    waitFor: (match) => {
      const seen = events.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiting.push({ match, resolve }));
    },
    close: () => ws.close(),
  };
}

/** Tries to open a WebSocket; resolves with the HTTP status of the refusal, or 101 when it opened. */
export function handshakeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}
