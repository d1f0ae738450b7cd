import { frames } from '../lib/frames.ts';

/**
 * Paints a canvas in the page's next frame after anything `deps` reads changed (in the same frame
 * when the change came from that frame's update), once however many changes land before it, and
 * never after the component is gone.
 */
export function paintOnChange(
  canvas: () => HTMLCanvasElement | undefined,
  deps: () => unknown,
  paint: (canvas: HTMLCanvasElement) => void,
): void {
  let target: HTMLCanvasElement | undefined;
  const task = () => {
    if (target) paint(target);
  };
  $effect(() => {
    target = canvas();
    deps();
    if (target) frames.paint(task);
  });
  $effect(() => () => frames.cancel(task));
}
