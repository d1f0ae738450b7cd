import { describe, expect, it } from 'vitest';
import { desktop } from '../../core/session/desktop-texts.ts';
import type { Lang } from '../../core/session/lesson.ts';
import type { MenuCommand } from '../../core/session/protocol.ts';
import { menuAccelerator, SHORTCUTS } from '../../core/session/shortcuts.ts';
import { menuTemplate, type MenuItem } from './menu.ts';

function flatten(items: MenuItem[]): MenuItem[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}

function build(recent: string[] = [], platform: NodeJS.Platform = 'linux', lang: Lang = 'en') {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  let programs = 0;
  let cleared = 0;
  const items = flatten(
    menuTemplate(
      {
        command: (c) => sent.push(c),
        open: (p) => opened.push(p),
        openProgram: () => programs++,
        clearRecent: () => cleared++,
      },
      recent,
      platform,
      lang,
    ),
  );
  const item = (label: string) => items.find((i) => i.label === label && !i.submenu)!;
  return { items, item, sent, opened, programs: () => programs, cleared: () => cleared };
}

describe('the application menu', () => {
  it('has the usual accelerators, and each sends its command to the page', () => {
    const { item, sent } = build();
    const expected: [string, string, MenuCommand][] = [
      ['Open Trace…', 'CmdOrCtrl+O', 'open'],
      ['Save Trace…', 'CmdOrCtrl+S', 'save'],
      ['Export JSON Lines…', 'CmdOrCtrl+Shift+E', 'export-jsonl'],
      ['Export Chrome Trace…', 'CmdOrCtrl+Alt+E', 'export-chrome'],
      ['Run', 'F5', 'run'],
      ['Stop', 'Shift+F5', 'stop'],
      ['Pause / Resume', 'F6', 'pause-resume'],
      ['Step', 'F10', 'step'],
      ['Step to Next Switch', 'Shift+F10', 'step-switch'],
      ['Step from the First Line', 'CmdOrCtrl+Shift+F5', 'step-from-start'],
      ['Presentation Mode', 'F9', 'presentation'],
    ];
    for (const [label, accelerator, command] of expected) {
      expect(item(label).accelerator, label).toBe(accelerator);
      item(label).click!();
      expect(sent.at(-1), label).toBe(command);
    }
    expect(item('Open Program…').accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(item('Quit Yieldscope')).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
  });

  it('has zoom on the keys that step the type size, and full screen on its platform’s key', () => {
    const { items } = build();
    const roles = Object.fromEntries(items.filter((i) => i.role).map((i) => [i.role, i.accelerator]));
    expect(roles).toMatchObject({
      zoomIn: 'CmdOrCtrl+=',
      zoomOut: 'CmdOrCtrl+-',
      resetZoom: 'CmdOrCtrl+0',
    });
    // Electron gives the role F11, or Ctrl+Cmd+F on macOS, when the item names no key.
    expect(roles.togglefullscreen).toBeUndefined();
    const mac = build([], 'darwin');
    expect(mac.items[0].role).toBe('appMenu');
    expect(mac.items.filter((i) => i.role === 'quit')).toEqual([
      expect.objectContaining({ accelerator: 'CmdOrCtrl+Q' }),
    ]);
  });

  it('takes every key from the shortcut table, and uses no accelerator twice', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const accelerators = build([], platform).items.flatMap((i) => (i.accelerator ? [i.accelerator] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
      const fromTable = new Set(SHORTCUTS.map((s) => menuAccelerator(s.command)));
      for (const accelerator of accelerators) expect(fromTable, accelerator).toContain(accelerator);
    }
  });

  it('lists recent files and opens them', () => {
    const { item, opened, cleared, programs } = build(['/home/a/run.ystrace', '/home/a/prog.py']);
    item('run.ystrace').click!();
    item('prog.py').click!();
    expect(opened).toEqual(['/home/a/run.ystrace', '/home/a/prog.py']);
    item('Clear Recent').click!();
    expect(cleared()).toBe(1);
    item('Open Program…').click!();
    expect(programs()).toBe(1);
    expect(build().item('No Recent Files').enabled).toBe(false);
  });
});

describe('the application menu in Traditional Chinese', () => {
  const zh = new Map(Object.entries(desktop).map(([key, text]) => [text['zh-TW'], key]));
  const english = new Set(Object.values(desktop).map((text) => text.en));

  it.each(['linux', 'win32', 'darwin'] as const)(
    'labels every item from the shared texts (%s)',
    (platform) => {
      const { items } = build([], platform, 'zh-TW');
      for (const item of items) {
        // The separator has no words; macOS names the app menu after the app.
        if (item.type === 'separator' || item.role === 'appMenu') continue;
        expect(item.label, JSON.stringify(item)).toBeDefined();
        expect(zh.has(item.label!), item.label).toBe(true);
        expect(english.has(item.label!), item.label).toBe(false);
      }
    },
  );

  it('uses the words of the interface', () => {
    const { item, sent } = build(['/home/a/run.ystrace'], 'linux', 'zh-TW');
    expect(item('開啟追蹤…').accelerator).toBe('CmdOrCtrl+O');
    expect(item('開啟程式…').accelerator).toBe('CmdOrCtrl+Shift+O');
    item('匯出 Chrome 追蹤…').click!();
    expect(sent).toEqual(['export-chrome']);
    expect(item('清除最近使用的檔案')).toBeDefined();
    // A file's name is the file's, in any language.
    expect(item('run.ystrace')).toBeDefined();
  });

  it('is rebuilt in the other language with the same items, keys and commands', () => {
    const shape = (lang: Lang) =>
      build(['/a/b.py'], 'linux', lang).items.map((i) => [i.role, i.type, i.accelerator, i.enabled]);
    const labels = (lang: Lang) => build([], 'linux', lang).items.flatMap((i) => (i.label ? [i.label] : []));
    expect(shape('zh-TW')).toEqual(shape('en'));
    expect(labels('zh-TW')).toEqual(labels('en').map((en) => (english.has(en) ? expect.any(String) : en)));
    expect(labels('zh-TW').filter((label, i) => label === labels('en')[i])).toEqual([]);
  });
});
