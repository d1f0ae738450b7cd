import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../core/session/lesson.ts';
import { ProblemError } from '../../core/session/problems.ts';
import { hostLanguage } from './language.ts';
import { filesFromArgv, outsideFiles } from './launch-files.ts';
import { menuTemplate, type MenuActions } from './menu.ts';
import { addRecent, loadRecent, RECENT_LIMIT, saveRecent } from './recent.ts';
import { loadWindowState, restoreBounds, saveWindowState } from './window-state.ts';

describe('files from the command line', () => {
  it('keeps programs and traces, made absolute, and skips Electron’s own arguments', () => {
    const argv = [
      '/usr/bin/yieldscope',
      '--no-sandbox',
      '.',
      'lesson.py',
      '/data/run.ystrace',
      'export.JSONL',
      'notes.txt',
      '--flag=x.py',
    ];
    expect(filesFromArgv(argv, '/home/me')).toEqual([
      { kind: 'program', path: '/home/me/lesson.py' },
      { kind: 'trace', path: '/data/run.ystrace' },
      { kind: 'trace', path: '/home/me/export.JSONL' },
    ]);
  });
});

describe('recent files', () => {
  it('puts the latest first, once, and keeps at most the limit', () => {
    let list: string[] = [];
    for (let i = 0; i < RECENT_LIMIT + 3; i++) list = addRecent(list, `/f${i}`);
    list = addRecent(list, '/f5');
    expect(list[0]).toBe('/f5');
    expect(list.length).toBe(RECENT_LIMIT);
    expect(new Set(list).size).toBe(RECENT_LIMIT);
  });

  it('survives a restart, and a damaged file reads as empty', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yieldscope-recent-'));
    await saveRecent(join(dir, 'recent.json'), ['/a.py', '/b.ystrace']);
    expect(await loadRecent(join(dir, 'recent.json'))).toEqual(['/a.py', '/b.ystrace']);
    await writeFile(join(dir, 'bad.json'), '{"not": "a list"}');
    expect(await loadRecent(join(dir, 'bad.json'))).toEqual([]);
    expect(await loadRecent(join(dir, 'missing.json'))).toEqual([]);
  });
});

const noActions: MenuActions = {
  command: () => undefined,
  openProgram: () => undefined,
  open: () => undefined,
  clearRecent: () => undefined,
};

describe('the language the page last told the host', () => {
  it('redraws the menu in it once per change, and opens in it next launch', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'yieldscope-language-')), 'language.json');
    const drawn: string[] = [];
    const fileMenu = (lang: Lang) => menuTemplate(noActions, [], 'linux', lang)[0].label!;
    const language = await hostLanguage(file, 'en', (lang) => drawn.push(fileMenu(lang)));
    expect(language.current).toBe('en');
    await language.hear('en');
    await language.hear('zh-TW');
    await language.hear('zh-TW');
    expect(drawn).toEqual(['檔案']);
    expect(language.current).toBe('zh-TW');
    const next = await hostLanguage(file, 'en', () => drawn.push('again'));
    expect(next.current).toBe('zh-TW');
    expect(drawn).toEqual(['檔案']);
  });

  it('starts in the system language when none was kept or the kept one is unknown', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yieldscope-language-'));
    await writeFile(join(dir, 'bad.json'), '{"lang": "fr"}');
    expect((await hostLanguage(join(dir, 'bad.json'), 'zh-TW', () => undefined)).current).toBe('zh-TW');
    expect((await hostLanguage(join(dir, 'missing.json'), 'en', () => undefined)).current).toBe('en');
  });
});

describe('window size and position', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };

  it('comes back where it was when that is still on a display', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yieldscope-window-'));
    const file = join(dir, 'window.json');
    await saveWindowState(file, { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true });
    const saved = await loadWindowState(file);
    expect(saved).toEqual({ bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true });
    expect(restoreBounds(saved, [display])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
  });

  it('keeps the size but lets the window be centred when its display is gone', () => {
    const offscreen = { bounds: { x: 3000, y: 0, width: 1200, height: 800 }, maximized: false };
    expect(restoreBounds(offscreen, [display])).toEqual({ width: 1200, height: 800 });
    expect(restoreBounds(null, [display])).toEqual({ width: 1440, height: 900 });
  });
});

describe('files handed over from outside the window', () => {
  function opener(failWith?: Error, lang: Lang = 'en') {
    const seen: string[] = [];
    const reach = async (what: string) => {
      seen.push(what);
      if (failWith) throw failWith;
    };
    const files = outsideFiles(
      { announceProgram: (path) => reach(`program ${path}`), openTraceAt: (path) => reach(`trace ${path}`) },
      {
        remember: (path) => seen.push(`remember ${path}`),
        showError: (title, message) => seen.push(`${title}: ${message}`),
        lang: () => lang,
      },
    );
    return { files, seen };
  }

  it('hands programs to the editor and opens traces, remembering each', async () => {
    const { files, seen } = opener();
    await files.openPath('/home/me/lesson.py');
    await files.open({ kind: 'trace', path: '/data/run.ystrace' });
    expect(seen).toEqual([
      'program /home/me/lesson.py',
      'remember /home/me/lesson.py',
      'trace /data/run.ystrace',
      'remember /data/run.ystrace',
    ]);
  });

  // The box's words and the session's reason are in the interface's language.
  it.each([
    [
      'en',
      'Cannot open the file',
      'Cannot open /home/me/gone.py: there is no such file.',
      'This file is neither a Python program (.py) nor a trace (.ystrace, .jsonl):',
    ],
    [
      'zh-TW',
      '無法開啟檔案',
      '無法開啟 /home/me/gone.py:沒有這個檔案。',
      '這個檔案既不是 Python 程式(.py),也不是追蹤(.ystrace、.jsonl):',
    ],
  ] as const)(
    'says why a file cannot be opened, and does not remember it (%s)',
    async (lang, title, why, neither) => {
      const gone = new ProblemError({
        key: 'cannotOpen',
        values: { path: '/home/me/gone.py', why: 'missing', detail: 'ENOENT' },
      });
      const { files, seen } = opener(gone, lang);
      await files.openPath('/home/me/gone.py');
      await files.openPath('/home/me/notes.txt');
      expect(seen).toEqual([
        'program /home/me/gone.py',
        `${title}: ${why}`,
        `${title}: ${neither}\n/home/me/notes.txt`,
      ]);
    },
  );
});
