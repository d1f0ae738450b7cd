import { rekeySnapshot, type HeapSnapshot } from './snapshot.ts';

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
