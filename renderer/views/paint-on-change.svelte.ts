/**
 * Paints a canvas at the next animation frame after anything `deps` reads changed, at most once a
 * frame however many changes land before it, and never after the component is gone.
 */
export function paintOnChange(
  canvas: () => HTMLCanvasElement | undefined,
  deps: () => unknown,
  paint: (canvas: HTMLCanvasElement) => void,
): void {
  let frame = 0;
  $effect(() => {
    const target = canvas();
    void deps();
    if (!target) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => paint(target));
  });
  $effect(() => () => cancelAnimationFrame(frame));
}
