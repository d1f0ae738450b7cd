import { describe, expect, it } from 'vitest';
import { cellAt, layoutSlots, widestSlot, type SlotSpace } from './deque-layout.ts';

const space = (width: number): SlotSpace => ({ width, minSlot: 30, maxSlot: 40, gap: 2, maxCells: 40 });

/** The width a layout takes on one line. */
const lineWidth = (l: { columns: number; slotWidth: number }, gap = 2) =>
  l.columns * l.slotWidth + (l.columns - 1) * gap;

describe('deque slot layout', () => {
  it('shows every slot of a deque(maxlen=10) on one line when they fit, shrunk to the width', () => {
    const l = layoutSlots(10, 10, space(340));
    expect(l).toMatchObject({ columns: 10, head: 10, tail: 0, hidden: 0, free: 0 });
    expect(l.slotWidth).toBeLessThan(40);
    expect(l.slotWidth).toBeGreaterThanOrEqual(30);
    expect(lineWidth(l)).toBeLessThanOrEqual(340);
  });

  it('keeps slots at their largest in a wide panel', () => {
    expect(layoutSlots(3, 10, space(2000))).toMatchObject({ columns: 10, slotWidth: 40, head: 3, free: 7 });
  });

  it('wraps a bounded deque into even lines once slots would be too narrow, never dropping capacity', () => {
    const l = layoutSlots(4, 10, space(200));
    expect(l).toMatchObject({ columns: 5, head: 4, free: 6, hidden: 0 });
    expect(lineWidth(l)).toBeLessThanOrEqual(200);
    const narrow = layoutSlots(10, 10, space(100));
    expect(narrow.columns).toBe(3);
    expect(lineWidth(narrow)).toBeLessThanOrEqual(100);
  });

  it('shows both ends of a long unbounded deque with the rest summarised between them', () => {
    const l = layoutSlots(1000, null, space(500));
    expect(l).toMatchObject({ head: 20, tail: 19, hidden: 961, free: 0 });
    expect(l.head + l.tail + 1).toBe(40);
    expect(layoutSlots(7, null, space(500))).toMatchObject({
      head: 7,
      tail: 0,
      hidden: 0,
      free: 0,
      columns: 7,
    });
  });

  it('draws a huge capacity up to the cell limit', () => {
    expect(layoutSlots(2, 1000, space(500))).toMatchObject({ head: 2, free: 38 });
  });

  it('draws nothing for a deque(maxlen=0), without breaking the grid', () => {
    expect(layoutSlots(0, 0, space(500))).toMatchObject({ cells: 0, columns: 1, free: 0 });
  });

  it('draws one empty slot for an empty unbounded deque', () => {
    expect(layoutSlots(0, null, space(500))).toMatchObject({ cells: 1, columns: 1, head: 0, free: 1 });
  });

  it('places cells line by line below the caption line', () => {
    const l = layoutSlots(4, 10, space(200));
    expect(l.cells).toBe(10);
    expect([0, 4, 5, 9].map((i) => cellAt(l, i))).toEqual([
      { row: 2, column: 1 },
      { row: 2, column: 5 },
      { row: 3, column: 1 },
      { row: 3, column: 5 },
    ]);
  });

  it('lets slots widen for long item reprs, within bounds', () => {
    expect(widestSlot(['1', '22'], 8, 40, 150)).toBe(40);
    expect(widestSlot(["'a much longer item'"], 8, 40, 300)).toBe(21 * 8 + 8);
    expect(widestSlot(['x'.repeat(100)], 8, 40, 150)).toBe(150);
  });
});
