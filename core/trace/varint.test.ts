import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceFileError } from './file-error.ts';
import { ByteReader, ByteWriter, unzigzag, zigzag } from './varint.ts';

describe('varints', () => {
  it('zigzag maps signed to unsigned and back, beyond 32 bits', () => {
    expect([0, -1, 1, -2, 2].map(zigzag)).toEqual([0, 1, 2, 3, 4]);
    fc.assert(fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), (n) => unzigzag(zigzag(n)) === n));
  });

  it('reads back every number it wrote, small and up to 2^53', () => {
    const numbers = fc.array(fc.oneof(fc.nat({ max: 300 }), fc.nat(), fc.maxSafeNat()), { maxLength: 50 });
    fc.assert(
      fc.property(numbers, (values) => {
        const writer = new ByteWriter();
        values.forEach((v) => writer.varint(v));
        const reader = new ByteReader(writer.result());
        expect(values.map(() => reader.varint())).toEqual(values);
        expect(reader.left).toBe(0);
      }),
    );
  });

  it('takes one byte for values below 128', () => {
    const writer = new ByteWriter();
    writer.varint(127);
    writer.varint(128);
    expect([...writer.result()]).toEqual([127, 0x80, 1]);
  });

  it('grows past its first buffer', () => {
    const writer = new ByteWriter();
    const block = new Uint8Array(50_000).fill(7);
    for (let i = 0; i < 4; i++) writer.write(block);
    expect(writer.length).toBe(200_000);
    expect(writer.result().every((b) => b === 7)).toBe(true);
  });

  it('calls running out of bytes truncation', () => {
    expect(() => new ByteReader(Uint8Array.of(0x80, 0x80)).varint()).toThrow(
      'truncated: the event data ends early',
    );
    expect(() => new ByteReader(Uint8Array.of(1)).take(2)).toThrow(TraceFileError);
    expect(() => new ByteReader(new Uint8Array(12).fill(0xff)).varint()).toThrow('too long');
  });
});
