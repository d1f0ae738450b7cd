/**
 * Where the Frames and objects view draws a heap snapshot: frames in a column on the left (the call
 * stack, then the generators and coroutines off it), objects in columns to the right by how far they
 * are from a frame, and an arrow for every reference. Boxes never overlap: each column stacks its
 * boxes, and columns that would pass the view's width go to a band below the others. Positions stay
 * put as the cursor moves: an object keeps its column and its place in the column's order from the
 * previous layout (`previous`), so what changed is what moves.
 *
 * A generator's or coroutine's object is drawn as its frame (the frame has the object's key), so a
 * deque slot holding a generator points at that generator's frame, on the stack or off it.
 */
import type { Frame, HeapObject, HeapSnapshot, Value } from '../../core/session/snapshot.ts';

export const GEOMETRY = {
  /** A character of the view's monospace text, px (text is measured by its length). */
  char: 7.2,
  row: 22,
  header: 22,
  /** A title's further lines, when it is wrapped to the view's width. */
  line: 15,
  pad: 8,
  gapX: 44,
  gapY: 12,
  /** Frames are at least this wide, and all as wide as the widest. */
  frameWidth: 140,
  /** Gap between the call stack and the frames off it, with room for its title. */
  suspendedGap: 34,
  minCell: 28,
  maxCell: 160,
};

export interface Point {
  x: number;
  y: number;
}

/** A row or cell: a small value written in it, or a reference drawn from it. */
export interface Slot {
  x: number;
  y: number;
  width: number;
  height: number;
  /** A variable's or attribute's name, a dict entry's key text, or an index. */
  label: string;
  value: Value;
}

export interface FrameBox {
  key: string;
  frame: Frame;
  onStack: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  slots: Slot[];
}

export interface ObjectBox {
  key: string;
  object: HeapObject;
  /** Its title, in lines that fit the view's width. */
  title: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  /** Items laid out in a row (list, tuple, deque, set) or in rows (dict, attributes). */
  slots: Slot[];
  /** For a large container: where the left-out items are shown (`… n more`), if any. */
  gap: { x: number; y: number; count: number } | null;
}

export interface Arrow {
  /** The slot's owner (frame or object key) and index: what the arrow leaves from. */
  from: { owner: string; slot: number };
  to: string;
  start: Point;
  end: Point;
  /**
   * Which way the arrow travels as it arrives: rightwards (1) into an object's left side, leftwards
   * (-1) into a frame's right side, whichever side it comes from, so its head never lies on a title.
   */
  enter: 1 | -1;
}

export interface HeapLayout {
  frames: FrameBox[];
  objects: ObjectBox[];
  arrows: Arrow[];
  width: number;
  height: number;
  /** Object keys per column, in order: what the next layout keeps. */
  columns: string[][];
}

const G = GEOMETRY;
const ROWS: ReadonlySet<string> = new Set(['dict', 'instance']);

/** CJK and other wide characters take two columns of a monospace font. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

function textWidth(text: string): number {
  return (text.length + (text.match(WIDE)?.length ?? 0)) * G.char;
}

function cellWidth(value: Value): number {
  if ('r' in value) return G.minCell;
  return Math.min(G.maxCell, Math.max(G.minCell, textWidth(value.v) + G.pad * 2));
}

/** An object's title: its type, its length, a deque's maxlen. */
export function objectTitle(o: HeapObject): string {
  const len = o.len !== undefined ? ` (${o.len})` : '';
  const maxlen = o.maxlen !== undefined ? ` maxlen=${o.maxlen ?? '∞'}` : '';
  return `${o.type}${len}${maxlen}`;
}

