import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPython } from '../run/python.ts';
import { loadProbe, probeSourceDir } from './load.ts';

/** A copy of the probe's files in which compiled.so is what `broken` makes of it. */
function probeCopy(broken: (so: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'ys-probe-copy-'));
  for (const file of readdirSync(probeSourceDir()))
    copyFileSync(join(probeSourceDir(), file), join(dir, file));
  broken(join(dir, 'compiled.so'));
  copies.push(dir);
  return dir;
}
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('choosing the recorder', () => {
  it('loads the compiled recorder when it can', async () => {
    const probe = loadProbe(await startPython(), 'compiled');
    expect([probe.kind, probe.notice]).toEqual(['compiled', null]);
  });

  it('falls back to the Python recorder, saying why in one line, when the compiled one is missing or broken', async () => {
    for (const broken of [(so: string) => rmSync(so), (so: string) => writeFileSync(so, 'not WebAssembly')]) {
      const probe = loadProbe(await startPython(), 'compiled', probeCopy(broken));
      expect(probe.kind).toBe('python');
      expect(probe.notice).toMatch(
        /^The compiled recorder could not load \(.+\), so the slower Python recorder records\.$/,
      );
    }
  });
});
