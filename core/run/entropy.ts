/**
 * Python's own randomness, drawn from the run's seed. Emscripten fills every request for random
 * bytes (os.urandom, /dev/urandom, what a new random.Random() or a hash seed is made from) with
 * node:crypto's randomFillSync in the thread it runs in. In the Python worker that one function is
 * replaced by a generator seeded anew for each run, so the same program with the same seed gets the
 * same bytes: a reproducible run is a property of the seed alone. (Not for secrets: they are
 * predictable from the seed by design.)
 */
import crypto from 'node:crypto';
import { Prng } from '../scheduler/prng.ts';

let source = new Prng(0);

/** Replaces the thread's random bytes with the seeded ones (the Python worker only). */
export function installEntropy(): void {
  const fill = <T extends NodeJS.ArrayBufferView>(view: T, offset = 0, size?: number): T => {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const end = size === undefined ? bytes.length : offset + size;
    for (let i = offset; i < end; i++) bytes[i] = source.below(256);
    return view;
  };
  crypto.randomFillSync = fill;
}

/** Starts the bytes of a run with this seed (xor a constant: not the scheduler's own stream). */
export function seedEntropy(seed: number): void {
  source = new Prng(seed ^ 0x5eed5eed);
}
