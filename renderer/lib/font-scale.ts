/** The steps of the interface's type size, as factors of the normal size (Ctrl+= and Ctrl+- move along them). */
export const FONT_SCALES = [0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6, 1.8, 2] as const;

/** The next size up (`+1`) or down (`-1`) from `scale`; a size between steps goes to the nearest one that way. */
export function fontStep(scale: number, direction: 1 | -1): number {
  const steps = direction > 0 ? FONT_SCALES : FONT_SCALES.toReversed();
  return steps.find((s) => (direction > 0 ? s > scale + 1e-9 : s < scale - 1e-9)) ?? steps.at(-1)!;
}
