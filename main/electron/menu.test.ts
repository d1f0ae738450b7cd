import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../core/session/protocol.ts';
import { menuTemplate, type MenuItem } from './menu.ts';

function flatten(items: MenuItem[]): MenuItem[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}

function build(recent: string[] = [], platform: NodeJS.Platform = 'linux') {
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
  });

  it('has zoom and full screen', () => {
    const { items } = build();
    const roles = Object.fromEntries(items.filter((i) => i.role).map((i) => [i.role, i.accelerator]));
    expect(roles).toMatchObject({
      zoomIn: 'CmdOrCtrl+=',
      zoomOut: 'CmdOrCtrl+-',
      resetZoom: 'CmdOrCtrl+0',
      togglefullscreen: 'F11',
    });
    expect(build([], 'darwin').items.find((i) => i.role === 'togglefullscreen')!.accelerator).toBe(
      'Ctrl+Cmd+F',
    );
    expect(build([], 'darwin').items[0].role).toBe('appMenu');
  });

  it('uses no accelerator twice', () => {
    const accelerators = build().items.flatMap((i) => (i.accelerator ? [i.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
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
