import { describe, expect, it } from 'vitest';
import { eventDetails } from './event-details.ts';

describe('event details', () => {
  it('lists every field with a value, the time as wall-clock time and objects by name', () => {
    const names = new Map([[2, 'producer']]);
    const details = eventDetails(
      { seq: 7, t: 2_500_000, kind: 'gen.resume', obj: 2, by: 0, via: 'next', value: null, line: 4 },
      (obj) => names.get(obj) ?? null,
    );
    expect(details).toEqual([
      { field: 't', text: '2.5 ms' },
      { field: 'obj', text: 'producer (2)' },
      { field: 'by', text: ' (0)' },
      { field: 'via', text: 'next' },
      { field: 'line', text: '4' },
    ]);
  });
});
