/**
 * The one module that knows how the renderer reaches its host: the Electron preload's bridge when
 * there is one, else a WebSocket back to the `npm run serve` server that served this page.
 */
import type { SessionApi } from '../../core/session/protocol.ts';
import { overBridge, type BridgedSession } from '../../core/session/wire.ts';
import { socketApi, socketUrl, type SocketLike } from './socket.ts';
import { t } from '../i18n/locale.svelte.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge. */
    yieldscope?: BridgedSession;
  }
}

const lostListeners = new Set<(message: string) => void>();

/** Tells `listener` when the host can no longer be reached (browser mode: the server stopped). */
export function onConnectionLost(listener: (message: string) => void): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

function connect(): SessionApi {
  if (window.yieldscope) return overBridge(window.yieldscope);
  const socket = new WebSocket(socketUrl(window.location)) as unknown as SocketLike;
  return socketApi(
    socket,
    () => t('notices.connectionLost'),
    (message) => lostListeners.forEach((listener) => listener(message)),
  );
}

export const api: SessionApi = connect();

/** Desktop (preload bridge, with an application menu that owns its accelerators) or browser (WebSocket). */
export const desktop = Boolean(window.yieldscope);
