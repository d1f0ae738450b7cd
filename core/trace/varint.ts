import { TraceFileError } from './file-error.ts';

/**
 * Unsigned LEB128 varints and zigzag for the native trace format. Values go up to 2^53 (nanosecond
 * deltas), beyond 32-bit bit operations, so the slow path uses arithmetic.
 */

export function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

export function unzigzag(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}

/** An append-only byte buffer that grows as it is written. */
export class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  varint(v: number): void {
    this.reserve(8);
    let at = this.length;
    const out = this.bytes;
    if (v < 0x80000000) {
      while (v >= 0x80) {
        out[at++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
    } else {
      while (v >= 0x80) {
        out[at++] = (v % 0x80) | 0x80;
        v = Math.floor(v / 0x80);
      }
    }
    out[at++] = v;
    this.length = at;
  }

  byte(v: number): void {
    this.reserve(1);
    this.bytes[this.length++] = v;
  }

  write(data: Uint8Array): void {
    this.reserve(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Reads what ByteWriter wrote; running past the end is a truncated file. */
export class ByteReader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get left(): number {
    return this.bytes.length - this.at;
  }

  varint(): number {
    const bytes = this.bytes;
    let v = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= bytes.length) throw TraceFileError.flaw('traceDataEnds');
      const b = bytes[this.at++];
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
      if (scale > 2 ** 56) throw TraceFileError.flaw('traceNumberLong');
    }
  }

  byte(): number {
    if (this.at >= this.bytes.length) throw TraceFileError.flaw('traceDataEnds');
    return this.bytes[this.at++];
  }

  take(n: number): Uint8Array {
    if (n > this.left) throw TraceFileError.flaw('traceDataEnds');
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
}
