import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listLessons, readLessonHeader, titleFromFileName } from './lessons.ts';

describe('lessons', () => {
  it('reads title and policy from the first comment lines only', () => {
    expect(readLessonHeader('# title: Round robin\n# Policy: LIFO\nimport x\n')).toEqual({
      title: 'Round robin',
      policy: 'lifo',
    });
    expect(readLessonHeader('\n# a note\n# title:  Spaced  \n')).toEqual({ title: 'Spaced' });
    expect(readLessonHeader('x = 1\n# title: too late\n')).toEqual({});
    expect(readLessonHeader('# policy: fastest\n')).toEqual({});
  });

  it('names a lesson from its file when it has no title', () => {
    expect(titleFromFileName('01-producer_consumer')).toBe('Producer consumer');
    expect(titleFromFileName('01')).toBe('01');
  });

  it('lists .py files in name order with their narration', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yieldscope-lessons-'));
    await writeFile(join(dir, '02-b.py'), 'print(2)\n');
    await writeFile(join(dir, '01-a.py'), '# title: First\n# policy: random\nprint(1)\n');
    await writeFile(join(dir, '01-a.md'), 'Read *me*.');
    await writeFile(join(dir, 'notes.txt'), 'not a lesson');
    expect(await listLessons(dir)).toEqual([
      {
        id: '01-a',
        title: 'First',
        fileName: '01-a.py',
        source: '# title: First\n# policy: random\nprint(1)\n',
        narration: 'Read *me*.',
        policy: 'random',
      },
      { id: '02-b', title: 'B', fileName: '02-b.py', source: 'print(2)\n', narration: '' },
    ]);
  });

  it('lists nothing when the folder is missing', async () => {
    expect(await listLessons(join(tmpdir(), 'no-such-yieldscope-folder'))).toEqual([]);
  });
});
