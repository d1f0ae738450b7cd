import { UNNAMED, type DequeState } from '../derive/deques.ts';

/** How a deque's row of slots fits a panel: which cells to draw, how many per line, how wide. */
export interface SlotLayout {
  /** Cells drawn (items, the ellipsis, free slots), cells per line, and each cell's width in px. */
  cells: number;
  columns: number;
  slotWidth: number;
  /** Items drawn from the left end and from the right end; `hidden` items between them are one ellipsis cell. */
  head: number;
  tail: number;
  hidden: number;
  /** Empty slots drawn after the items, up to maxlen (one for an empty unbounded deque, so it reads as empty). */
  free: number;
}

export interface SlotSpace {
  /** Width available to the slots, px. */
  width: number;
  /** A slot never gets narrower than this (still readable) nor wider than `maxSlot`, px. */
  minSlot: number;
  maxSlot: number;
  gap: number;
  /**
   * Most cells drawn for one deque. A bounded deque up to this capacity always shows every slot (its
   * capacity is what the lesson is about); a longer or unbounded one shows its two ends.
   */
  maxCells: number;
}

/** The cells of a deque of `length` items (and `maxlen`, null when unbounded) laid out in `space`. */
export function layoutSlots(length: number, maxlen: number | null, space: SlotSpace): SlotLayout {
  const { width, minSlot, maxSlot, gap, maxCells } = space;
  let head = length;
  let tail = 0;
  let hidden = 0;
  if (length > maxCells) {
    const shown = maxCells - 1;
    head = Math.ceil(shown / 2);
    tail = shown - head;
    hidden = length - shown;
  }
  const drawn = head + tail + (hidden > 0 ? 1 : 0);
  const free =
    maxlen === null ? (length === 0 ? 1 : 0) : Math.max(0, Math.min(maxlen - length, maxCells - drawn));
  const cells = drawn + free;
  const fit = Math.max(1, Math.floor((width + gap) / (minSlot + gap)));
  // Lines of equal length: 10 slots that need two lines are 5 + 5, not 8 + 2.
  const lines = Math.max(1, Math.ceil(cells / Math.min(Math.max(1, cells), fit)));
  const columns = Math.max(1, Math.ceil(cells / lines));
  const share = Math.floor((width - gap * (columns - 1)) / columns);
  return { cells, columns, slotWidth: Math.max(minSlot, Math.min(maxSlot, share)), head, tail, hidden, free };
}

/** The grid line (1-based, after the caption line above the slots) and column of cell `i`. */
export function cellAt(layout: SlotLayout, i: number): { row: number; column: number } {
  return { row: Math.floor(i / layout.columns) + 2, column: (i % layout.columns) + 1 };
}

/**
 * The widest a slot should get for these items, px: wide enough for the longest repr among the ones
 * likely drawn (both ends), between `least` and `most`. Monospace characters are about 0.6 em wide.
 */
export function widestSlot(items: readonly string[], charPx: number, least: number, most: number): number {
  let longest = 0;
  const ends = items.length > 80 ? [...items.slice(0, 40), ...items.slice(-40)] : items;
  for (const item of ends) longest = Math.max(longest, item.length);
  return Math.max(least, Math.min(most, Math.ceil((longest + 1) * charPx) + 8));
}

/** One cell of a deque's row. `more`: items left out to fit the panel; `unnamed`: items the recording does not name (how many, when known). */
export type Cell =
  | { kind: 'item'; text: string; index: number }
  | { kind: 'more'; count: number }
  | { kind: 'unnamed'; count: number | null }
  | { kind: 'free' };

/** The cells `layout` draws for deque state `s`, left end to right end, then its free slots. */
export function dequeCells(s: DequeState, layout: SlotLayout): Cell[] {
  const n = s.items.length;
  const unnamed = s.length === null ? null : s.length - (n - 1);
  const item = (index: number): Cell =>
    s.items[index] === UNNAMED
      ? { kind: 'unnamed', count: unnamed }
      : { kind: 'item', text: s.items[index], index };
  const cells: Cell[] = Array.from({ length: layout.head }, (_, i) => item(i));
  if (layout.hidden > 0) cells.push({ kind: 'more', count: layout.hidden });
  for (let i = n - layout.tail; i < n; i++) cells.push(item(i));
  for (let k = 0; k < layout.free; k++) cells.push({ kind: 'free' });
  return cells;
}

/** A deque as the view lays it out: its state, its slot layout and the cells drawn (the export draws the same). */
export interface DequeRow {
  state: DequeState;
  layout: SlotLayout;
  cells: Cell[];
}
