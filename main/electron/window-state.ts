/**
 * The window's size and position, remembered from one launch of the app to the next. A saved position
 * is used only if the window would still be visible on one of today's displays (a monitor may have
 * been unplugged).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../session/atomic.ts';
import type { Bounds } from './security.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 };
const MIN_VISIBLE = 100;

const Saved = z.object({
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(200),
    height: z.number().int().min(200),
  }),
  maximized: z.boolean(),
});

/** Where to open the window: the saved bounds when they still show on a display, else the default size, centred by Electron. */
export function restoreBounds(saved: WindowState | null, displays: readonly Rect[]): Bounds {
  if (!saved) return { ...DEFAULT_SIZE };
  const { x, y, width, height } = saved.bounds;
  const visible = displays.some(
    (d) =>
      Math.min(x + width, d.x + d.width) - Math.max(x, d.x) >= MIN_VISIBLE &&
      Math.min(y + height, d.y + d.height) - Math.max(y, d.y) >= MIN_VISIBLE,
  );
  return visible ? { x, y, width, height } : { width, height };
}

/** A missing or damaged file reads as no saved state. */
export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    return Saved.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return null;
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(state)));
}
