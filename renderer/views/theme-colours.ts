import type { TimelineColours } from './export-svg.ts';

/** The theme's colours as they apply under `el`, for what is drawn outside CSS (the canvas, the export). */
export function themeColours(el: Element): TimelineColours {
  const style = getComputedStyle(el);
  const colour = (name: string, otherwise: string) => style.getPropertyValue(name).trim() || otherwise;
  return {
    text: colour('--fg', style.color),
    panel: colour('--panel', 'transparent'),
    muted: colour('--muted', style.color),
    cursor: colour('--danger', style.color),
  };
}
