import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VirtualClock } from './clock.ts';

describe('VirtualClock', () => {
  it('wakes sleepers by time, then by the order they fell asleep', () => {
    const clock = new VirtualClock();
    clock.sleep(1, 2);
    clock.sleep(2, 1);
    clock.sleep(3, 2);
    clock.sleep(4, 0);
    expect(clock.takeDue()).toEqual([4]);
    expect(clock.nextWake()).toBe(1);
    clock.now = 2;
    expect(clock.takeDue()).toEqual([2, 1, 3]);
    expect(clock.nextWake()).toBeUndefined();
  });

  it('releases any set of sleepers sorted by (time, arrival)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), (times) => {
        const clock = new VirtualClock();
        times.forEach((t, task) => clock.sleep(task, t));
        clock.now = 100;
        const expected = times.map((t, task) => ({ t, task })).sort((a, b) => a.t - b.t || a.task - b.task);
        expect(clock.takeDue()).toEqual(expected.map((e) => e.task));
      }),
    );
  });
});
