import { describe, expect, it } from 'vitest';
import { oncePerFrame } from './once-per-frame.ts';

describe('oncePerFrame', () => {
  it('runs once for many requests before the next frame, and again for requests after it', async () => {
    let runs = 0;
    const request = oncePerFrame(() => runs++);
    request();
    request();
    request();
    expect(runs).toBe(0);
    await Promise.resolve();
    expect(runs).toBe(1);
    request();
    await Promise.resolve();
    expect(runs).toBe(2);
  });
});
