import { describe, expect, it } from 'vitest';
import { preferredLang } from './language.ts';

describe('the default language', () => {
  it('is the first of the system’s languages that the app speaks', () => {
    expect(preferredLang(['zh-TW', 'en-US'])).toBe('zh-TW');
    expect(preferredLang(['zh-Hant-HK'])).toBe('zh-TW');
    expect(preferredLang(['fr-FR', 'zh-CN', 'en'])).toBe('zh-TW');
    expect(preferredLang(['de-DE', 'en-GB', 'zh-TW'])).toBe('en');
  });

  it('is English when the system speaks none of them', () => {
    expect(preferredLang(['fr-FR'])).toBe('en');
    expect(preferredLang([])).toBe('en');
  });
});
