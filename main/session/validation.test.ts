import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../core/session/lesson.ts';
import { RequestRefused, type SessionEvent } from '../../core/session/protocol.ts';
import { traceOf } from '../../core/trace/builder.ts';
import { encodeNative } from '../../core/trace/native.ts';
import { refusingEngine } from './refusing-engine.ts';
import { Session } from './session.ts';

/** Malformed requests must be refused before anything acts on them: none may reach the engine. */
async function guardedSession(withDialogs = false, onLanguage?: (lang: Lang) => void) {
  const folder = await mkdtemp(join(tmpdir(), 'yieldscope-validation-'));
  const engine = refusingEngine();
  const dialogs = { openTrace: async () => null, saveTrace: async () => null, openProgram: async () => null };
  const session = new Session({
    version: 'test',
    lessonsFolder: folder,
    dataFolder: folder,
    startEngine: () => engine,
    dialogs: withDialogs ? dialogs : undefined,
    onLanguage,
  });
  const events: SessionEvent[] = [];
  session.listen((e) => events.push(e));
  return { session, runs: engine.runs, events, folder };
}

const run = { source: 'print(1)', fileName: 'main.py' };

const malformed: [string, unknown, unknown][] = [
  ['unknown method', 'exec', run],
  ['prototype key as method', '__proto__', undefined],
  ['inherited key as method', 'toString', undefined],
  ['method not a string', 42, undefined],
  ['no method', undefined, undefined],
  ['argument to hello', 'hello', {}],
  ['argument to stop', 'stop', { force: true }],
  ['run without source', 'run', { fileName: 'main.py' }],
  ['source not a string', 'run', { ...run, source: 42 }],
  ['seed a string', 'run', { ...run, seed: '1' }],
  ['seed negative', 'run', { ...run, seed: -1 }],
  ['seed fractional', 'run', { ...run, seed: 1.5 }],
  ['switch interval zero', 'run', { ...run, switchInterval: 0 }],
  ['timeout too short', 'run', { ...run, timeoutMs: 5 }],
  ['unknown policy', 'run', { ...run, policy: 'fastest' }],
  ['extra key', 'run', { ...run, cwd: '/' }],
  ['prototype pollution key', 'run', JSON.parse('{"source":"","fileName":"a.py","__proto__":{"x":1}}')],
  ['oversized source', 'run', { ...run, source: 'x'.repeat(2_000_001) }],
  ['oversized file name', 'run', { ...run, fileName: 'a'.repeat(253) + '.py' }],
  ['folder in file name', 'run', { ...run, fileName: '../evil.py' }],
  ['absolute file name', 'run', { ...run, fileName: '/etc/evil.py' }],
  ['windows folder in file name', 'run', { ...run, fileName: 'C:\\evil.py' }],
  ['file name not .py', 'run', { ...run, fileName: 'main.sh' }],
  ['run argument an array', 'run', [run]],
  ['step to nowhere', 'step', { to: 'line' }],
  ['open trace bytes as a string', 'openTrace', { name: 'a.ystrace', bytes: 'AAAA' }],
  ['open trace bytes as an array', 'openTrace', { name: 'a.ystrace', bytes: [1, 2, 3] }],
  ['open trace two sources', 'openTrace', { name: 'a.ystrace', bytes: new Uint8Array(1), dialog: true }],
  ['open trace dialog false', 'openTrace', { dialog: false }],
  ['save trace unknown format', 'saveTrace', { format: 'pdf' }],
  ['save trace dialog a string', 'saveTrace', { format: 'native', dialog: 'yes' }],
  ['program id a number', 'run', { ...run, programId: 7 }],
  ['program id oversized', 'run', { ...run, programId: 'p'.repeat(65) }],
  ['save trace extra key', 'saveTrace', { format: 'native', mode: 0o777 }],
  ['open program no argument', 'openProgram', undefined],
  ['language unknown', 'language', { lang: 'fr' }],
  ['language in another spelling', 'language', { lang: 'zh-tw' }],
  ['language missing', 'language', {}],
  ['language extra key', 'language', { lang: 'en', menu: 'File' }],
];

