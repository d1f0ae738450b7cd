import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../core/session/protocol.ts';
import { encodeFrame, overBridge } from '../../core/session/wire.ts';
import { refusingEngine } from '../session/refusing-engine.ts';
import { Session } from '../session/session.ts';
import { sessionBridge } from './bridge.ts';
import { CALL_CHANNEL, forwardEvents, serveSessionOverIpc, type InvokeEvent } from './ipc.ts';
import { ownPages } from './security.ts';

const PAGE = 'file:///app/out/renderer/index.html';

/** Electron's two IPC ends, joined in memory: what main registers is what the preload reaches. */
async function wired(senderUrl: string | null = PAGE) {
  const folder = await mkdtemp(join(tmpdir(), 'yieldscope-ipc-'));
  await mkdir(join(folder, '01-hello'));
  await writeFile(join(folder, '01-hello', 'hello.py'), 'print("hi")\n');
  await writeFile(
    join(folder, '01-hello', 'lesson.yaml'),
    'title: { en: Hello, zh-TW: 你好 }\nintro: { en: Hi., zh-TW: 嗨。 }\n' +
      'steps: [{ at: { output: hi }, say: { en: It says hi., zh-TW: 它說嗨。 }, highlight: [{ line: 1 }] }]\n',
  );
  const engine = refusingEngine();
  const session = new Session({
    version: 'test',
    lessonsFolder: folder,
    dataFolder: folder,
    startEngine: () => engine,
  });
  const handlers = new Map<string, (event: InvokeEvent, data: unknown) => Promise<Uint8Array>>();
  const rendererListeners = new Map<string, (event: unknown, data: Uint8Array) => void>();
  const sender: InvokeEvent = { senderFrame: senderUrl === null ? null : { url: senderUrl } };
  const stop = serveSessionOverIpc(
    {
      handle: (channel, listener) => handlers.set(channel, listener),
      removeHandler: (channel) => handlers.delete(channel),
    },
    session,
    ownPages(PAGE),
  );
  forwardEvents(session, (channel, frame) => rendererListeners.get(channel)?.(null, frame));
  // the page's side of the bridge, as renderer/api/api.ts makes it
  const api = overBridge(
    sessionBridge({
      invoke: (channel, data) => handlers.get(channel)!(sender, data),
      on: (channel, listener) => rendererListeners.set(channel, listener),
    }),
  );
  return { api, session, engine, handlers, stop };
}

describe('the session over IPC', () => {
  it('answers our page through the preload bridge, and pushes events to it', async () => {
    const { api, session } = await wired();
    expect(await api.call('hello', undefined)).toMatchObject({ version: 'test', dialogs: false });
    expect(await api.call('listLessons', undefined)).toMatchObject({
      lessons: [{ id: 'hello', title: { en: 'Hello' } }],
      problems: [],
    });
    const events: SessionEvent[] = [];
    api.listen((e) => events.push(e));
    session.push({ type: 'command', command: 'run' });
    expect(events).toEqual([{ type: 'command', command: 'run' }]);
  });

  it('refuses a malformed request with the reason, and acts on nothing', async () => {
    const { api, engine } = await wired();
    await expect(api.call('run', { source: 'x', fileName: 'a/b.py' })).rejects.toThrow(
      /bad run request.*fileName/,
    );
    await expect(api.call('rm' as 'stop', undefined)).rejects.toThrow(/unknown request "rm"/);
    expect(engine.runs).toEqual([]);
  });

  it('refuses every request from a frame that is not our page', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', null]) {
      const { api } = await wired(url);
      await expect(api.call('hello', undefined)).rejects.toThrow(/refused a request from/);
    }
  });

  it('refuses what is not a request frame', async () => {
    const { handlers } = await wired();
    const handle = handlers.get(CALL_CHANNEL)!;
    const ours = { senderFrame: { url: PAGE } };
    await expect(handle(ours, 'hello')).rejects.toThrow(/binary frame/);
    await expect(handle(ours, Uint8Array.of(1, 2, 3))).rejects.toThrow(/not a Yieldscope frame/);
    await expect(handle(ours, encodeFrame({ kind: 'reply', id: 1, ok: true }))).rejects.toThrow(
      /only requests/,
    );
  });

  it('stops answering when unregistered', async () => {
    const { handlers, stop } = await wired();
    stop();
    expect(handlers.has(CALL_CHANNEL)).toBe(false);
  });
});
