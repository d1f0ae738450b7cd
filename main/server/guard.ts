/**
 * Who may talk to the browser-mode server. It listens on the loopback interface only; on top of
 * that, a request must name our own host (no DNS rebinding), a WebSocket must come from our own
 * page's origin (no other web page the user has open), and must carry the random token that was
 * printed in the page URL (no other local user or program that merely finds the port).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

/** The Host header names this server: the loopback address or `localhost`, and our port. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host !== undefined && LOOPBACK_NAMES.some((name) => host.toLowerCase() === `${name}:${port}`);
}

/**
 * A browser always sends Origin with a WebSocket; it must be our page's. A client without one is not
 * a web page (a local tool or test) and is let through to the token check.
 */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return LOOPBACK_NAMES.some((name) => origin.toLowerCase() === `http://${name}:${port}`);
}
