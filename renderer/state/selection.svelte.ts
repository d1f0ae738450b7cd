/**
 * The object selected in any view — a frame, an object of the heap, a deque slot or an iterator's
 * value naming a generator, a lane — so every view highlights the same one. A heap key: `o<id>` for
 * objects the trace has an id for (their lanes), `h<n>` for the heap's other objects.
 */
class Selection {
  key = $state<string | null>(null);

  /** The trace's object id of the selection, when it has one (a generator, deque, iterator, task). */
  get obj(): number | null {
    const match = /^o(\d+)$/.exec(this.key ?? '');
    return match ? Number(match[1]) : null;
  }

  /** Selects `key`, or clears the selection when it is already selected. */
  toggle(key: string | null): void {
    this.key = this.key === key ? null : key;
  }
}

export const selection = new Selection();
