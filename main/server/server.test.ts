import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { connect as tcpConnect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Runner } from '../../core/run/runner.ts';
import { Trace } from '../../core/trace/trace.ts';
import { refusingEngine } from '../session/refusing-engine.ts';
import { Session } from '../session/session.ts';
import { startServer, type RunningServer } from './server.ts';
import { WebSocket } from 'ws';
import { connect, handshakeStatus } from './test-client.ts';

let server: RunningServer;
let engine: ReturnType<typeof refusingEngine>;

beforeEach(async () => {
  const folder = await mkdtemp(join(tmpdir(), 'yieldscope-server-'));
  await mkdir(join(folder, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(folder, 'renderer', 'index.html'), '<!doctype html><title>Yieldscope</title>');
  await writeFile(join(folder, 'renderer', 'assets', 'app.js'), 'export {};');
  await writeFile(join(folder, 'secret.txt'), 'outside the renderer');
  engine = refusingEngine();
  const session = new Session({
    version: 'test',
    lessonsFolder: folder,
    dataFolder: folder,
    startEngine: () => engine,
  });
  server = await startServer({ session, rendererFolder: join(folder, 'renderer') });
});
afterEach(() => server.close());

const base = () => `http://127.0.0.1:${server.port}`;
const api = (token = server.token) => `ws://127.0.0.1:${server.port}/api?token=${encodeURIComponent(token)}`;

describe('the browser-mode server', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[\w-]{32}$/);
  });

  it('listens on the loopback interface only', async () => {
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!outside) {
      console.log('no non-loopback IPv4 interface on this machine: only the loopback side is checked');
      return;
    }
    const refused = await new Promise<boolean>((resolve) => {
      const socket = tcpConnect(server.port, outside.address);
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('serves the renderer with cross-origin isolation and a strict policy', async () => {
    const res = await fetch(`${base()}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain(`ws://127.0.0.1:${server.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    const js = await fetch(`${base()}/assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00',
      '/assets/',
    ]) {
      const res = await fetch(`${base()}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('outside the renderer');
    }
  });

  it('answers only to its own host name and only GET and HEAD', async () => {
    const foreign = await new Promise<number>((resolve) => {
      const socket = tcpConnect(server.port, '127.0.0.1', () =>
        socket.write('GET / HTTP/1.1\r\nHost: attacker.example:80\r\nConnection: close\r\n\r\n'),
      );
      socket.once('data', (d) => resolve(Number(d.toString().split(' ')[1])));
    });
    expect(foreign).toBe(421);
    expect((await fetch(`${base()}/`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`http://localhost:${server.port}/`)).status).toBe(200);
  });

  it('refuses a WebSocket without the right token, or from another origin', async () => {
    expect(await handshakeStatus(`ws://127.0.0.1:${server.port}/api`)).toBe(403);
    expect(await handshakeStatus(api('wrong'))).toBe(403);
    expect(await handshakeStatus(api(server.token.slice(0, -1)))).toBe(403);
    expect(await handshakeStatus(api(), { Origin: 'http://evil.example' })).toBe(403);
    expect(await handshakeStatus(api(), { Origin: 'http://127.0.0.1:1' })).toBe(403);
    expect(await handshakeStatus(`ws://127.0.0.1:${server.port}/other?token=${server.token}`)).toBe(403);
    expect(await handshakeStatus(api(), { Origin: base() })).toBe(101);
  });

  it('answers requests over the socket and refuses malformed ones', async () => {
    const client = await connect(api(), { Origin: base() });
    const hello = (await client.call('hello')) as { version: string; dialogs: boolean };
    expect(hello).toMatchObject({ version: 'test', dialogs: false });
    await expect(client.call('run', { source: 'x', fileName: '../x.py' })).rejects.toThrow(/bad run request/);
    await expect(client.call('openTrace', { path: '/etc/passwd' })).rejects.toThrow(/bad openTrace request/);
    await expect(client.call('openTrace', { name: 'x.ystrace', bytes: Uint8Array.of(1, 2) })).rejects.toThrow(
      /x\.ystrace/,
    );
    expect(engine.runs).toEqual([]);
    client.close();
  });

  it('closes a connection that sends text instead of frames', async () => {
    const ws = new WebSocket(api());
    await new Promise((opened) => ws.once('open', opened));
    const code = await new Promise<number>((closed) => {
      ws.once('close', (c) => closed(c));
      ws.send('{"method":"run"}');
    });
    expect(code).toBe(1003);
  });
});

describe('a real run over the socket', () => {
  it('runs a program with the real core and streams its events to the page', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'yieldscope-server-run-'));
    const session = new Session({
      version: 'test',
      lessonsFolder: folder,
      dataFolder: folder,
      startEngine: (onProgress) => new Runner({ onProgress }),
    });
    const live = await startServer({ session, rendererFolder: folder });
    try {
      const client = await connect(`ws://127.0.0.1:${live.port}/api?token=${live.token}`, {
        Origin: `http://127.0.0.1:${live.port}`,
      });
      const { runId } = (await client.call('run', {
        source: 'for i in range(3):\n    print(i)\n',
        fileName: 'count.py',
      })) as {
        runId: number;
      };
      const end = await client.waitFor((e) => e.type === 'state' && e.runId === runId && e.state === 'ended');
      expect(end).toMatchObject({ summary: { status: 'ok' } });
      const batches = client.events.flatMap((e) =>
        e.type === 'batch' && e.runId === runId ? [e.batch] : [],
      );
      const trace = Trace.fromBatches(batches);
      expect(trace.size).toBe((end as { summary: { events: number } }).summary.events);
      expect(
        [...trace.events()]
          .filter((e) => e.kind === 'stdout')
          .map((e) => e.text)
          .join(''),
      ).toBe('0\n1\n2\n');
      const saved = (await client.call('saveTrace', { format: 'native' })) as {
        bytes: Uint8Array;
        fileName: string;
      };
      expect(saved.fileName).toBe('count.ystrace');
      const reopened = (await client.call('openTrace', { name: saved.fileName, bytes: saved.bytes })) as {
        events: number;
      };
      expect(reopened.events).toBe(trace.size);
      client.close();
    } finally {
      await live.close();
      await session.close();
    }
  });
});

describe('a misbehaving client', () => {
  it('is dropped without taking the server down', async () => {
    const ws = new WebSocket(api());
    await new Promise((opened) => ws.once('open', opened));
    const closed = new Promise((done) => ws.once('close', done));
    // A client frame without a mask breaks the WebSocket protocol: the server must drop this one connection.
    (ws as unknown as { _socket: { write(b: Buffer): void } })._socket.write(Buffer.from([0x82, 0x01, 0x00]));
    await closed;
    const client = await connect(api());
    expect(await client.call('hello')).toMatchObject({ version: 'test' });
    client.close();
  });
});