/** A title cut at its spaces into lines no wider than `room` (a word wider than that has a line of its own). */
export function titleLines(title: string, room: number): string[] {
  const lines: string[] = [];
  for (const word of title.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && textWidth(`${lines[last]} ${word}`) + G.pad * 2 <= room) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

interface ObjectShape {
  title: string[];
  width: number;
  height: number;
  slots: Slot[];
  gapAt: number | null;
}

/** The title, size and slots (relative to the box) of an object, its title wrapped to `room`. */
function objectShape(o: HeapObject, text: string, room: number): ObjectShape {
  const lines = titleLines(text, room);
  const title = Math.max(...lines.map(textWidth)) + G.pad * 2;
  const head = G.header + (lines.length - 1) * G.line;
  const shape = contentShape(o, head);
  return { ...shape, title: lines, width: Math.max(title, shape.width) };
}

/** The size and slots of an object's contents, under a title `head` high. */
function contentShape(o: HeapObject, head: number): Omit<ObjectShape, 'title'> {
  const slots: Slot[] = [];
  if (ROWS.has(o.shape)) {
    const pairs: [string, Value][] =
      o.shape === 'dict'
        ? (o.entries ?? []).map(([k, v]) => ['v' in k ? k.v : '→', v])
        : (o.attrs ?? []).map((a) => [a.name, a.value]);
    const labelWidth = Math.max(0, ...pairs.map(([label]) => textWidth(label))) + G.pad * 2;
    const valueWidth = Math.max(G.minCell, ...pairs.map(([, v]) => cellWidth(v)));
    pairs.forEach(([label, value], i) =>
      slots.push({ x: labelWidth, y: head + i * G.row, width: valueWidth, height: G.row, label, value }),
    );
    const gapRows = o.gap ? 1 : 0;
    return {
      width: labelWidth + valueWidth,
      height: head + (pairs.length + gapRows) * G.row,
      slots,
      gapAt: o.gap ? head + pairs.length * G.row : null,
    };
  }
  const items = o.items ?? [];
  let x = 0;
  let gapAt: number | null = null;
  items.forEach((value, i) => {
    if (o.gap && i === o.gap[0]) {
      gapAt = x;
      x += textWidth(`…${o.gap[1]}`) + G.pad * 2;
    }
    const width = cellWidth(value);
    const index = o.gap && i >= o.gap[0] ? i + o.gap[1] : i;
    slots.push({ x, y: head, width, height: G.row, label: String(index), value });
    x += width;
  });
  const leaf = o.name ?? o.repr ?? '';
  const body = items.length > 0 || o.gap || leaf ? G.row : 0;
  return { width: Math.max(x, textWidth(leaf) + G.pad * 2), height: head + body, slots, gapAt };
}

/** What the view writes in a frame's header (the lane's name and the frame's state, in its language). */
export type FrameTitle = (frame: Frame) => string;

const englishTitle: FrameTitle = (f) => `${f.name} — suspended at line ${f.line}`;

export interface LayoutOptions {
  title?: FrameTitle;
  /** What the view writes as an object's title (objectTitle, after its lane's name if it has one). */
  objectTitle?: (object: HeapObject) => string;
  /**
   * The width the view has: object columns that would end past it go to a band below the others
   * (still right of the frames), and a title wider than the room right of the frames is wrapped, so
   * a small heap is seen whole without scrolling sideways.
   */
  maxWidth?: number;
}

/** How wide the frames' column is: its widest variable row, or its longest title (name and state). */
function framesWidth(frames: Frame[], title: FrameTitle): number {
  let width = G.frameWidth;
  for (const f of frames) {
    width = Math.max(width, textWidth(title(f)) + G.pad * 2);
    for (const v of f.locals) width = Math.max(width, textWidth(v.name) + G.pad * 3 + cellWidth(v.value));
  }
  return width;
}

/** A frame's variable rows, placed for a frame box at (0, y). */
function frameSlots(f: Frame, width: number, y: number): Slot[] {
  const labelWidth = Math.max(0, ...f.locals.map((v) => textWidth(v.name))) + G.pad * 2;
  return f.locals.map((v, i) => ({
    x: labelWidth,
    y: y + G.header + i * G.row,
    width: width - labelWidth,
    height: G.row,
    label: v.name,
    value: v.value,
  }));
}

/** Every reference a snapshot holds, owner by owner, in order: what decides each object's column. */
function references(snapshot: HeapSnapshot): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  const add = (owner: string, values: Value[]) =>
    refs.set(
      owner,
      values.flatMap((v) => ('r' in v ? [v.r] : [])),
    );
  for (const f of [...snapshot.stack, ...snapshot.suspended])
    add(
      f.key,
      f.locals.map((v) => v.value),
    );
  for (const o of snapshot.objects)
    add(o.key, [...(o.items ?? []), ...(o.entries ?? []).flat(), ...(o.attrs ?? []).map((a) => a.value)]);
  return refs;
}

