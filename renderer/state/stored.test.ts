import { afterEach, describe, expect, it } from 'vitest';
import { loadStored, saveStored } from './stored.ts';

const memory = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => memory.set(k, v),
  },
});
afterEach(() => memory.clear());

describe('stored settings', () => {
  const defaults = { theme: 'dark', seed: 1, presentation: false };

  it('round-trips values and falls back to defaults when nothing is stored', () => {
    expect(loadStored('k', defaults)).toEqual(defaults);
    saveStored('k', { theme: 'light', seed: 7, presentation: true });
    expect(loadStored('k', defaults)).toEqual({ theme: 'light', seed: 7, presentation: true });
  });

  it('ignores broken JSON, unknown keys and values of the wrong type', () => {
    memory.set('k', '{nope');
    expect(loadStored('k', defaults)).toEqual(defaults);
    memory.set('k', JSON.stringify({ theme: 3, seed: 9, extra: 'x' }));
    expect(loadStored('k', defaults)).toEqual({ theme: 'dark', seed: 9, presentation: false });
  });
});
