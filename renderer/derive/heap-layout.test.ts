import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Frame, HeapObject, HeapSnapshot, Value } from '../../core/session/snapshot.ts';
import { GEOMETRY, layoutHeap, type HeapLayout } from './heap-layout.ts';

const module = (locals: [string, Value][]): Frame => ({
  key: 'main',
  kind: 'module',
  name: '<module>',
  state: 'running',
  line: 1,
  locals: locals.map(([name, value]) => ({ name, value })),
});
const list = (key: string, items: Value[]): HeapObject => ({
  key,
  type: 'list',
  shape: 'list',
  len: items.length,
  items,
});
const snapshot = (stack: Frame[], objects: HeapObject[], suspended: Frame[] = []): HeapSnapshot => ({
  at: 0,
  final: false,
  stack,
  suspended,
  objects,
  truncated: false,
  awaits: [],
});

function boxes(layout: HeapLayout) {
  return [...layout.frames, ...layout.objects];
}

function overlapping(layout: HeapLayout): string[] {
  const all = boxes(layout);
  const found: string[] = [];
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i];
      const b = all[j];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        found.push(`${a.key}/${b.key}`);
    }
  return found;
}

describe('the layout of frames and objects', () => {
  it('draws an aliased inner list once, with three arrows to it', () => {
    const layout = layoutHeap(
      snapshot(
        [module([['a', { r: 'h1' }]])],
        [
          list('h1', [{ r: 'h2' }, { r: 'h2' }, { r: 'h2' }]),
          list('h2', [{ v: '0' }, { v: '0' }, { v: '0' }]),
        ],
      ),
    );
    expect(layout.objects.map((o) => o.key)).toEqual(['h1', 'h2']);
    expect(layout.arrows.filter((a) => a.to === 'h2').map((a) => a.from)).toEqual([
      { owner: 'h1', slot: 0 },
      { owner: 'h1', slot: 1 },
      { owner: 'h1', slot: 2 },
    ]);
    const [outer, inner] = layout.objects;
    expect(inner.x).toBeGreaterThan(outer.x + outer.width);
  });

  it("enters an object from its left and a frame from its right, even from a cell right of the object's side", () => {
    const aliased = snapshot(
      [module([['a', { r: 'h1' }]])],
      [list('h1', [{ r: 'h2' }, { r: 'h2' }, { r: 'h2' }]), list('h2', [{ v: '0' }, { v: '0' }, { v: '0' }])],
    );
    // too narrow for two columns: the inner list goes to a band below, left of the cells pointing at it
    const layout = layoutHeap(aliased, undefined, { maxWidth: 300 });
    const [outer, inner] = layout.objects;
    expect(inner.y).toBeGreaterThan(outer.y + outer.height);
    const intoInner = layout.arrows.filter((a) => a.to === 'h2');
    expect(intoInner.every((a) => a.start.x > a.end.x && a.end.x === inner.x && a.enter === 1)).toBe(true);
    expect(layout.arrows.find((a) => a.to === 'h1')?.enter).toBe(1);
  });

  it("points a deque slot holding a generator at that generator's frame", () => {
    const gen: Frame = {
      key: 'o4',
      kind: 'generator',
      name: 'task',
      state: 'suspended',
      line: 3,
      obj: 4,
      locals: [],
    };
    const deque: HeapObject = {
      key: 'o7',
      type: 'deque',
      shape: 'deque',
      len: 1,
      items: [{ r: 'o4' }],
      maxlen: 3,
    };
    const generator: HeapObject = {
      key: 'o4',
      type: 'generator',
      shape: 'generator',
      name: 'task',
      state: 'suspended',
    };
    const layout = layoutHeap(snapshot([module([['ready', { r: 'o7' }]])], [deque, generator], [gen]));
    expect(layout.objects.map((o) => o.key)).toEqual(['o7']);
    const frame = layout.frames.find((f) => f.key === 'o4')!;
    expect(frame.onStack).toBe(false);
    expect(layout.arrows.find((a) => a.from.owner === 'o7')).toMatchObject({
      to: 'o4',
      end: { x: frame.x + frame.width, y: frame.y + 11 },
      enter: -1,
    });
  });

  it('keeps every object where it was as the cursor moves, and puts newcomers after them', () => {
    const before = layoutHeap(
      snapshot(
        [
          module([
            ['l', { r: 'h1' }],
            ['m', { r: 'h1' }],
          ]),
        ],
        [list('h1', [{ v: '1' }, { v: '2' }])],
      ),
    );
    // l = l + [3]: l now names a new list, found first; m keeps the old one
    const after = layoutHeap(
      snapshot(
        [
          module([
            ['l', { r: 'h5' }],
            ['m', { r: 'h1' }],
          ]),
        ],
        [list('h5', [{ v: '1' }, { v: '2' }, { v: '3' }]), list('h1', [{ v: '1' }, { v: '2' }])],
      ),
      before,
    );
    const at = (layout: HeapLayout, key: string) => {
      const o = layout.objects.find((b) => b.key === key)!;
      return [o.x, o.y];
    };
    expect(at(after, 'h1')).toEqual(at(before, 'h1'));
    expect(at(after, 'h5')[1]).toBeGreaterThan(at(after, 'h1')[1]);
  });

  it('never lets two boxes overlap, whatever the snapshot', () => {
    const value = (keys: number) =>
      fc.oneof(
        fc.string({ maxLength: 30 }).map((v): Value => ({ v })),
        fc.nat(keys - 1).map((k): Value => ({ r: `h${k}` })),
      );
    const heap = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.record({
        locals: fc.array(value(n), { maxLength: 6 }),
        objects: fc.tuple(
          ...Array.from({ length: n }, (_, k) =>
            fc.oneof(
              fc.array(value(n), { maxLength: 12 }).map((items) => list(`h${k}`, items)),
              fc.array(fc.tuple(value(n), value(n)), { maxLength: 6 }).map((entries): HeapObject => ({
                key: `h${k}`,
                type: 'dict',
                shape: 'dict',
                len: entries.length,
                entries,
              })),
            ),
          ),
        ),
      }),
    );
    fc.assert(
      fc.property(heap, heap, (a, b) => {
        const s = (h: typeof a) =>
          snapshot([module(h.locals.map((v, i): [string, Value] => [`v${i}`, v]))], h.objects);
        const first = layoutHeap(s(a));
        expect(overlapping(first)).toEqual([]);
        expect(overlapping(layoutHeap(s(b), first))).toEqual([]);
        // also in a view too narrow for every column side by side
        const narrow = layoutHeap(s(a), undefined, { maxWidth: 300 });
        expect(overlapping(narrow)).toEqual([]);
        expect(overlapping(layoutHeap(s(b), narrow, { maxWidth: 300 }))).toEqual([]);
      }),
    );
  });

  it("wraps columns that would pass the view's width to a band below, right of the frames", () => {
    const s = snapshot(
      [module([['a', { r: 'h1' }]])],
      [
        list('h1', [{ r: 'h2' }, { r: 'h2' }, { r: 'h2' }]),
        list('h2', [{ r: 'h3' }]),
        list('h3', [{ v: '0' }]),
      ],
    );
    const wide = layoutHeap(s);
    expect(new Set(wide.objects.map((o) => o.y))).toEqual(new Set([0]));
    const maxWidth = wide.objects[1].x + wide.objects[1].width;
    const narrow = layoutHeap(s, undefined, { maxWidth });
    expect(narrow.width).toBeLessThanOrEqual(maxWidth);
    const [outer, middle, inner] = narrow.objects;
    expect([outer.y, middle.y]).toEqual([0, 0]);
    expect(inner.x).toBe(outer.x);
    expect(inner.y).toBeGreaterThan(outer.y + outer.height);
  });

  it('wraps a title wider than the room right of the frames into lines, its cells below them', () => {
    const deque: HeapObject = {
      ...list('h1', [{ v: '1' }, { v: '2' }]),
      type: 'deque',
      shape: 'deque',
      maxlen: 8,
    };
    const s = snapshot([module([['buffer', { r: 'h1' }]])], [deque]);
    const objectTitle = () => 'buffer · deque (2) maxlen=8';
    const wide = layoutHeap(s, undefined, { objectTitle }).objects[0];
    expect(wide.title).toEqual(['buffer · deque (2) maxlen=8']);
    const maxWidth = wide.x + 100;
    const narrow = layoutHeap(s, undefined, { objectTitle, maxWidth });
    const [box] = narrow.objects;
    expect(box.title).toEqual(['buffer ·', 'deque (2)', 'maxlen=8']);
    expect(narrow.width).toBeLessThanOrEqual(maxWidth);
    expect(box.slots[0].y - box.y).toBe(wide.slots[0].y - wide.y + 2 * GEOMETRY.line);
    expect(box.height).toBe(wide.height + 2 * GEOMETRY.line);
  });

  it('sizes the frames to the titles the view writes, wide characters counted twice', () => {
    const s = snapshot([module([])], []);
    const title = (text: string) => () => text;
    const ascii = layoutHeap(s, undefined, { title: title('x'.repeat(40)) }).frames[0].width;
    const wide = layoutHeap(s, undefined, { title: title('暫'.repeat(20)) }).frames[0].width;
    expect(wide).toBe(ascii);
    expect(layoutHeap(s, undefined, { title: title('<module> — line 4') }).frames[0].width).toBe(140);
  });
});
