/**
 * The app's keyboard shortcuts: one table, read by the page's key handler, by its help, and by the
 * desktop menu for its accelerators, so a key does the same thing with or without the menu and the
 * help says what the keys do.
 */
import type { MenuCommand } from './protocol.ts';

/**
 * Beside the commands the desktop menu sends the page: the page's own (run to the editor's line, the
 * cursor going to the next time it runs; the panel in focus maximised; the type size, which the
 * desktop's View menu zooms instead), opening a program (the desktop's menu asks the host's dialog,
 * the browser's page its file picker), and quitting, which only the desktop app does.
 */
export type Command =
  | MenuCommand
  | 'help'
  | 'run-to-line'
  | 'maximise'
  | 'font-larger'
  | 'font-smaller'
  | 'font-reset'
  | 'open-program'
  | 'quit';

/** A key combination. `key` is KeyboardEvent.key; `mod` is Ctrl, or Cmd on macOS. */
export interface Keys {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export interface Shortcut {
  command: Command;
  keys: Keys;
  /** Also fires while typing in the editor or a field (keys that never type text). */
  whileTyping: boolean;
  /** The desktop menu's item for the command has these keys, so there the menu handles them, not the page. */
  inMenu: boolean;
  /** Shift is not looked at: '?' is typed with Shift on most layouts. */
  anyShift?: boolean;
  /** Only the desktop menu acts on these keys: a page in a browser leaves them to the browser. */
  desktopOnly?: boolean;
}

export const SHORTCUTS = [
  { command: 'run', keys: { key: 'F5' }, whileTyping: true, inMenu: true },
  { command: 'run', keys: { key: 'Enter', mod: true }, whileTyping: true, inMenu: false },
  { command: 'stop', keys: { key: 'F5', shift: true }, whileTyping: true, inMenu: true },
  { command: 'step', keys: { key: 'F10' }, whileTyping: true, inMenu: true },
  { command: 'step-switch', keys: { key: 'F10', shift: true }, whileTyping: true, inMenu: true },
  { command: 'run-to-line', keys: { key: 'F10', mod: true }, whileTyping: true, inMenu: false },
  {
    command: 'step-from-start',
    keys: { key: 'F5', mod: true, shift: true },
    whileTyping: true,
    inMenu: true,
  },
  { command: 'pause-resume', keys: { key: ' ' }, whileTyping: false, inMenu: false },
  { command: 'pause-resume', keys: { key: 'F6' }, whileTyping: true, inMenu: true },
  { command: 'open', keys: { key: 'o', mod: true }, whileTyping: true, inMenu: true },
  { command: 'open-program', keys: { key: 'o', mod: true, shift: true }, whileTyping: true, inMenu: true },
  { command: 'save', keys: { key: 's', mod: true }, whileTyping: true, inMenu: true },
  { command: 'export-jsonl', keys: { key: 'e', mod: true, shift: true }, whileTyping: true, inMenu: true },
  { command: 'export-chrome', keys: { key: 'e', mod: true, alt: true }, whileTyping: true, inMenu: true },
  { command: 'quit', keys: { key: 'q', mod: true }, whileTyping: true, inMenu: true, desktopOnly: true },
  { command: 'presentation', keys: { key: 'F9' }, whileTyping: true, inMenu: true },
  { command: 'maximise', keys: { key: 'F8' }, whileTyping: true, inMenu: false },
  { command: 'font-larger', keys: { key: '=', mod: true }, whileTyping: true, inMenu: true },
  { command: 'font-larger', keys: { key: '+', mod: true }, whileTyping: true, inMenu: true, anyShift: true },
  { command: 'font-smaller', keys: { key: '-', mod: true }, whileTyping: true, inMenu: true },
  { command: 'font-reset', keys: { key: '0', mod: true }, whileTyping: true, inMenu: true },
  { command: 'help', keys: { key: 'F1' }, whileTyping: true, inMenu: false },
  { command: 'help', keys: { key: '?' }, whileTyping: false, inMenu: false, anyShift: true },
] as const satisfies readonly Shortcut[];

/** The commands that have keys. */
export type ShortcutCommand = (typeof SHORTCUTS)[number]['command'];

/** The commands a page acts on when their keys are pressed. */
export type PageCommand = Exclude<
  ShortcutCommand,
  Extract<(typeof SHORTCUTS)[number], { desktopOnly: true }>['command']
>;

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

function matches(shortcut: Shortcut, press: KeyLike): boolean {
  const { keys } = shortcut;
  return (
    press.key.toLowerCase() === keys.key.toLowerCase() &&
    (press.ctrlKey || press.metaKey) === Boolean(keys.mod) &&
    press.altKey === Boolean(keys.alt) &&
    (shortcut.anyShift === true || press.shiftKey === Boolean(keys.shift))
  );
}

/**
 * The command a key press asks for, or null. `typing`: focus is in the editor or a text field;
 * `desktop`: the desktop app's menu is there to handle its own accelerators.
 */
export function commandForKey(press: KeyLike, typing: boolean, desktop = false): PageCommand | null {
  const hit: Shortcut | undefined = SHORTCUTS.find(
    (s: Shortcut) =>
      matches(s, press) && (s.whileTyping || !typing) && !(desktop && s.inMenu) && !s.desktopOnly,
  );
  return hit ? (hit.command as PageCommand) : null;
}

const keyName = (key: string) => (key === ' ' ? 'Space' : key.length === 1 ? key.toUpperCase() : key);

/** The keys as the help shows them: `Ctrl+O`, `Shift+F10`, `Space`. */
export function keysLabel({ key, mod, shift, alt }: Keys): string {
  return [mod && 'Ctrl', alt && 'Alt', shift && 'Shift', keyName(key)].filter(Boolean).join('+');
}

/** The desktop menu's accelerator for a command (Electron's syntax), if the table gives it one. */
export function menuAccelerator(command: Command): string | undefined {
  const shortcut: Shortcut | undefined = SHORTCUTS.find((s) => s.command === command && s.inMenu);
  if (!shortcut) return undefined;
  const { key, mod, shift, alt } = shortcut.keys;
  return [mod && 'CmdOrCtrl', alt && 'Alt', shift && 'Shift', keyName(key)].filter(Boolean).join('+');
}
