import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { decodeFrame, encodeFrame, HostRefusal } from '../../core/session/wire.ts';
import { emptyBatch } from '../../core/trace/batch.ts';
import type { SessionEvent } from '../../core/session/protocol.ts';
import { translate } from '../i18n/translate.ts';
import { socketApi, socketUrl, type SocketLike } from './socket.ts';

let server: WebSocketServer | null = null;
afterEach(async () => {
  if (!server) return;
  for (const client of server.clients) client.terminate();
  await new Promise((closed) => server!.close(closed));
  server = null;
});

/** A loopback server that answers `hello` with a version, refuses everything else, and pushes one event on connect. */
async function startServer(): Promise<number> {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (ws) => {
    const batch = { ...emptyBatch(0, 0), strings: ['x'] };
    ws.send(encodeFrame({ kind: 'event', event: { type: 'batch', runId: 3, batch } }));
    ws.on('message', (data: Buffer) => {
      const frame = decodeFrame(new Uint8Array(data));
      if (frame.kind !== 'request') return;
      if (frame.method === 'hello')
        ws.send(encodeFrame({ kind: 'reply', id: frame.id, ok: true, value: { version: '9.9' } }));
      else
        ws.send(
          encodeFrame({ kind: 'reply', id: frame.id, ok: false, error: `bad ${frame.method} request` }),
        );
    });
  });
  await new Promise((ready) => server!.on('listening', ready));
  return (server.address() as { port: number }).port;
}

const lostText = () => translate('en', 'notices.connectionLost');

describe('socketApi', () => {
  it('matches replies to requests, passes refusals on, and delivers pushed events', async () => {
    const port = await startServer();
    const events: SessionEvent[] = [];
    const api = socketApi(new WebSocket(`ws://127.0.0.1:${port}`) as unknown as SocketLike, lostText);
    api.listen((event) => events.push(event));
    const [hello, refused] = await Promise.allSettled([
      api.call('hello', undefined),
      api.call('stop', undefined),
    ]);
    expect(hello).toEqual({ status: 'fulfilled', value: { version: '9.9' } });
    expect(refused.status).toBe('rejected');
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(HostRefusal);
    expect((refused as PromiseRejectedResult).reason.message).toBe('bad stop request');
    expect(events).toHaveLength(1);
    const event = events[0] as Extract<SessionEvent, { type: 'batch' }>;
    expect(event.batch.t).toBeInstanceOf(Float64Array);
    expect(event.batch.strings).toEqual(['x']);
  });

  it('fails pending and later requests with a clear message when the server goes away', async () => {
    const port = await startServer();
    const socket = new WebSocket(`ws://127.0.0.1:${port}`);
    const lost: string[] = [];
    const api = socketApi(socket as unknown as SocketLike, lostText, (message) => lost.push(message));
    await api.call('hello', undefined);
    server!.clients.forEach((c) => c.terminate());
    await new Promise((closed) => socket.once('close', closed));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBe(translate('en', 'notices.connectionLost'));
    await expect(api.call('hello', undefined)).rejects.toThrow(translate('en', 'notices.connectionLost'));
  });
});

describe('socketUrl', () => {
  it('points at /api on the same host with the page token', () => {
    expect(socketUrl({ host: '127.0.0.1:4173', protocol: 'http:', search: '?token=a+b/c' })).toBe(
      'ws://127.0.0.1:4173/api?token=a%20b%2Fc',
    );
    expect(socketUrl({ host: 'h', protocol: 'https:', search: '' })).toBe('wss://h/api?token=');
  });
});
