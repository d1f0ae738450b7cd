/**
 * Runs `fn` once at the next animation frame however often it is asked for before then: a run or an
 * opened file can deliver many batches within one frame, and the views need to hear of them once.
 * Where there are no frames (tests in Node), it runs at the next microtask.
 */
export function oncePerFrame(fn: () => void): () => void {
  let pending = false;
  const later: (f: () => void) => void =
    typeof requestAnimationFrame === 'function' ? (f) => requestAnimationFrame(() => f()) : queueMicrotask;
  return () => {
    if (pending) return;
    pending = true;
    later(() => {
      pending = false;
      fn();
    });
  };
}
