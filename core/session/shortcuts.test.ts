import { describe, expect, it } from 'vitest';
import { commandForKey, keysLabel, menuAccelerator, SHORTCUTS, type KeyLike } from './shortcuts.ts';

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('commandForKey', () => {
  it('maps the documented keys to their commands', () => {
    expect(commandForKey(press('F5'), false)).toBe('run');
    expect(commandForKey(press('Enter', { ctrlKey: true }), true)).toBe('run');
    expect(commandForKey(press('Enter', { metaKey: true }), true)).toBe('run');
    expect(commandForKey(press('F5', { shiftKey: true }), false)).toBe('stop');
    expect(commandForKey(press('F10'), false)).toBe('step');
    expect(commandForKey(press('F10', { shiftKey: true }), false)).toBe('step-switch');
    expect(commandForKey(press('F5', { ctrlKey: true, shiftKey: true }), true)).toBe('step-from-start');
    expect(commandForKey(press('F10', { ctrlKey: true }), false)).toBe('run-to-line');
    expect(commandForKey(press('F8'), true)).toBe('maximise');
    expect(commandForKey(press('=', { ctrlKey: true }), true)).toBe('font-larger');
    expect(commandForKey(press('+', { ctrlKey: true, shiftKey: true }), true)).toBe('font-larger');
    expect(commandForKey(press('-', { ctrlKey: true }), true)).toBe('font-smaller');
    expect(commandForKey(press(' '), false)).toBe('pause-resume');
    expect(commandForKey(press('o', { ctrlKey: true }), false)).toBe('open');
    expect(commandForKey(press('S', { ctrlKey: true }), false)).toBe('save');
  });

  it('leaves Space and ? to the editor and to fields', () => {
    expect(commandForKey(press(' '), true)).toBeNull();
    expect(commandForKey(press('?', { shiftKey: true }), true)).toBeNull();
  });

  it('shows the shortcuts with F1, and with ? (typed with or without Shift) outside the editor', () => {
    expect(commandForKey(press('F1'), true)).toBe('help');
    expect(commandForKey(press('?', { shiftKey: true }), false)).toBe('help');
    expect(commandForKey(press('?'), false)).toBe('help');
    expect(commandForKey(press('?', { ctrlKey: true }), false)).toBeNull();
  });

  it('ignores keys with no shortcut and modified variants', () => {
    expect(commandForKey(press('a'), false)).toBeNull();
    expect(commandForKey(press('Enter'), false)).toBeNull();
    expect(commandForKey(press('F5', { ctrlKey: true }), false)).toBeNull();
    expect(commandForKey(press('o'), false)).toBeNull();
  });

  it('leaves the desktop menu its accelerators, and keeps the keys it does not have', () => {
    expect(commandForKey(press('F5'), false, true)).toBeNull();
    expect(commandForKey(press('F6'), false, true)).toBeNull();
    expect(commandForKey(press('Enter', { ctrlKey: true }), true, true)).toBe('run');
    expect(commandForKey(press(' '), false, true)).toBe('pause-resume');
  });

  it('has one command per key combination', () => {
    const keys = SHORTCUTS.map((s) => keysLabel(s.keys));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the keys as shown and as the desktop menu takes them', () => {
  it('names them as the help shows them', () => {
    expect(SHORTCUTS.map((s) => keysLabel(s.keys))).toEqual(
      expect.arrayContaining(['F5', 'Ctrl+Enter', 'Shift+F10', 'Space', 'Ctrl+O', '?']),
    );
  });

  it("gives the menu the keys the page leaves to it, in Electron's syntax", () => {
    expect(menuAccelerator('run')).toBe('F5');
    expect(menuAccelerator('stop')).toBe('Shift+F5');
    expect(menuAccelerator('pause-resume')).toBe('F6');
    expect(menuAccelerator('open')).toBe('CmdOrCtrl+O');
    expect(menuAccelerator('help')).toBeUndefined();
    for (const s of SHORTCUTS.filter((s) => s.inMenu)) {
      const press = {
        key: s.keys.key,
        ctrlKey: 'mod' in s.keys,
        metaKey: false,
        altKey: 'alt' in s.keys,
        shiftKey: 'shift' in s.keys,
      };
      expect(commandForKey(press, false, true), menuAccelerator(s.command)).toBeNull();
      expect(commandForKey(press, false, false)).toBe('desktopOnly' in s ? null : s.command);
    }
  });

  it('has the keys only the desktop menu had, so the help lists them too', () => {
    expect(menuAccelerator('open-program')).toBe('CmdOrCtrl+Shift+O');
    expect(menuAccelerator('export-jsonl')).toBe('CmdOrCtrl+Shift+E');
    expect(menuAccelerator('export-chrome')).toBe('CmdOrCtrl+Alt+E');
    expect(menuAccelerator('quit')).toBe('CmdOrCtrl+Q');
    // Shift turns a letter into its capital: the key still matches.
    expect(commandForKey(press('O', { ctrlKey: true, shiftKey: true }), true)).toBe('open-program');
    expect(commandForKey(press('E', { ctrlKey: true, shiftKey: true }), true)).toBe('export-jsonl');
    expect(commandForKey(press('e', { ctrlKey: true, altKey: true }), true)).toBe('export-chrome');
    // A page in a browser does not quit: the browser's own keys stay the browser's.
    expect(commandForKey(press('q', { ctrlKey: true }), false)).toBeNull();
  });

  it('gives no two commands the same accelerator', () => {
    const accelerators = [...new Set(SHORTCUTS.map((s) => s.command))].flatMap(
      (c) => menuAccelerator(c) ?? [],
    );
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
