import { describe, expect, it } from 'vitest';
import { lessonFileSchema } from './lesson-file.ts';
import { issueFlaw, issuePlace, lessonFlawText } from './lesson-flaws.ts';

const source = 'def gen():\n    yield 1\n\n\nfor x in gen():\n    print(x)\n';
const text = (en: string) => ({ en, 'zh-TW': `${en}(中文)` });

function lesson(step: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    title: text('A lesson'),
    intro: text('What it is about.'),
    steps: [
      {
        at: { event: 'gen.yield', object: 'gen' },
        say: text('It yields.'),
        highlight: [{ lane: 'gen' }],
        ...step,
      },
    ],
    ...extra,
  };
}

/** Every problem as `place: message`, the way the host reports them, in English or Traditional Chinese. */
function problems(data: unknown, lang: 'en' | 'zh-TW' = 'en'): string[] {
  const parsed = lessonFileSchema(source).safeParse(data);
  const colon = lang === 'en' ? ': ' : ':';
  return parsed.success
    ? []
    : parsed.error.issues.map(
        (i) => `${issuePlace(i.path, lang)}${colon}${lessonFlawText(lang, issueFlaw(i))}`,
      );
}

describe('lesson files', () => {
  it('reads a valid lesson, with defaults for what it leaves out', () => {
    const parsed = lessonFileSchema(source).parse(
      lesson({
        at: { line: 'yield 1' },
        expect: [{ output: '1' }, { deque: 'd', full: true }, { never: { event: 'stdout', line: 'print' } }],
        highlight: [{ line: 5 }, { deque: 'd', slot: 0 }],
      }),
    );
    expect(parsed.run).toEqual({});
    expect(parsed.steps[0].at).toEqual({ type: 'line', line: 2, nth: 1 });
    expect(parsed.steps[0].expect).toEqual([
      { type: 'output', output: '1' },
      { type: 'deque', deque: 'd', full: true },
      { type: 'never', never: { event: 'stdout', line: 6 } },
    ]);
    expect(parsed.steps[0].highlight).toEqual([
      { type: 'line', line: 5 },
      { type: 'deque', deque: 'd', slot: 0 },
    ]);
  });

  it('wants every text in English and Traditional Chinese', () => {
    expect(
      problems({ ...lesson({ say: { en: 'Only English.' } }), title: { en: 'A', 'zh-TW': '  ' } }),
    ).toEqual([
      'title.zh-TW: missing: write it in English (en) and in Traditional Chinese (zh-TW)',
      'step 1, say.zh-TW: missing: write it in English (en) and in Traditional Chinese (zh-TW)',
    ]);
    expect(problems(lesson({ say: { en: 'x', zh: 'y' } }))).toContain('step 1, say: Unrecognized key: "zh"');
  });

  it('wants both languages to quote the same code and write the same numbers', () => {
    expect(
      problems(
        lesson({
          say: {
            en: 'The `buffer` holds 10 items, then 9.',
            'zh-TW': '`buffer` 裝了 10 個項目,然後是 8 個,共 `maxlen` 個。',
          },
        }),
      ),
    ).toEqual([
      'step 1, say: the two languages must quote the same code and write the same numbers in digits, so that ' +
        'neither drifts from the other: only the English has 9; only the Traditional Chinese has `maxlen`, 8',
    ]);
    expect(problems(lesson({ say: { en: '`f(1, 2)` is 3.5.', 'zh-TW': '`f(1, 2)` 等於 3.5。' } }))).toEqual(
      [],
    );
  });

  it('wants the Traditional Chinese in the words of the course notes', () => {
    expect(
      problems(lesson({ say: { en: 'An iterator keeps the protocol.', 'zh-TW': '疊代器遵守協定。' } })),
    ).toEqual([
      "step 1, say.zh-TW: write 迭代, the course notes' word, instead of 疊代",
      "step 1, say.zh-TW: write 協議, the course notes' word, instead of 協定",
    ]);
    expect(
      problems(lesson({ say: { en: 'An iterator keeps the protocol.', 'zh-TW': '迭代器遵守協議。' } })),
    ).toEqual([]);
  });

  it('names the step and the field of a moment that cannot be checked against a run', () => {
    expect(problems(lesson({ at: { event: 'gen.yeild' } }))[0]).toMatch(
      /^step 1, at\.event: must be an event kind: run\.start, /,
    );
    expect(problems(lesson({ at: { event: 'deque.op', fields: { opp: 'append', len: 'ten' } } }))).toEqual([
      "step 1, at.fields.opp: deque.op has no field 'opp' (it has op, arg, value, dropped, len)",
      'step 1, at.fields.len: must be a number',
    ]);
    expect(problems(lesson({ at: { line: 3, output: 'x' } }))).toEqual([
      'step 1, at: Unrecognized key: "output"',
    ]);
    expect(problems(lesson({ at: { when: 'now' } }))).toEqual([
      "step 1, at: the moment (at) needs one of the keys 'event', 'line', 'output', 'deque', 'end'",
    ]);
    expect(problems(lesson({ at: { deque: 'd' } }))).toEqual([
      "step 1, at: say what the deque holds: 'len', 'items' or 'full'",
    ]);
  });

  it('finds a quoted line on exactly one line of the program', () => {
    expect(problems(lesson({ at: { line: 'print(y)' } }))).toEqual([
      'step 1, at.line: no line of the program contains "print(y)"',
    ]);
    expect(problems(lesson({ highlight: [{ line: 'x' }] }))).toEqual([
      'step 1, highlight #1.line: 2 lines of the program contain "x" (lines 5, 6): quote more of the one you mean',
    ]);
    expect(problems(lesson({ highlight: [{ line: 99 }] }))).toEqual([
      'step 1, highlight #1.line: the program has lines 1 to 6, not 99',
    ]);
  });

  it('wants each step to highlight something, and claims it can check', () => {
    expect(problems(lesson({ highlight: [] }))).toEqual([
      'step 1, highlight: name at least one thing the step highlights',
    ]);
    expect(problems(lesson({ expect: [{ generator: 'gen', state: 'sleeping' }] }))[0]).toMatch(
      /^step 1, expect #1\.state: /,
    );
    expect(problems(lesson({ expect: [{ count: { event: 'stdout' } }] }))).toEqual([
      'step 1, expect #1.is: Invalid input: expected number, received undefined',
    ]);
    expect(problems(lesson({}, { steps: [] }))).toEqual(['steps: a lesson needs at least one step']);
  });

  it('draws charts from the output, and checks the charts that claims and highlights name', () => {
    const chart = { title: text('Time'), output: '^(?<x>\\d+): (?<y>[\\d.]+)$', x: text('N'), y: text('s') };
    const claim = { chart: 'time', x: 10, y: 1 };
    expect(
      problems(lesson({ expect: [claim], highlight: [{ chart: 'time' }] }, { charts: { time: chart } })),
    ).toEqual([]);
    expect(
      problems(lesson({ expect: [claim], highlight: [{ chart: 'size' }] }, { charts: { time: chart } })),
    ).toEqual(["step 1, highlight #1.chart: no chart named 'size': define it under 'charts'"]);
    expect(
      problems(
        lesson({}, { charts: { time: { ...chart, output: '(?<x>\\d+)' }, bad: { ...chart, output: '(' } } }),
      ),
    ).toEqual([
      'charts.time.output: name the number to draw with (?<y>…), and optionally (?<x>…) and (?<series>…)',
      'charts.bad.output: not a regular expression: Invalid regular expression: /(/: Unterminated group',
    ]);
    expect(problems(lesson({ expect: [{ chart: 'time', x: 10 }] }, { charts: { time: chart } }))).toEqual([
      "step 1, expect #1: give the point's exact 'y', or compare it with another point: 'atLeast' or 'atMost' times 'than'",
    ]);
    expect(
      problems(lesson({ expect: [{ chart: 'time', x: 10, than: { x: 1 } }] }, { charts: { time: chart } })),
    ).toEqual(["step 1, expect #1: say how the point compares with 'than': 'atLeast' or 'atMost' times it"]);
  });

  it('says every problem in Traditional Chinese too, the file’s own keys and names as written', () => {
    const said = [
      ...problems({ ...lesson({ say: { en: 'x', zh: 'y' } }), title: { en: 'A' } }, 'zh-TW'),
      ...problems(lesson({ at: { event: 'deque.op', fields: { opp: 'append', len: 'ten' } } }), 'zh-TW'),
      ...problems(lesson({ at: { deque: 'd' }, highlight: [{ line: 'x' }] }), 'zh-TW'),
      ...problems(lesson({ expect: [{ count: { event: 'stdout' } }] }), 'zh-TW'),
      ...problems(lesson({ expect: [{ chart: 'size', x: 1, y: 2 }] }), 'zh-TW'),
      ...problems(lesson({}, { steps: [] }), 'zh-TW'),
    ];
    expect(said).toEqual([
      'title.zh-TW:缺少:請用英文(en)和繁體中文(zh-TW)都寫出來',
      '第 1 步,say.zh-TW:缺少:請用英文(en)和繁體中文(zh-TW)都寫出來',
      '第 1 步,say:無法辨識的鍵:"zh"',
      '第 1 步,at.fields.opp:deque.op 沒有欄位「opp」(它有 op, arg, value, dropped, len)',
      '第 1 步,at.fields.len:必須是數字',
      '第 1 步,at:請說出 deque 裝了什麼:len、items 或 full',
      '第 1 步,highlight #1.line:程式有 2 行含有 "x"(第 5, 6 行):請多引用一些你指的那一行',
      '第 1 步,expect #1.is:輸入無效:應該是 number,收到的是 undefined',
      '第 1 步,expect #1.chart:沒有名為「size」的圖表:請在 charts 底下定義它',
      'steps:一堂課至少需要一個步驟',
    ]);
  });

  it('says where a problem is in a teacher’s words', () => {
    expect(issuePlace(['steps', 2, 'at', 'object'])).toBe('step 3, at.object');
    expect(issuePlace(['steps', 0, 'expect', 1, 'len'])).toBe('step 1, expect #2.len');
    expect(issuePlace(['run', 'seed'])).toBe('run.seed');
    expect(issuePlace([])).toBe('');
    expect(issuePlace(['steps', 0, 'expect', 1, 'len'], 'zh-TW')).toBe('第 1 步,expect #2.len');
  });
});