export function layoutHeap(
  snapshot: HeapSnapshot,
  previous?: HeapLayout,
  options: LayoutOptions = {},
): HeapLayout {
  const frameKeys = new Set([...snapshot.stack, ...snapshot.suspended].map((f) => f.key));
  // generators are drawn as their frames; an object without a frame (a generator past the walk's limit) stays a box
  const drawn = snapshot.objects.filter((o) => !frameKeys.has(o.key));
  const refs = references(snapshot);

  // column by distance from the frames, breadth first, found order kept
  const depth = new Map<string, number>();
  let wave = [...frameKeys];
  for (let d = 0; wave.length > 0; d++) {
    const next: string[] = [];
    for (const owner of wave)
      for (const key of refs.get(owner) ?? [])
        if (!depth.has(key) && !frameKeys.has(key)) {
          depth.set(key, d);
          next.push(key);
        }
    wave = next;
  }
  const wanted = new Map<string, number>();
  previous?.columns.forEach((keys, c) => keys.forEach((key) => wanted.set(key, c)));
  const present = new Set(drawn.map((o) => o.key));
  const columns: string[][] = [];
  const place = (key: string, c: number) => (columns[c] ??= []).push(key);
  // survivors first, in their old order; then newcomers in the order found
  previous?.columns.forEach((keys, c) => keys.filter((k) => present.has(k)).forEach((k) => place(k, c)));
  for (const o of drawn) if (!wanted.has(o.key)) place(o.key, depth.get(o.key) ?? 0);
  for (let c = 0; c < columns.length; c++) columns[c] ??= [];

  // frames: the stack from the top, then the frames off it
  const frames: FrameBox[] = [];
  const frameWidth = framesWidth([...snapshot.stack, ...snapshot.suspended], options.title ?? englishTitle);
  let y = 0;
  const addFrame = (frame: Frame, onStack: boolean) => {
    const slots = frameSlots(frame, frameWidth, y);
    const height = G.header + Math.max(1, slots.length) * G.row;
    frames.push({ key: frame.key, frame, onStack, x: 0, y, width: frameWidth, height, slots });
    y += height + G.gapY;
  };
  snapshot.stack.forEach((f) => addFrame(f, true));
  if (snapshot.suspended.length > 0) y += G.suspendedGap;
  snapshot.suspended.forEach((f) => addFrame(f, false));
  let height = y;

  const byKey = new Map(drawn.map((o) => [o.key, o]));
  const objects: ObjectBox[] = [];
  const left = frameWidth + G.gapX;
  let x = left;
  let width = frameWidth;
  /** Where the current band of columns starts, and how far down its columns reach. */
  let bandTop = 0;
  let bandBottom = 0;
  const room = options.maxWidth === undefined ? Infinity : options.maxWidth - left;
  for (const keys of columns) {
    const shapes = keys.map((key) => {
      const object = byKey.get(key)!;
      return objectShape(object, (options.objectTitle ?? objectTitle)(object), room);
    });
    const columnWidth = Math.max(0, ...shapes.map((shape) => shape.width));
    if (options.maxWidth !== undefined && x > left && x + columnWidth > options.maxWidth) {
      x = left;
      bandTop = bandBottom + G.gapY;
    }
    let cy = bandTop;
    keys.forEach((key, k) => {
      const object = byKey.get(key)!;
      const shape = shapes[k];
      const box: ObjectBox = {
        key,
        object,
        title: shape.title,
        x,
        y: cy,
        width: shape.width,
        height: shape.height,
        slots: shape.slots.map((s) => ({ ...s, x: x + s.x, y: cy + s.y })),
        gap: null,
      };
      if (shape.gapAt !== null && object.gap)
        box.gap = ROWS.has(object.shape)
          ? { x: x + G.pad, y: cy + shape.gapAt, count: object.gap[1] }
          : { x: x + shape.gapAt, y: cy + shape.height - G.row, count: object.gap[1] };
      objects.push(box);
      cy += shape.height + G.gapY;
    });
    bandBottom = Math.max(bandBottom, cy - G.gapY);
    height = Math.max(height, cy);
    width = Math.max(width, x + columnWidth);
    x += columnWidth + G.gapX;
  }

  const targets = new Map<string, Point & { enter: 1 | -1 }>();
  // a frame is reached at its right side, where the objects are: an arrow never crosses its variables
  for (const f of frames) targets.set(f.key, { x: f.x + f.width, y: f.y + G.header / 2, enter: -1 });
  for (const o of objects) targets.set(o.key, { x: o.x, y: o.y + G.header / 2, enter: 1 });
  const arrows: Arrow[] = [];
  const arrowsFrom = (owner: string, slots: Slot[]) =>
    slots.forEach((s, slot) => {
      if (!('r' in s.value)) return;
      const target = targets.get(s.value.r);
      if (target)
        arrows.push({
          from: { owner, slot },
          to: s.value.r,
          start: { x: s.x + s.width / 2, y: s.y + s.height / 2 },
          end: { x: target.x, y: target.y },
          enter: target.enter,
        });
    });
  for (const f of frames) arrowsFrom(f.key, f.slots);
  for (const o of objects) arrowsFrom(o.key, o.slots);

  return { frames, objects, arrows, width, height, columns };
}
