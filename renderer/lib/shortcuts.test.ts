import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../core/session/shortcuts.ts';
import { translate } from '../i18n/translate.ts';
import { helpText } from './shortcuts.ts';

describe('the help of the shortcuts', () => {
  it('says what each key does, and where a key that types text acts', () => {
    const lines = SHORTCUTS.map((s) => helpText(s));
    expect(lines).toContain('help.run');
    expect(helpText(SHORTCUTS.find((s) => s.keys.key === ' ')!)).toBe('help.pauseOutside');
    expect(helpText(SHORTCUTS.find((s) => s.keys.key === 'F6')!)).toBe('help.pause');
    expect(helpText(SHORTCUTS.find((s) => s.keys.key === '?')!)).toBe('help.helpOutside');
  });

  it('says in both languages what the keys the desktop menu had alone do', () => {
    const said = (['open-program', 'export-jsonl', 'export-chrome', 'quit'] as const).map((command) => {
      const key = helpText(SHORTCUTS.find((s) => s.command === command)!);
      return [translate('en', key), translate('zh-TW', key)];
    });
    expect(said).toEqual([
      ['Open a Python program', '開啟 Python 程式'],
      ['Export the trace as JSON Lines', '把追蹤匯出為 JSON Lines'],
      ['Export the trace for Perfetto (Chrome Trace)', '把追蹤匯出給 Perfetto(Chrome 追蹤)'],
      ['Quit Yieldscope', '結束 Yieldscope'],
    ]);
  });
});
