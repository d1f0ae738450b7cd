/**
 * A column of a growing trace, stored in chunks of CHUNK events that are never moved once full: a
 * live run appends a million events a second, and growing one contiguous array by copying it would
 * stall the renderer for a frame at each doubling and leave the old copy for the garbage collector.
 * Only a short last chunk (a small trace's only one, or the end of a decoded file) is ever copied,
 * and then into at most one chunk's worth of memory.
 */
export type TypedArray = Float64Array | Int32Array | Uint8Array;

/** Events per chunk: a power of two, so an event's chunk and slot are a shift and a mask. */
export const CHUNK_BITS = 16;
export const CHUNK = 1 << CHUNK_BITS;
export const SLOT = CHUNK - 1;
/** The first chunk of a trace starts this small, so a short trace stays small. */
const FIRST_CHUNK = 1024;

export class Column<A extends TypedArray> {
  /** Full chunks hold CHUNK × width values; only the last may be shorter. */
  readonly chunks: A[] = [];
  private capacity = 0;

  /** `width`: values per event (the field column holds several). */
  constructor(
    private readonly make: (length: number) => A,
    readonly width = 1,
  ) {}

  /** A column over existing values of `size` events, uncopied: each chunk is a view into them. */
  static over<A extends TypedArray>(
    make: (length: number) => A,
    values: A,
    size: number,
    width = 1,
  ): Column<A> {
    const column = new Column(make, width);
    const step = CHUNK * width;
    for (let at = 0; at < size * width; at += step)
      column.chunks.push(values.subarray(at, Math.min(size * width, at + step)) as A);
    column.capacity = size;
    return column;
  }

  /** Copies `values` (count events' worth) in as events first, first + 1, …, making room first. */
  write(values: A, first: number, count: number): void {
    this.reserve(first + count);
    const w = this.width;
    for (let done = 0; done < count;) {
      const i = first + done;
      const n = Math.min(count - done, CHUNK - (i & SLOT));
      this.chunks[i >>> CHUNK_BITS].set(values.subarray(done * w, (done + n) * w), (i & SLOT) * w);
      done += n;
    }
  }

  /** The first `size` events as views of the chunks, in order: chunk k of every column holds the same events. */
  pieces(size: number): A[] {
    const out: A[] = [];
    for (let first = 0; first < size; first += CHUNK)
      out.push(
        this.chunks[first >>> CHUNK_BITS].subarray(0, Math.min(CHUNK, size - first) * this.width) as A,
      );
    return out;
  }

  /** Events from..to as one new contiguous array. */
  slice(from: number, to: number): A {
    const w = this.width;
    const out = this.make((to - from) * w);
    for (let i = from; i < to;) {
      const n = Math.min(to - i, CHUNK - (i & SLOT));
      const slot = (i & SLOT) * w;
      out.set(this.chunks[i >>> CHUNK_BITS].subarray(slot, slot + n * w), (i - from) * w);
      i += n;
    }
    return out;
  }

  private reserve(events: number): void {
    while (this.capacity < events) {
      const last = this.chunks.length - 1;
      const lastEvents = last < 0 ? CHUNK : this.chunks[last].length / this.width;
      if (lastEvents < CHUNK) {
        // a short last chunk grows (doubling, up to a full chunk) instead of leaving a gap
        const need = events - last * CHUNK;
        const grown = this.make(Math.min(CHUNK, Math.max(2 * lastEvents, need)) * this.width);
        grown.set(this.chunks[last]);
        this.chunks[last] = grown;
      } else {
        const need = events - this.chunks.length * CHUNK;
        this.chunks.push(
          this.make(Math.min(CHUNK, Math.max(this.chunks.length ? CHUNK : FIRST_CHUNK, need)) * this.width),
        );
      }
      const end = this.chunks.length - 1;
      this.capacity = end * CHUNK + this.chunks[end].length / this.width;
    }
  }
}
