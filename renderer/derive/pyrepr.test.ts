import { describe, expect, it } from 'vitest';
import { splitSequenceRepr } from './pyrepr.ts';

describe('splitSequenceRepr', () => {
  it('splits list and tuple reprs at top-level commas only', () => {
    expect(splitSequenceRepr("[1, 'a, b', (2, 3), \"x]\", {'k': [1, 2]}]")).toEqual([
      '1',
      "'a, b'",
      '(2, 3)',
      '"x]"',
      "{'k': [1, 2]}",
    ]);
    expect(splitSequenceRepr('(5,)')).toEqual(['5']);
    expect(splitSequenceRepr('[]')).toEqual([]);
    expect(splitSequenceRepr("['it\\'s', 2]")).toEqual(["'it\\'s'", '2']);
  });

  it('refuses what is not a list or tuple', () => {
    expect(splitSequenceRepr('deque([1])')).toBeNull();
    expect(splitSequenceRepr('42')).toBeNull();
  });
});
