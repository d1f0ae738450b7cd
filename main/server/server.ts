/**
 * The browser edition's host: one HTTP server on 127.0.0.1 that serves the built renderer with the
 * headers cross-origin isolation needs, and carries the session API over a WebSocket at `/api`.
 * Every connected page shares the one session, and sees its events.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeFrame, encodeFrame, type Frame } from '../../core/session/wire.ts';
import { answerRequest, type SessionLike } from '../session/answer.ts';
import { contentSecurityPolicy } from '../csp.ts';
import { isOwnHost, isOwnOrigin, newToken, tokenMatches } from './guard.ts';
import { readStaticFile } from './static.ts';

export interface ServerOptions {
  session: SessionLike;
  /** The built renderer (out/renderer). */
  rendererFolder: string;
  /** 0 or absent: a free port. */
  port?: number;
  token?: string;
}

export interface RunningServer {
  /** The page to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const API_PATH = '/api';
/** A trace file sent as bytes may be up to 512 MiB (the protocol's limit), plus the frame around it. */
const MAX_MESSAGE_BYTES = 513 * 1024 * 1024;

export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]),
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const http = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  await new Promise<void>((resolve, reject) => {
    http.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${options.port} is already in use: choose another with --port.`)
          : error,
      ),
    );
    http.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (http.address() as { port: number }).port;
  const headers = securityHeaders(port);

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    void serveFile(req, res, options.rendererFolder, port);
  });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const allowed =
      url.pathname === API_PATH &&
      isOwnHost(req.headers.host, port) &&
      isOwnOrigin(req.headers.origin, port) &&
      tokenMatches(url.searchParams.get('token'), token);
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSession(ws, options.session));
  });

  const unlisten = options.session.listen((event) => {
    const frame = encodeFrame({ kind: 'event', event });
    for (const ws of sockets.clients) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unlisten();
      for (const ws of sockets.clients) ws.terminate();
      await new Promise((closed) => sockets.close(closed));
      http.closeAllConnections();
      await new Promise((closed) => http.close(closed));
    },
  };
}

async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  port: number,
): Promise<void> {
  if (!isOwnHost(req.headers.host, port)) {
    res.writeHead(421, { 'Content-Type': 'text/plain' }).end('This server answers only at 127.0.0.1.');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method not allowed.');
    return;
  }
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  const file = await readStaticFile(root, pathname);
  if (!file) {
    const hint = pathname === '/' ? ' The renderer is not built: run `npm run build`.' : '';
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found.${hint}`);
    return;
  }
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.body.length,
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/** Answers one page's requests: each binary frame is a request, answered by a reply frame with its id. */
function serveSession(ws: WebSocket, session: SessionLike): void {
  // A protocol violation ends only this connection (ws closes it); unheard, the error would end the server.
  ws.on('error', (error) => console.error(`yieldscope serve: dropped a connection: ${error.message}`));
  ws.on('message', async (data: Buffer, isBinary: boolean) => {
    if (!isBinary) {
      ws.close(1003, 'binary frames only');
      return;
    }
    let frame: Frame;
    try {
      frame = decodeFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      ws.close(1007, (error as Error).message.slice(0, 120));
      return;
    }
    if (frame.kind !== 'request') {
      ws.close(1008, 'only requests are accepted');
      return;
    }
    const reply = await answerRequest(session, frame);
    if (ws.readyState === ws.OPEN) ws.send(reply);
  });
}