describe('every malformed request is refused, never acted on', () => {
  it.each(malformed)('%s', async (_, method, arg) => {
    const { session, runs, events, folder } = await guardedSession(true);
    await expect(session.call(method, arg)).rejects.toBeInstanceOf(RequestRefused);
    expect(runs).toEqual([]);
    expect(events.filter((e) => e.type !== 'python')).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('tells the host no language it does not speak', async () => {
    const heard: Lang[] = [];
    const { session } = await guardedSession(true, (lang) => heard.push(lang));
    await expect(session.call('language', { lang: 'fr' })).rejects.toThrow(/bad language request: lang:/);
    expect(heard).toEqual([]);
  });

  it('names the problem in the refusal', async () => {
    const { session } = await guardedSession();
    await expect(session.call('run', { ...run, fileName: '../x.py' })).rejects.toThrow(
      /fileName: a file name ending in \.py, without folders/,
    );
    await expect(session.call('launch', undefined)).rejects.toThrow(/unknown request "launch"/);
    await expect(session.call('run', { ...run, source: 'x'.repeat(2_000_001) })).rejects.toThrow(
      'source: The program is longer than 2,000,000 characters, the most Yieldscope runs: move its data into a file of its folder and read it from there.',
    );
  });
});

/** A session holding a trace, so that a save has something to write. */
async function sessionWithTrace(withDialogs: boolean) {
  const guarded = await guardedSession(withDialogs);
  const trace = traceOf([{ seq: 0, t: 0, kind: 'stdout', obj: 0, text: 'hi' }]);
  await guarded.session.call('openTrace', { name: 'kept.ystrace', bytes: encodeNative(trace) });
  guarded.events.length = 0;
  return guarded;
}

describe("the interface's language", () => {
  it('reaches a desktop host, and is acknowledged by a browser host that has no menu', async () => {
    const heard: Lang[] = [];
    const desktop = await guardedSession(true, (lang) => heard.push(lang));
    await desktop.session.call('language', { lang: 'zh-TW' });
    await desktop.session.call('language', { lang: 'en' });
    expect(heard).toEqual(['zh-TW', 'en']);
    const browser = await guardedSession(false);
    await expect(browser.session.call('language', { lang: 'zh-TW' })).resolves.toBeUndefined();
    expect(browser.events.filter((e) => e.type !== 'python')).toEqual([]);
  });
});

describe('no renderer names a host file', () => {
  const written = '/tmp/yieldscope-should-not-exist.ystrace';
  // the forms the desktop host used to honour: a compromised page could read or overwrite any file
  const byPath: [string, unknown][] = [
    ['openTrace', { path: '/etc/passwd' }],
    ['saveTrace', { format: 'native', path: written }],
    ['openProgram', { path: '/etc/passwd.py' }],
  ];
  it.each(byPath)('refuses %s %j on the desktop and in the browser', async (method, arg) => {
    for (const withDialogs of [true, false]) {
      const { session, events } = await sessionWithTrace(withDialogs);
      await expect(session.call(method, arg)).rejects.toThrow(RequestRefused);
      expect(events.filter((e) => e.type !== 'python')).toEqual([]);
      expect(existsSync(written)).toBe(false);
    }
  });

  it('runs a program by an id only the host issued', async () => {
    const { session, runs } = await guardedSession(true);
    await expect(session.call('run', { ...run, programId: '/etc' })).rejects.toThrow(/open its file again/);
    expect(runs).toEqual([]);
  });

  it('has the browser edition ask for no dialog', async () => {
    for (const [method, arg] of [
      ['openTrace', { dialog: true }],
      ['openProgram', { dialog: true }],
      ['saveTrace', { format: 'native', dialog: true }],
    ] as const) {
      const { session, events } = await sessionWithTrace(false);
      await expect(session.call(method, arg)).rejects.toThrow(/no file dialogs/);
      expect(events.filter((e) => e.type !== 'python')).toEqual([]);
    }
  });
});
