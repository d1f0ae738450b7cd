/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions shape). Items that act on
 * the page send it a `command`; file items the main process does itself. Accelerators match the
 * page's own shortcuts (renderer/lib/shortcuts.ts), so a key does the same thing with or without the
 * menu.
 */
import { basename } from 'node:path';
import type { MenuCommand } from '../../core/session/protocol.ts';

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
        { label: 'Open Trace…', accelerator: 'CmdOrCtrl+O', click: send('open') },
        { label: 'Open Program…', accelerator: 'CmdOrCtrl+Shift+O', click: actions.openProgram },
        { label: 'Open Recent', submenu: recentItems },
        separator,
        { label: 'Save Trace…', accelerator: 'CmdOrCtrl+S', click: send('save') },
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
        { label: 'Run', accelerator: 'F5', click: send('run') },
        { label: 'Stop', accelerator: 'Shift+F5', click: send('stop') },
        { label: 'Pause / Resume', accelerator: 'F6', click: send('pause-resume') },
        separator,
        { label: 'Step', accelerator: 'F10', click: send('step') },
        { label: 'Step to Next Switch', accelerator: 'Shift+F10', click: send('step-switch') },
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
        { label: 'Presentation Mode', accelerator: 'F9', click: send('presentation') },
      ],
    },
    { role: 'windowMenu' },
  ];
  return mac ? [{ role: 'appMenu' }, ...template] : template;
}
