/**
 * The program's input in the CLI: the CLI's own standard input, piped or typed at a terminal, read
 * a line at a time as the program asks (nothing is read from it if the program never does). Lines
 * keep their newline, the last one may lack it, and the end of the stream is the end of the input.
 */
import type { Readable } from 'node:stream';

export class LineReader {
  private buffered = '';
  private ended = false;
  private started = false;
  private waiting: ((line: string | null) => void) | null = null;

  constructor(private readonly stream: Readable) {}

  /** The next line, or null once the input has ended. */
  next(): Promise<string | null> {
    this.start();
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.deliver();
    });
  }

  /** Stops reading, so the stream keeps no process alive. */
  close(): void {
    if (!this.started) return;
    this.stream.pause();
    this.stream.removeAllListeners('data').removeAllListeners('end');
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.stream.setEncoding('utf8');
    this.stream.on('data', (chunk: string) => {
      this.buffered += chunk;
      this.deliver();
    });
    this.stream.on('end', () => {
      this.ended = true;
      this.deliver();
    });
  }

  private deliver(): void {
    if (!this.waiting) return;
    const cut = this.buffered.indexOf('\n');
    let line: string | null;
    if (cut >= 0) line = this.buffered.slice(0, cut + 1);
    else if (this.ended) line = this.buffered === '' ? null : this.buffered;
    else return;
    this.buffered = line === null ? '' : this.buffered.slice(line.length);
    const resolve = this.waiting;
    this.waiting = null;
    resolve(line);
  }
}
