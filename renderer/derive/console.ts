import type { Trace } from '../../core/trace/trace.ts';
import { KIND_CODE } from '../../core/trace/schema.ts';
import { IntColumn, lowerBound, upperBound } from './columns.ts';

export interface ConsoleLine {
  /** The line's number in the whole output, from 0. */
  index: number;
  /** The event that began the line: clicking the line moves the cursor here. */
  seq: number;
  text: string;
  stderr: boolean;
}

/**
 * Program output split into lines, each remembering the event that printed it. The lines the program
 * read (`stdin`) are in it too, where they were typed, as a terminal shows them after the prompt. A line whose text
 * arrived in several writes keeps where each part came from, so the console at an instant shows
 * exactly what had been written by then. Lines that are exactly one write (the common case: one print,
 * one write) keep nothing but the event that wrote them: a live run prints millions of lines.
 */
export class ConsoleIndex {
  /** Seq of the write that began each line. */
  readonly lineSeq = new IntColumn(64);
  /** The text of each line that is not its write's whole text minus the newline, by line. */
  readonly #texts = new Map<number, string>();
  /** The lines written to stderr, in order. */
  readonly #stderr = new IntColumn(16);
  /** For lines assembled from several writes: the seq at which each later part arrived and its text. */
  readonly #parts = new Map<number, { seq: number; text: string }[]>();
  #open = false;

  constructor(private readonly trace: Trace) {}

  get size(): number {
    return this.lineSeq.size;
  }

  ingest(i: number): void {
    const text = this.trace.str(i, 0) ?? '';
    const stderr = this.trace.kindAt(i) === KIND_CODE.stderr;
    const nl = text.indexOf('\n');
    if (!this.#open && nl === text.length - 1 && nl >= 0) {
      this.#begin(i, stderr);
      return;
    }
    const pieces = text.split('\n');
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k];
      const last = k === pieces.length - 1;
      if (last && piece === '') {
        this.#open = false;
        break;
      }
      if (this.#open && k === 0) this.#extendOpenLine(i, piece);
      else {
        this.#texts.set(this.lineSeq.size, piece);
        this.#begin(i, stderr);
      }
      this.#open = last;
    }
  }

  #begin(seq: number, stderr: boolean): void {
    if (stderr) this.#stderr.push(this.lineSeq.size);
    this.lineSeq.push(seq);
  }

  #extendOpenLine(seq: number, piece: string): void {
    const line = this.lineSeq.size - 1;
    this.#texts.set(line, this.#texts.get(line) + piece);
    const parts = this.#parts.get(line) ?? [];
    parts.push({ seq, text: piece });
    this.#parts.set(line, parts);
  }

  #text(line: number): string {
    const text = this.#texts.get(line);
    if (text !== undefined) return text;
    const whole = this.trace.str(this.lineSeq.data[line], 0) ?? '';
    return whole.slice(0, -1);
  }

  #isStderr(line: number): boolean {
    const at = lowerBound(this.#stderr.data, this.#stderr.size, line);
    return at < this.#stderr.size && this.#stderr.data[at] === line;
  }

  /** The number of lines begun by event `seq`. */
  countAt(seq: number): number {
    return upperBound(this.lineSeq.data, this.lineSeq.size, seq);
  }

  /** Lines [from, to) as they stood right after event `seq`. */
  lines(from: number, to: number, seq: number): ConsoleLine[] {
    const out: ConsoleLine[] = [];
    for (let j = from; j < to; j++) {
      let text = this.#text(j);
      const parts = this.#parts.get(j);
      if (parts && parts[parts.length - 1].seq > seq) {
        const late = parts.filter((p) => p.seq > seq).reduce((n, p) => n + p.text.length, 0);
        text = text.slice(0, text.length - late);
      }
      out.push({ index: j, seq: this.lineSeq.data[j], text, stderr: this.#isStderr(j) });
    }
    return out;
  }

  /** The last `max` lines at `seq`. */
  tail(seq: number, max: number): ConsoleLine[] {
    const n = this.countAt(seq);
    return this.lines(Math.max(0, n - max), n, seq);
  }
}
