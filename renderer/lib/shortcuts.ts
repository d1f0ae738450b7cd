/**
 * The app's keyboard shortcuts: one table, read both by the key handler and by the help popover, so
 * what the help says is what the keys do.
 */
import type { MessageKey } from '../i18n/catalog.ts';

export type Command =
  'run' | 'stop' | 'pause-resume' | 'step' | 'step-switch' | 'open' | 'save' | 'presentation' | 'help';

export interface Shortcut {
  command: Command;
  keys: string;
  /** What it does, in the interface's languages. */
  what: MessageKey;
  /** Also fires while typing in the editor or a field (keys that never type text). */
  whileTyping: boolean;
  /** The desktop app's menu has this key as its accelerator, so there the menu handles it, not the page. */
  inMenu: boolean;
  matches(key: KeyLike): boolean;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const mod = (k: KeyLike) => k.ctrlKey || k.metaKey;
const plain = (k: KeyLike) => !mod(k) && !k.altKey;

export const SHORTCUTS: readonly Shortcut[] = [
  {
    command: 'run',
    keys: 'F5',
    inMenu: true,
    what: 'help.run',
    whileTyping: true,
    matches: (k) => k.key === 'F5' && !k.shiftKey && plain(k),
  },
  {
    command: 'run',
    keys: 'Ctrl+Enter',
    inMenu: false,
    what: 'help.run',
    whileTyping: true,
    matches: (k) => k.key === 'Enter' && mod(k) && !k.shiftKey,
  },
  {
    command: 'stop',
    keys: 'Shift+F5',
    inMenu: true,
    what: 'help.stop',
    whileTyping: true,
    matches: (k) => k.key === 'F5' && k.shiftKey && plain(k),
  },
  {
    command: 'step',
    keys: 'F10',
    inMenu: true,
    what: 'help.step',
    whileTyping: true,
    matches: (k) => k.key === 'F10' && !k.shiftKey && plain(k),
  },
  {
    command: 'step-switch',
    keys: 'Shift+F10',
    inMenu: true,
    what: 'help.stepSwitch',
    whileTyping: true,
    matches: (k) => k.key === 'F10' && k.shiftKey && plain(k),
  },
  {
    command: 'pause-resume',
    keys: 'Space',
    inMenu: false,
    what: 'help.pauseOutside',
    whileTyping: false,
    matches: (k) => k.key === ' ' && plain(k) && !k.shiftKey,
  },
  {
    command: 'pause-resume',
    keys: 'F6',
    inMenu: true,
    what: 'help.pause',
    whileTyping: true,
    matches: (k) => k.key === 'F6' && plain(k) && !k.shiftKey,
  },
  {
    command: 'open',
    keys: 'Ctrl+O',
    inMenu: true,
    what: 'help.open',
    whileTyping: true,
    matches: (k) => k.key.toLowerCase() === 'o' && mod(k) && !k.shiftKey && !k.altKey,
  },
  {
    command: 'save',
    keys: 'Ctrl+S',
    inMenu: true,
    what: 'help.save',
    whileTyping: true,
    matches: (k) => k.key.toLowerCase() === 's' && mod(k) && !k.shiftKey && !k.altKey,
  },
  {
    command: 'presentation',
    keys: 'F9',
    inMenu: true,
    what: 'help.presentation',
    whileTyping: true,
    matches: (k) => k.key === 'F9' && plain(k) && !k.shiftKey,
  },
  {
    command: 'help',
    keys: 'F1',
    inMenu: false,
    what: 'help.help',
    whileTyping: true,
    matches: (k) => k.key === 'F1' && plain(k) && !k.shiftKey,
  },
  {
    command: 'help',
    keys: '?',
    inMenu: false,
    what: 'help.helpOutside',
    whileTyping: false,
    // typed with Shift on most layouts, so Shift is not checked
    matches: (k) => k.key === '?' && plain(k),
  },
];

/**
 * The command a key press asks for, or null. `typing`: focus is in the editor or a text field;
 * `desktop`: the desktop app's menu is there to handle its own accelerators.
 */
export function commandForKey(key: KeyLike, typing: boolean, desktop = false): Command | null {
  const hit = SHORTCUTS.find((s) => s.matches(key) && (s.whileTyping || !typing) && !(desktop && s.inMenu));
  return hit ? hit.command : null;
}
