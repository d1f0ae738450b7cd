/**
 * The "events so far" line a long recording shows on a terminal. It appears only after a moment (a
 * short run shows nothing), rewrites itself in place, and is wiped before the summary is printed.
 * When the stream is not a terminal (a log, a pipe) it only says once, at the program's first
 * events, that the recording is under way: from then on Ctrl-C stops the program and keeps its trace.
 */
export const RECORDING_LINE = 'yieldscope: recording (Ctrl-C stops the program and still writes the trace)\n';

const QUIET_MS = 500;
const EVERY_MS = 100;

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export class Progress {
  private events = 0;
  private shown = false;
  private announced = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly started = Date.now();

  constructor(private readonly stream: ProgressStream) {
    if (!stream.isTTY) return;
    this.timer = setInterval(() => this.draw(), EVERY_MS);
    this.timer.unref();
  }

  count(events: number): void {
    this.events = events;
    if (this.stream.isTTY || this.announced) return;
    this.announced = true;
    this.stream.write(RECORDING_LINE);
  }

  stop(): void {
    clearInterval(this.timer);
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  private draw(): void {
    const ms = Date.now() - this.started;
    if (ms < QUIET_MS) return;
    this.shown = true;
    this.stream.write(
      `\r\x1b[Krecording… ${this.events.toLocaleString('en-US')} events, ${(ms / 1000).toFixed(1)} s (Ctrl-C stops)`,
    );
  }
}
