import { describe, expect, it } from 'vitest';
import { createFrames } from './frames.ts';

/** Frames driven by hand: `next()` runs the frame the scheduler asked for, if it asked. */
function handFrames() {
  const asked: (() => void)[] = [];
  const log: string[] = [];
  const frames = createFrames(
    (callback) => asked.push(callback),
    () => log.push('flush'),
  );
  return {
    frames,
    log,
    asked: () => asked.length,
    next: () => asked.shift()?.(),
  };
}

describe('the page frames', () => {
  it('runs updates, then the flush, then paints, in one frame however many asked', () => {
    const { frames, log, asked, next } = handFrames();
    const paint = () => log.push('paint');
    const update = () => log.push('update');
    frames.paint(paint);
    frames.update(update);
    frames.paint(paint);
    frames.update(update);
    expect(asked()).toBe(1);
    expect(log).toEqual([]);
    next();
    expect(log).toEqual(['update', 'flush', 'paint']);
    expect(asked()).toBe(0);
  });

  it('paints in the same frame what an update or the flush asked to paint', () => {
    const log: string[] = [];
    const asked: (() => void)[] = [];
    const paint = () => log.push('paint');
    const frames = createFrames(
      (callback) => asked.push(callback),
      () => {
        log.push('flush');
        frames.paint(paint);
      },
    );
    frames.update(() => log.push('update'));
    asked.shift()!();
    expect(log).toEqual(['update', 'flush', 'paint']);
    expect(asked).toHaveLength(0);
  });

  it('leaves for the next frame what a task asks for during its own step', () => {
    const { frames, log, asked, next } = handFrames();
    let ticks = 0;
    const tick = () => {
      log.push(`tick ${++ticks}`);
      if (ticks < 2) frames.update(tick);
    };
    const paint = () => {
      log.push('paint');
      if (log.filter((l) => l === 'paint').length < 2) frames.paint(paint);
    };
    frames.update(tick);
    frames.paint(paint);
    next();
    expect(log).toEqual(['tick 1', 'flush', 'paint']);
    expect(asked()).toBe(1);
    next();
    expect(log).toEqual(['tick 1', 'flush', 'paint', 'tick 2', 'flush', 'paint']);
    expect(asked()).toBe(0);
  });

  it('skips a cancelled task, and runs the others when one throws, then reports it', () => {
    const { frames, log, next } = handFrames();
    const gone = () => log.push('gone');
    frames.paint(gone);
    frames.update(() => {
      throw new Error('broken update');
    });
    frames.paint(() => log.push('paint'));
    frames.cancel(gone);
    expect(next).toThrow('broken update');
    expect(log).toEqual(['flush', 'paint']);
  });
});
