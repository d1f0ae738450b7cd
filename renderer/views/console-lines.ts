/** Lines the console keeps for scrolling back; older output stays in the trace and comes back with the cursor. */
export const SCROLLBACK = 200;

/**
 * Lines go in groups of this many, each skipped by layout and paint while out of view
 * (content-visibility): the browser checks every such element against the view in every frame,
 * the timeline's pan and zoom frames too, so a few groups cost those frames far less than one
 * check per line, while a live frame still lays out only the lines in view.
 */
export const GROUP = 25;

/** Lines kept above the view while output streams: enough to scroll by, which brings back the whole scrollback. */
const MARGIN = 4;

export interface ConsoleBox {
  /** The output grows at the newest line shown: a live run is running and the cursor follows its newest event. */
  streaming: boolean;
  /** The lines box is scrolled to its newest line. */
  atNewest: boolean;
  /** The lines box's height and the font size of its text, px. */
  height: number;
  fontSize: number;
}

/**
 * How many of the newest lines the console shows. While output streams in and the user watches its
 * newest line, every frame that adds output moves every kept line (at the recorder's rate, every
 * frame), and laying out lines above the view cost a live frame about a third of its rendering: it keeps
 * only what its height can show, and a few more, so the box can still be scrolled up, which brings
 * the whole scrollback at once. Otherwise (scrolled back, the run paused or ended, the cursor
 * elsewhere) the whole scrollback. A line is at least its font size high, so `height / fontSize`
 * lines always fill the box.
 */
export function linesShown(view: ConsoleBox): number {
  if (!view.streaming || !view.atNewest || !(view.fontSize > 0)) return SCROLLBACK;
  return Math.min(SCROLLBACK, Math.ceil(view.height / view.fontSize) + MARGIN);
}

/**
 * The lines in groups of GROUP counted from the newest, so that a group keeps its key (its place
 * from the newest) when the scrollback grows or shrinks above it: the lines in view keep their elements.
 */
export function groupsFromNewest<T>(lines: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (let end = lines.length; end > 0; end -= GROUP)
    groups.unshift(lines.slice(Math.max(0, end - GROUP), end));
  return groups;
}
