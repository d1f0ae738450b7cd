import type { RunOptions } from './types.ts';

/** Entries of a program's folder listed in run.start; a bigger folder is listed this far. */
export const MAX_LISTED_FILES = 1000;

/**
 * The options run.start records: what it takes to run the program again the same way (with its
 * source, folder and input), and nothing of the host (no path).
 */
export function recordedOptions(options: RunOptions, maxEvents: number): string {
  const { policy, seed, switchInterval, timeoutMs, startPaused, record } = options;
  return JSON.stringify({ policy, seed, switchInterval, maxEvents, timeoutMs, startPaused, record });
}

/** A folder's top level as run.start lists it: [name, size] sorted by name, a folder as ["name/", null]. */
export type FolderListing = [name: string, size: number | null][];
