import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../core/session/shortcuts.ts';
import { helpText } from './shortcuts.ts';

describe('the help of the shortcuts', () => {
  it('says what each key does, and where a key that types text acts', () => {
    const lines = SHORTCUTS.map((s) => helpText(s));
    expect(lines).toContain('help.run');
    expect(helpText(SHORTCUTS.find((s) => s.keys.key === ' ')!)).toBe('help.pauseOutside');
    expect(helpText(SHORTCUTS.find((s) => s.keys.key === 'F6')!)).toBe('help.pause');
    expect(helpText(SHORTCUTS.find((s) => s.keys.key === '?')!)).toBe('help.helpOutside');
  });
});
