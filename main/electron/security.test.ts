import { describe, expect, it } from 'vitest';
import {
  ownPages,
  guardContents,
  guardBrowserContext,
  windowOptions,
  type GuardedContents,
  type BrowserContext,
} from './security.ts';

describe('the window', () => {
  it('runs the page isolated, sandboxed, without Node, with web security', () => {
    const options = windowOptions('/app/out/preload/index.cjs', { width: 1200, height: 800 });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(options).toMatchObject({ width: 1200, height: 800, minWidth: 1024, minHeight: 640 });
  });
});

describe('own pages', () => {
  const isOwn = ownPages('file:///opt/Yieldscope/resources/app.asar/out/renderer/index.html');

  it('are the built renderer files only', () => {
    expect(isOwn('file:///opt/Yieldscope/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(isOwn('file:///opt/Yieldscope/resources/app.asar/out/renderer/assets/index-abc.js')).toBe(true);
    expect(isOwn('file:///opt/Yieldscope/resources/app.asar/out/renderer/../../secrets')).toBe(false);
    expect(isOwn('file:///etc/passwd')).toBe(false);
    expect(isOwn('file:///opt/Yieldscope/resources/app.asar/out/renderer-evil/index.html')).toBe(false);
    expect(isOwn('https://example.com/')).toBe(false);
    expect(isOwn(undefined)).toBe(false);
    expect(isOwn('not a url')).toBe(false);
  });

  it('are the dev server and its reload socket in development', () => {
    const dev = ownPages('http://localhost:5173/');
    expect(dev('http://localhost:5173/src/main.ts')).toBe(true);
    expect(dev('ws://localhost:5173/')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('http://localhost:5173.evil.example/')).toBe(false);
  });
});

/** Records what the guards register, so each handler can be called as Electron would. */
function recordingContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  let openHandler: (() => { action: string }) | null = null;
  const contents: GuardedContents = {
    on: (event: string, listener: (event: { preventDefault(): void }) => void) =>
      listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  return { contents, listeners, openWindow: () => openHandler!() };
}

describe('guardContents', () => {
  it('denies navigation, redirects, webviews and window.open', () => {
    const { contents, listeners, openWindow } = recordingContents();
    guardContents(contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
    expect(openWindow()).toEqual({ action: 'deny' });
  });
});

describe('guardBrowserContext', () => {
  function guarded() {
    const seen: Record<string, unknown> = {};
    const context: BrowserContext = {
      setPermissionRequestHandler: (h) => (seen.request = h),
      setPermissionCheckHandler: (h) => (seen.check = h),
      webRequest: {
        onBeforeRequest: (l) => (seen.before = l),
        onHeadersReceived: (l) => (seen.headers = l),
      },
    };
    guardBrowserContext(context, ownPages('file:///app/out/renderer/index.html'));
    return seen as {
      request: (c: unknown, p: string, grant: (g: boolean) => void) => void;
      check: () => boolean;
      before: (d: { url: string }, answer: (r: { cancel: boolean }) => void) => void;
      headers: (
        d: { url: string; responseHeaders?: Record<string, string[]> },
        answer: (r: { responseHeaders: Record<string, string[]> }) => void,
      ) => void;
    };
  }

  it('denies every permission request and check', () => {
    const { request, check } = guarded();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
    ]) {
      let granted: boolean | undefined;
      request({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(check()).toBe(false);
  });

  it('loads nothing remote', () => {
    const { before } = guarded();
    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      before({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(cancelled('file:///app/out/renderer/assets/app.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('https://cdn.jsdelivr.net/pyodide/pyodide.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
  });

  it('adds a strict Content-Security-Policy to every response', () => {
    const { headers } = guarded();
    let answer: Record<string, string[]> = {};
    headers(
      { url: 'file:///app/out/renderer/index.html', responseHeaders: { 'X-Other': ['kept'] } },
      (r) => (answer = r.responseHeaders),
    );
    expect(answer['X-Other']).toEqual(['kept']);
    const [policy] = answer['Content-Security-Policy'];
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*(unsafe|http)/);
    expect(policy).toContain("object-src 'none'");
  });
});
