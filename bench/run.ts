/** `npm run bench [-- GROUP…]`: runs every benchmark group, or the ones named. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  formatRow,
  listGroups,
  mergeResults,
  readResults,
  runGroup,
  selectGroups,
  UnknownGroupError,
  writeResults,
  type Figure,
} from './harness.ts';

const here = dirname(fileURLToPath(import.meta.url));
const groupsFolder = join(here, 'groups');
const resultsFile = join(here, 'results.json');

async function main(wanted: string[]): Promise<number> {
  let groups: string[];
  try {
    groups = selectGroups(await listGroups(groupsFolder), wanted);
  } catch (e) {
    if (!(e instanceof UnknownGroupError)) throw e;
    console.error(e.message);
    return 2;
  }
  let failed = 0;
  console.log(`${'group'.padEnd(10)} ${'figure'.padEnd(56)} ${'value'.padStart(14)} unit`);
  for (const group of groups) {
    const figures: Figure[] = [];
    try {
      await runGroup(groupsFolder, group, (figure) => {
        figures.push(figure);
        console.log(formatRow(figure));
      });
    } catch (e) {
      failed++;
      console.error(`group ${group} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    // Written after each group, so a later group can read an earlier one's figures of this run.
    await writeResults(resultsFile, mergeResults(await readResults(resultsFile), figures));
  }
  console.log(`figures written to ${resultsFile}`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
