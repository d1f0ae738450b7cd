/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions shape). Items that act on
 * the page send it a `command`; file items the main process does itself. The page's commands take
 * their accelerators from the one shortcut table (core/session/shortcuts.ts), so a key does the same
 * thing with or without the menu; the keys only the menu has are given here.
 */
import { basename } from 'node:path';
import type { MenuCommand } from '../../core/session/protocol.ts';
import { menuAccelerator } from '../../core/session/shortcuts.ts';

export interface MenuItem {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  enabled?: boolean;
  submenu?: MenuItem[];
  click?: () => void;
}

export interface MenuActions {
  /** Sends a command to the page. */
  command(command: MenuCommand): void;
  openProgram(): void;
  /** Opens a trace or a program named by path (recent files). */
  open(path: string): void;
  clearRecent(): void;
}

export function menuTemplate(
  actions: MenuActions,
  recent: readonly string[],
  platform: NodeJS.Platform,
): MenuItem[] {
  const send = (command: MenuCommand) => () => actions.command(command);
  /** An item that sends the page its command, with the command's keys. */
  const page = (label: string, command: MenuCommand): MenuItem => ({
    label,
    accelerator: menuAccelerator(command),
    click: send(command),
  });
  const separator: MenuItem = { type: 'separator' };
  const mac = platform === 'darwin';
  const recentItems: MenuItem[] = recent.length
    ? [
        ...recent.map((path) => ({ label: basename(path), click: () => actions.open(path) })),
        separator,
        { label: 'Clear Recent', click: actions.clearRecent },
      ]
    : [{ label: 'No Recent Files', enabled: false }];
  const template: MenuItem[] = [
    {
      label: 'File',
      submenu: [
        page('Open Trace…', 'open'),
        { label: 'Open Program…', accelerator: 'CmdOrCtrl+Shift+O', click: actions.openProgram },
        { label: 'Open Recent', submenu: recentItems },
        separator,
        page('Save Trace…', 'save'),
        { label: 'Export JSON Lines…', accelerator: 'CmdOrCtrl+Shift+E', click: send('export-jsonl') },
        { label: 'Export Chrome Trace…', accelerator: 'CmdOrCtrl+Alt+E', click: send('export-chrome') },
        ...(mac ? [] : [separator, { role: 'quit', accelerator: 'CmdOrCtrl+Q' }]),
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'Run',
      submenu: [
        page('Run', 'run'),
        page('Stop', 'stop'),
        page('Pause / Resume', 'pause-resume'),
        separator,
        page('Step', 'step'),
        page('Step to Next Switch', 'step-switch'),
        page('Step from the First Line', 'step-from-start'),
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        separator,
        { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
        page('Presentation Mode', 'presentation'),
      ],
    },
    { role: 'windowMenu' },
  ];
  return mac ? [{ role: 'appMenu' }, ...template] : template;
}
