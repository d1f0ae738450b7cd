import { describe, expect, it } from 'vitest';
import { GROUP, groupsFromNewest, linesShown, SCROLLBACK } from './console-lines.ts';

describe('console lines shown', () => {
  const watching = { streaming: true, atNewest: true, height: 260, fontSize: 13 };

  it('keeps what its height shows and a few more while output streams at the newest line', () => {
    const few = linesShown(watching) - 20;
    expect(few).toBeGreaterThan(0);
    expect(few).toBeLessThan(GROUP);
    expect(linesShown({ ...watching, height: 261 })).toBe(21 + few);
  });

  it('keeps the whole scrollback once scrolled back, not streaming, or not yet measured', () => {
    expect(linesShown({ ...watching, atNewest: false })).toBe(SCROLLBACK);
    expect(linesShown({ ...watching, streaming: false })).toBe(SCROLLBACK);
    expect(linesShown({ ...watching, fontSize: 0 })).toBe(SCROLLBACK);
  });

  it('never keeps more than the scrollback, however tall the box', () => {
    expect(linesShown({ ...watching, height: 100_000 })).toBe(SCROLLBACK);
  });
});

describe('console groups', () => {
  it('counts groups from the newest line, the oldest group holding the rest', () => {
    const lines = Array.from({ length: 2 * GROUP + 3 }, (_, i) => i);
    const groups = groupsFromNewest(lines);
    expect(groups.map((g) => g.length)).toEqual([3, GROUP, GROUP]);
    expect(groups.flat()).toEqual(lines);
    expect(groups.at(-1)!.at(-1)).toBe(lines.at(-1));
  });

  it('makes no group of no lines', () => {
    expect(groupsFromNewest([])).toEqual([]);
  });
});
