/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions shape), in the language
 * of the interface. Items that act on the page send it a `command`; file items the main process does
 * itself. Every accelerator comes from the one shortcut table (core/session/shortcuts.ts), so a key
 * does the same thing with or without the menu and the page's help lists it; every label from the
 * texts the page's catalog holds too (core/session/desktop-texts.ts). Items with a role are labelled
 * all the same, since Electron's own labels for them are English only.
 */
import { basename } from 'node:path';
import { desktopText, type DesktopText } from '../../core/session/desktop-texts.ts';
import type { Lang } from '../../core/session/lesson.ts';
import type { MenuCommand } from '../../core/session/protocol.ts';
import { menuAccelerator, type Command } from '../../core/session/shortcuts.ts';

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
  lang: Lang,
): MenuItem[] {
  const text = (key: DesktopText) => desktopText(lang, key);
  /** An item of the table's command, with the command's keys. */
  const keyed = (key: DesktopText, command: Command, click?: () => void): MenuItem => ({
    label: text(key),
    accelerator: menuAccelerator(command),
    ...(click && { click }),
  });
  /** An item that sends the page its command. */
  const page = (key: DesktopText, command: MenuCommand) =>
    keyed(key, command, () => actions.command(command));
  /** An item Electron acts on by its role, with its keys when the table has them, else the role's own. */
  const role = (name: string, key: DesktopText, command?: Command): MenuItem => ({
    role: name,
    ...(command ? keyed(key, command) : { label: text(key) }),
  });
  const separator: MenuItem = { type: 'separator' };
  const mac = platform === 'darwin';
  const quit = role('quit', 'quit', 'quit');
  const recentItems: MenuItem[] = recent.length
    ? [
        ...recent.map((path) => ({ label: basename(path), click: () => actions.open(path) })),
        separator,
        { label: text('clearRecent'), click: actions.clearRecent },
      ]
    : [{ label: text('noRecent'), enabled: false }];
  const template: MenuItem[] = [
    {
      label: text('file'),
      submenu: [
        page('openTrace', 'open'),
        keyed('openProgram', 'open-program', actions.openProgram),
        { label: text('openRecent'), submenu: recentItems },
        separator,
        page('saveTrace', 'save'),
        page('exportJsonl', 'export-jsonl'),
        page('exportChrome', 'export-chrome'),
        ...(mac ? [] : [separator, quit]),
      ],
    },
    {
      label: text('edit'),
      submenu: [
        role('undo', 'undo'),
        role('redo', 'redo'),
        separator,
        role('cut', 'cut'),
        role('copy', 'copy'),
        role('paste', 'paste'),
        role('selectAll', 'selectAll'),
      ],
    },
    {
      label: text('run'),
      submenu: [
        page('run', 'run'),
        page('stop', 'stop'),
        page('pauseResume', 'pause-resume'),
        separator,
        page('step', 'step'),
        page('stepSwitch', 'step-switch'),
        page('stepFromStart', 'step-from-start'),
      ],
    },
    {
      label: text('view'),
      submenu: [
        // The desktop zooms the whole window on the keys that step the type size in a browser.
        role('zoomIn', 'zoomIn', 'font-larger'),
        role('zoomOut', 'zoomOut', 'font-smaller'),
        role('resetZoom', 'resetZoom', 'font-reset'),
        separator,
        // Full screen keeps its role's key, which differs by platform (F11; Ctrl+Cmd+F on macOS).
        role('togglefullscreen', 'fullScreen'),
        page('presentation', 'presentation'),
      ],
    },
    {
      ...role('windowMenu', 'window'),
      submenu: [role('minimize', 'minimize'), ...(mac ? [role('zoom', 'zoom')] : []), role('close', 'close')],
    },
  ];
  if (!mac) return template;
  const appMenu: MenuItem = {
    role: 'appMenu',
    submenu: [
      role('about', 'about'),
      separator,
      role('services', 'services'),
      separator,
      role('hide', 'hide'),
      role('hideOthers', 'hideOthers'),
      role('unhide', 'showAll'),
      separator,
      quit,
    ],
  };
  return [appMenu, ...template];
}
