import { flushSync } from 'svelte';

/**
 * The page's one animation-frame scheduler: everything that wants the next frame asks here, and
 * each frame runs once, in three steps, so data reaches the pixels in one hop:
 * 1. `update` tasks change state (the trace's new events are published, playback moves the cursor);
 * 2. Svelte applies what changed, at once (`flushSync`): the DOM and the views' derived values,
 *    and the effects that ask for a paint;
 * 3. `paint` tasks draw canvases from those values.
 * A task asked for twice before its frame runs once. One asked for while its own step runs waits for
 * the next frame (a paint that asks to paint again, a playback tick that asks for the next tick).
 */
export interface Frames {
  update(task: () => void): void;
  paint(task: () => void): void;
  /** Takes back a task not yet run (a canvas that went away). */
  cancel(task: () => void): void;
}

export function createFrames(request: (callback: () => void) => void, flush: () => void = () => {}): Frames {
  let updates = new Set<() => void>();
  let paints = new Set<() => void>();
  let requested = false;
  /** Until this frame's paint step starts, a paint asked for joins it. */
  let paintsPending = false;

  const ask = () => {
    if (requested) return;
    requested = true;
    request(frame);
  };

  function frame(): void {
    requested = false;
    paintsPending = true;
    const errors: unknown[] = [];
    const run = (tasks: Set<() => void>) => {
      for (const task of tasks) {
        try {
          task();
        } catch (error) {
          errors.push(error);
        }
      }
    };
    const due = updates;
    updates = new Set();
    run(due);
    try {
      flush();
    } catch (error) {
      errors.push(error);
    }
    paintsPending = false;
    const painting = paints;
    paints = new Set();
    run(painting);
    // One failing task must not cost the others their frame; the first failure is still reported.
    if (errors.length > 0) throw errors[0];
  }

  return {
    update(task) {
      updates.add(task);
      ask();
    },
    paint(task) {
      paints.add(task);
      if (!paintsPending) ask();
    },
    cancel(task) {
      updates.delete(task);
      paints.delete(task);
    },
  };
}

/** The page's frames. Where there are none (Node), a frame runs at the next microtask. */
export const frames = createFrames(
  typeof requestAnimationFrame === 'function' ? (f) => requestAnimationFrame(() => f()) : queueMicrotask,
  flushSync,
);
