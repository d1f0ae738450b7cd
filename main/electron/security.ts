/**
 * The Electron security checklist, applied to our one window. Electron's objects are passed in (only
 * the methods used here), so every rule is tested without the Electron binary.
 */
import { contentSecurityPolicy } from '../csp.ts';

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export function windowOptions(preload: string, bounds: Bounds) {
  return {
    ...bounds,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Yieldscope',
    backgroundColor: '#1e1e1e',
    webPreferences: { ...WEB_PREFERENCES, preload },
  };
}

/**
 * Whether a URL is one of our own pages: the built renderer's files (the folder of its index.html),
 * or electron-vite's dev server (and its hot-reload socket).
 */
export function ownPages(rendererUrl: string): (url: string | undefined) => boolean {
  const base = new URL(rendererUrl);
  const prefixes =
    base.protocol === 'file:'
      ? [base.href.slice(0, base.href.lastIndexOf('/') + 1)]
      : [`${base.origin}/`, `${base.protocol === 'https:' ? 'wss' : 'ws'}://${base.host}/`];
  return (url) => {
    if (!url) return false;
    try {
      const parsed = new URL(url);
      return prefixes.some((prefix) => parsed.href.startsWith(prefix));
    } catch {
      return false;
    }
  };
}

interface Preventable {
  preventDefault(): void;
}

export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: Preventable) => void): unknown;
  on(event: 'will-redirect', listener: (event: Preventable) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/** The page never navigates away, never opens windows, never embeds a webview. */
export function guardContents(contents: GuardedContents): void {
  const refuse = (event: Preventable) => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

type HeaderMap = Record<string, string | string[]>;

/**
 * What guardBrowserContext needs of Electron's `Session`, which is Chromium's browser context (its
 * permissions and requests): not our session (main/session).
 */
export interface BrowserContext {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, grant: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, answer: (response: { cancel: boolean }) => void) => void,
    ): void;
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: HeaderMap },
        answer: (response: { responseHeaders: HeaderMap }) => void,
      ) => void,
    ): void;
  };
}

/** Schemes the browser itself uses for our page's own data (never the network). */
const LOCAL_SCHEMES = ['devtools:', 'data:', 'blob:', 'chrome-extension:'];

/**
 * No permission is ever granted; nothing is loaded but our own pages' files (no remote content);
 * every response carries our Content-Security-Policy.
 */
export function guardBrowserContext(context: BrowserContext, isOwnPage: (url: string) => boolean): void {
  context.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
  context.setPermissionCheckHandler(() => false);
  context.webRequest.onBeforeRequest((details, answer) => {
    const local = LOCAL_SCHEMES.some((scheme) => details.url.startsWith(scheme));
    answer({ cancel: !(local || isOwnPage(details.url)) });
  });
  const policy = contentSecurityPolicy();
  context.webRequest.onHeadersReceived((details, answer) => {
    answer({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}
