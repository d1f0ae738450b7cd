import type { Frame, HeapObject, HeapSnapshot, Value, Variable } from '../session/snapshot.ts';

/** Keys the heap walk gives objects without a trace id: valid within one re-run only. */
const RUN_KEY = /^k\d+$/;

/**
 * Turns one re-run's keys into keys that hold across re-runs, so an object keeps its key (and its
 * place in the drawing) when stepping back starts the program again. A re-run whose snapshot of
 * some event is already known (taken by an earlier re-run) is anchored on it: a deterministic
 * program reaches the same objects in the same order there, so they are paired one by one.
 */
export class KeyMap {
  private readonly map = new Map<string, string>();

  constructor(private readonly fresh: () => string) {}

  /** Pairs `ours` (this re-run's, unkeyed) with `known`, a keyed snapshot of the same event. */
  anchor(ours: HeapSnapshot, known: HeapSnapshot): void {
    const n = Math.min(ours.objects.length, known.objects.length);
    for (let i = 0; i < n; i++) {
      const a = ours.objects[i];
      const b = known.objects[i];
      if (a.type !== b.type || a.shape !== b.shape) break;
      if (RUN_KEY.test(a.key) && !this.map.has(a.key)) this.map.set(a.key, b.key);
    }
  }

  key(key: string): string {
    if (!RUN_KEY.test(key)) return key;
    let stable = this.map.get(key);
    if (stable === undefined) {
      stable = this.fresh();
      this.map.set(key, stable);
    }
    return stable;
  }

  apply(snapshot: HeapSnapshot): HeapSnapshot {
    return rekeySnapshot(snapshot, (key) => this.key(key));
  }
}

/** The snapshot with every key mapped (a generator's frame shares its object's key). */
function rekeySnapshot(snapshot: HeapSnapshot, map: (key: string) => string): HeapSnapshot {
  const value = (v: Value): Value => ('r' in v ? { r: map(v.r) } : v);
  const variables = (vars: Variable[]): Variable[] =>
    vars.map((x) => ({ name: x.name, value: value(x.value) }));
  const frame = (f: Frame): Frame => ({ ...f, key: map(f.key), locals: variables(f.locals) });
  return {
    ...snapshot,
    stack: snapshot.stack.map(frame),
    suspended: snapshot.suspended.map(frame),
    objects: snapshot.objects.map((o) => {
      const out: HeapObject = { ...o, key: map(o.key) };
      if (o.items) out.items = o.items.map(value);
      if (o.entries) out.entries = o.entries.map(([k, v]) => [value(k), value(v)]);
      if (o.attrs) out.attrs = variables(o.attrs);
      return out;
    }),
  };
}
