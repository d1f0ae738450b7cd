import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGS, problemText } from '../../core/session/lesson.ts';
import { issuePlace, lessonFlawText } from '../../core/session/lesson-flaws.ts';
import { lessonsFolder, listLessons } from './lessons.ts';

const SHIPPED = fileURLToPath(new URL('../../assets/lessons', import.meta.url));

const YAML = `
title: { en: First, zh-TW: 第一課 }
intro: { en: About it., zh-TW: 關於它。 }
run: { policy: random, seed: 7 }
steps:
  - at: { output: '1' }
    say: { en: It prints 1., zh-TW: 它印出 1。 }
    highlight: [{ line: print(1) }]
`;

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'yieldscope-lessons-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe('lessons', () => {
  it('lists lesson folders in the order of their numbers, each named after its folder', async () => {
    const dir = await folderWith({
      '10-later/lesson.yaml': YAML,
      '10-later/later.py': 'print(1)\n',
      '9-first/lesson.yaml': `${YAML}program: main.py\n`,
      '9-first/main.py': 'print(1)\n',
      '9-first/notes.py': 'print(2)\n',
      'README.md': 'not a lesson',
    });
    const { lessons, problems } = await listLessons(dir, (path) => `id of ${path.slice(dir.length)}`);
    expect(problems).toEqual([]);
    expect(lessons.map((l) => [l.id, l.fileName, l.programId])).toEqual([
      ['first', 'main.py', `id of ${join('/9-first', 'main.py')}`],
      ['later', 'later.py', `id of ${join('/10-later', 'later.py')}`],
    ]);
    expect(lessons[0]).toMatchObject({
      title: { en: 'First', 'zh-TW': '第一課' },
      source: 'print(1)\n',
      run: { policy: 'random', seed: 7 },
      steps: [
        { at: { type: 'output', output: '1', nth: 1 }, highlight: [{ type: 'line', line: 1 }], expect: [] },
      ],
    });
  });

  it('leaves out a broken lesson and says which file, step and field to fix', async () => {
    const dir = await folderWith({
      '01-good/lesson.yaml': YAML,
      '01-good/good.py': 'print(1)\n',
      '02-bad/lesson.yaml': YAML.replace('zh-TW: 它印出 1。', 'zh: 它印出 1。'),
      '02-bad/bad.py': 'print(1)\n',
      '03-broken/lesson.yaml': 'title: [unclosed\n',
      '04-two/lesson.yaml': YAML,
      '04-two/a.py': 'print(1)\n',
      '04-two/b.py': 'print(1)\n',
      '05-none/lesson.yaml': YAML,
      '06-good/lesson.yaml': YAML,
      '06-good/good.py': 'print(1)\n',
      '07-empty/notes.txt': '',
      'Lesson Eight/lesson.yaml': YAML,
    });
    const { lessons, problems } = await listLessons(dir);
    expect(lessons.map((l) => l.id)).toEqual(['good']);
    expect(problems.map((p) => [p.file, issuePlace(p.path)])).toEqual([
      ['Lesson Eight', ''],
      ['02-bad/lesson.yaml', 'step 1, say.zh-TW'],
      ['02-bad/lesson.yaml', 'step 1, say'],
      ['03-broken/lesson.yaml', ''],
      ['04-two/lesson.yaml', 'program'],
      ['05-none/lesson.yaml', 'program'],
      ['06-good', ''],
      ['07-empty/lesson.yaml', ''],
    ]);
    const said = Object.fromEntries(problems.map((p) => [p.file, lessonFlawText('en', p.flaw)]));
    expect(said['Lesson Eight']).toContain('name it NN-name');
    expect(said['03-broken/lesson.yaml']).toMatch(/^not valid YAML: /);
    expect(said['04-two/lesson.yaml']).toContain("say which one with 'program: NAME.py'");
    expect(said['05-none/lesson.yaml']).toContain("put the lesson's .py file beside lesson.yaml");
    expect(said['06-good']).toContain("another lesson folder is also named 'good'");
    expect(said['07-empty/lesson.yaml']).toContain('every lesson folder holds a lesson.yaml');
    // a teacher reading Traditional Chinese reads each whole, but for the file's own names and keys
    // (and the YAML reader's words, quoted as it wrote them)
    const zh = problems.map((p) => problemText(p, 'zh-TW')).filter((text) => !text.startsWith('03-broken'));
    expect(zh).toEqual([
      'Lesson Eight:不是課程資料夾的名稱:請命名為 NN-name,也就是決定課程順序的數字、一個連字號,再接小寫字母、數字或 _(06-producer_consumer)',
      '02-bad/lesson.yaml:第 1 步,say.zh-TW:缺少:請用英文(en)和繁體中文(zh-TW)都寫出來',
      '02-bad/lesson.yaml:第 1 步,say:無法辨識的鍵:"zh"',
      '04-two/lesson.yaml:program:資料夾裡有 2 個程式(a.py, b.py):請用「program: NAME.py」說明是哪一個',
      '05-none/lesson.yaml:program:沒有程式:請把這堂課的 .py 檔放在 lesson.yaml 旁邊',
      '06-good:另一個課程資料夾也叫做「good」:請給每一堂課自己的名稱',
      '07-empty/lesson.yaml:缺少檔案:每個課程資料夾都要有 lesson.yaml',
    ]);
    expect(
      problemText(
        problems.find((p) => p.file === '03-broken/lesson.yaml')!,
        'zh-TW',
      ),
    ).toMatch(/^03-broken\/lesson\.yaml:不是有效的 YAML:/);
  });

  it("offers a teacher's own folder of lessons when one is named, else the shipped ones", () => {
    expect(lessonsFolder('/app/assets/lessons', { YIELDSCOPE_LESSONS_DIR: '/home/t/lessons' })).toBe(
      '/home/t/lessons',
    );
    expect(lessonsFolder('/app/assets/lessons', {})).toBe('/app/assets/lessons');
  });

  it('lists nothing when the folder is missing', async () => {
    expect(await listLessons(join(tmpdir(), 'no-such-yieldscope-folder'))).toEqual({
      lessons: [],
      problems: [],
    });
  });

  it('ships the lessons without a problem, every text in every language', async () => {
    const { lessons, problems } = await listLessons(SHIPPED);
    expect(problems).toEqual([]);
    expect(lessons.length).toBeGreaterThanOrEqual(4);
    for (const lesson of lessons)
      for (const text of [lesson.title, lesson.intro, ...lesson.steps.map((s) => s.say)])
        for (const lang of LANGS) expect(text[lang], `${lesson.id} in ${lang}`).not.toBe('');
  });
});
