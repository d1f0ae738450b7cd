/**
 * The benchmark harness: runs groups (modules in bench/groups/, one per area), collects the figures
 * each reports, prints them as a table and merges them into bench/results.json (group → name →
 * value), so that a run of one group keeps the other groups' last figures.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Report = (name: string, value: number, unit: string) => void;

export interface BenchGroup {
  run(report: Report): Promise<void>;
}

export interface Figure {
  group: string;
  name: string;
  value: number;
  unit: string;
}

export type Results = Record<string, Record<string, number>>;

export class UnknownGroupError extends Error {}

export async function listGroups(folder: string): Promise<string[]> {
  const files = await readdir(folder);
  return files
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => basename(f, '.ts'))
    .sort();
}

/** The groups to run: all of them, or the ones named (each must exist). */
export function selectGroups(available: readonly string[], wanted: readonly string[]): string[] {
  if (wanted.length === 0) return [...available];
  const unknown = wanted.filter((w) => !available.includes(w));
  if (unknown.length > 0)
    throw new UnknownGroupError(
      `no benchmark group ${unknown.join(', ')}; the groups are ${available.join(', ')}`,
    );
  return [...wanted];
}

/** Runs one group, reporting each figure as it comes. */
export async function runGroup(
  folder: string,
  group: string,
  onFigure: (figure: Figure) => void,
): Promise<void> {
  const module = (await import(pathToFileURL(join(folder, `${group}.ts`)).href)) as BenchGroup;
  await module.run((name, value, unit) => onFigure({ group, name, value, unit }));
}

/** Merges new figures over the old results: the groups that ran are replaced whole. */
export function mergeResults(old: Results, figures: readonly Figure[]): Results {
  const merged: Results = { ...old };
  for (const group of new Set(figures.map((f) => f.group))) merged[group] = {};
  for (const f of figures) merged[f.group][f.name] = f.value;
  return merged;
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function formatRow(figure: Figure): string {
  return `${figure.group.padEnd(10)} ${figure.name.padEnd(56)} ${formatValue(figure.value).padStart(14)} ${figure.unit}`;
}

export async function readResults(file: string): Promise<Results> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Results) : {};
  } catch {
    return {};
  }
}

export async function writeResults(file: string, results: Results): Promise<void> {
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
}
