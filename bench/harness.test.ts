import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatValue,
  listGroups,
  mergeResults,
  runGroup,
  selectGroups,
  UnknownGroupError,
  type Figure,
} from './harness.ts';

describe('bench harness', () => {
  it('finds groups and runs one, collecting its figures', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'bench-'));
    await writeFile(
      join(folder, 'demo.ts'),
      'export async function run(report) { report("speed", 3, "x"); }\n',
    );
    await writeFile(join(folder, 'demo.test.ts'), '');
    expect(await listGroups(folder)).toEqual(['demo']);
    const figures: Figure[] = [];
    await runGroup(folder, 'demo', (f) => figures.push(f));
    expect(figures).toEqual([{ group: 'demo', name: 'speed', value: 3, unit: 'x' }]);
  });

  it('selects all groups, or the named ones, and refuses an unknown name', () => {
    expect(selectGroups(['recorder', 'views'], [])).toEqual(['recorder', 'views']);
    expect(selectGroups(['recorder', 'views'], ['views'])).toEqual(['views']);
    expect(() => selectGroups(['recorder'], ['speed'])).toThrow(UnknownGroupError);
  });

  it('replaces the groups that ran and keeps the others', () => {
    const old = { recorder: { a: 1, stale: 2 }, views: { fps: 60 } };
    expect(mergeResults(old, [{ group: 'recorder', name: 'a', value: 5, unit: 's' }])).toEqual({
      recorder: { a: 5 },
      views: { fps: 60 },
    });
  });

  it('prints figures with sensible precision', () => {
    expect([formatValue(2_345_678.9), formatValue(123.4), formatValue(12.34), formatValue(1.234)]).toEqual([
      '2,345,679',
      '123',
      '12.3',
      '1.23',
    ]);
  });
});
