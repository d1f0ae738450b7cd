/** What each keyboard shortcut does, in the interface's languages, for the help (the keys themselves are core/session/shortcuts.ts). */
import type { SHORTCUTS, ShortcutCommand } from '../../core/session/shortcuts.ts';
import type { MessageKey } from '../i18n/catalog.ts';

const WHAT: Record<ShortcutCommand, MessageKey> = {
  run: 'help.run',
  stop: 'help.stop',
  step: 'help.step',
  'step-switch': 'help.stepSwitch',
  'run-to-line': 'help.runToLine',
  'step-from-start': 'help.stepFromStart',
  'pause-resume': 'help.pause',
  open: 'help.open',
  'open-program': 'desktop.openProgramTitle',
  save: 'help.save',
  'export-jsonl': 'desktop.exportJsonlTitle',
  'export-chrome': 'desktop.exportChromeTitle',
  quit: 'desktop.quit',
  presentation: 'help.presentation',
  maximise: 'help.maximise',
  'font-larger': 'help.fontLarger',
  'font-smaller': 'help.fontSmaller',
  'font-reset': 'help.fontReset',
  help: 'help.help',
};

/** For keys that type text, and so act only outside the editor and fields. */
const OUTSIDE: Partial<Record<ShortcutCommand, MessageKey>> = {
  'pause-resume': 'help.pauseOutside',
  help: 'help.helpOutside',
};

export function helpText(shortcut: (typeof SHORTCUTS)[number]): MessageKey {
  return (!shortcut.whileTyping && OUTSIDE[shortcut.command]) || WHAT[shortcut.command];
}
