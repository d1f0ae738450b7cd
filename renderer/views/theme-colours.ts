import type { TimelineColours } from './export-svg.ts';

let cached: { theme: string; colours: TimelineColours } | null = null;

/**
 * The theme's colours, for what is drawn outside CSS (the canvas, the export). Reading computed
 * styles makes the browser bring the page's style up to date at once, which a paint right after the
 * views changed would pay every frame: they are read again only when the theme changes.
 */
export function themeColours(el: Element): TimelineColours {
  const theme = document.documentElement.dataset.theme ?? '';
  if (cached?.theme === theme) return cached.colours;
  const style = getComputedStyle(el);
  const colour = (name: string) => style.getPropertyValue(name).trim();
  const colours = {
    text: colour('--fg') || style.color,
    panel: colour('--panel') || 'transparent',
    muted: colour('--muted') || style.color,
    cursor: colour('--danger') || style.color,
  };
  // Before the theme's style sheet applies (a page still loading), nothing is kept.
  if (colour('--fg')) cached = { theme, colours };
  return colours;
}
