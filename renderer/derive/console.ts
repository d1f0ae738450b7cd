import type { Trace } from '../../core/trace/trace.ts';
import { KIND_CODE } from '../../core/trace/schema.ts';
import { IntColumn, upperBound } from './columns.ts';

export interface ConsoleLine {
  /** The event that began the line: clicking the line moves the cursor here. */
  seq: number;
  text: string;
  stderr: boolean;
}

/**
 * Program output split into lines, each remembering the event that printed it. A line whose text
 * arrived in several writes keeps where each part came from, so the console at an instant shows
 * exactly what had been written by then.
 */
export class ConsoleIndex {
  /** Seq of the write that began each line. */
  readonly lineSeq = new IntColumn(64);
  readonly #text: string[] = [];
  readonly #stderr: boolean[] = [];
  /** For lines assembled from several writes: the seq at which each later part arrived and its text. */
  readonly #parts = new Map<number, { seq: number; text: string }[]>();
  #open = false;

  constructor(private readonly trace: Trace) {}

  get size(): number {
    return this.lineSeq.size;
  }

  ingest(i: number): void {
    const text = this.trace.str(i, 0) ?? '';
    const stderr = this.trace.kind[i] === KIND_CODE.stderr;
    const pieces = text.split('\n');
    pieces.forEach((piece, k) => {
      const last = k === pieces.length - 1;
      if (last && piece === '') {
        this.#open = false;
        return;
      }
      if (this.#open && k === 0) {
        const line = this.lineSeq.size - 1;
        this.#text[line] += piece;
        const parts = this.#parts.get(line) ?? [];
        parts.push({ seq: i, text: piece });
        this.#parts.set(line, parts);
      } else {
        this.lineSeq.push(i);
        this.#text.push(piece);
        this.#stderr.push(stderr);
      }
      this.#open = last;
    });
  }

  /** The number of lines begun by event `seq`. */
  countAt(seq: number): number {
    return upperBound(this.lineSeq.data, this.lineSeq.size, seq);
  }

  /** Lines [from, to) as they stood right after event `seq`. */
  lines(from: number, to: number, seq: number): ConsoleLine[] {
    const out: ConsoleLine[] = [];
    for (let j = from; j < to; j++) {
      let text = this.#text[j];
      const parts = this.#parts.get(j);
      if (parts && parts[parts.length - 1].seq > seq) {
        const late = parts.filter((p) => p.seq > seq).reduce((n, p) => n + p.text.length, 0);
        text = text.slice(0, text.length - late);
      }
      out.push({ seq: this.lineSeq.data[j], text, stderr: this.#stderr[j] });
    }
    return out;
  }

  /** The last `max` lines at `seq`. */
  tail(seq: number, max: number): ConsoleLine[] {
    const n = this.countAt(seq);
    return this.lines(Math.max(0, n - max), n, seq);
  }
}
