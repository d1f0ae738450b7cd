/**
 * What can be wrong with a lesson folder, in every language of the interface, for the teacher who
 * wrote it: a flaw is a key of these tables and the values of its `{arguments}`, with the place it
 * is at (the step and the field, lesson-file.ts issuePlace). The host says it in English for the CLI
 * and its logs; the page says it in the language shown (problems.ts includes these tables).
 *
 * The schema's own checks (lesson-file.ts) name their flaw as they report it; zod's checks (a key
 * the format does not have, a number where text is wanted) are named from the issue zod reports.
 * Values are the file's own content (a key, a field, a line) or numbers: the same in every language.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { z } from 'zod';

/** Mistakes in lesson.yaml, found by the schema of the format. */
// An apostrophe before a brace quotes it in ICU: '' is one written apostrophe.
const schemaFlaws = {
  lessonTextMissing: {
    en: 'missing: write it in English (en) and in Traditional Chinese (zh-TW)',
    'zh-TW': '缺少:請用英文(en)和繁體中文(zh-TW)都寫出來',
  },
  lessonNotText: { en: 'must be text', 'zh-TW': '必須是文字' },
  lessonCourseWord: {
    en: "write {course}, the course notes' word, instead of {wrote}",
    'zh-TW': '請寫課程筆記用的「{course}」,不要寫「{wrote}」',
  },
  lessonFactsOnlyEn: {
    en: 'the two languages must quote the same code and write the same numbers in digits, so that neither drifts from the other: only the English has {en}',
    'zh-TW': '兩種語言必須引用相同的程式碼,並用阿拉伯數字寫出相同的數字,才不會彼此走樣:只有英文有 {en}',
  },
  lessonFactsOnlyZh: {
    en: 'the two languages must quote the same code and write the same numbers in digits, so that neither drifts from the other: only the Traditional Chinese has {zh}',
    'zh-TW': '兩種語言必須引用相同的程式碼,並用阿拉伯數字寫出相同的數字,才不會彼此走樣:只有繁體中文有 {zh}',
  },
  lessonFactsDiffer: {
    en: 'the two languages must quote the same code and write the same numbers in digits, so that neither drifts from the other: only the English has {en}; only the Traditional Chinese has {zh}',
    'zh-TW':
      '兩種語言必須引用相同的程式碼,並用阿拉伯數字寫出相同的數字,才不會彼此走樣:只有英文有 {en};只有繁體中文有 {zh}',
  },
  lessonNameEmpty: {
    en: 'must name something (a lane, deque, iterator or with block)',
    'zh-TW': '必須指名某個東西(一條泳道、deque、迭代器或 with 區塊)',
  },
  lessonNotIdentifier: {
    en: 'must be a Python name, as the program spells it',
    'zh-TW': '必須是 Python 名稱,拼法和程式裡一樣',
  },
  lessonEventKind: { en: 'must be an event kind: {kinds}', 'zh-TW': '必須是一種事件:{kinds}' },
  lessonNoField: {
    en: "{event} has no field ''{field}'' (it has {known})",
    'zh-TW': '{event} 沒有欄位「{field}」(它有 {known})',
  },
  lessonNoFieldAtAll: { en: "{event} has no field ''{field}''", 'zh-TW': '{event} 沒有欄位「{field}」' },
  lessonFieldType: {
    en: 'must be a {type, select, number {number} boolean {boolean} other {string}}',
    'zh-TW': '必須是{type, select, number {數字} boolean {布林值} other {字串}}',
  },
  lessonFieldObject: {
    en: 'must be a string (the name of an object)',
    'zh-TW': '必須是字串(一個物件的名稱)',
  },
  lessonFormNotMap: {
    en: '{what, select, moment {the moment (at)} claim {a claim (expect)} other {a highlight}} must be a map with one of the keys {keys}',
    'zh-TW':
      '{what, select, moment {時機(at)} claim {主張(expect)} other {標示(highlight)}}必須是含有下列其中一個鍵的對應表:{keys}',
  },
  lessonFormUnnamed: {
    en: '{what, select, moment {the moment (at)} claim {a claim (expect)} other {a highlight}} needs one of the keys {keys}',
    'zh-TW':
      '{what, select, moment {時機(at)} claim {主張(expect)} other {標示(highlight)}}需要下列其中一個鍵:{keys}',
  },
  lessonNoSuchLine: {
    en: 'the program has lines 1 to {lines}, not {line}',
    'zh-TW': '程式只有第 1 到第 {lines} 行,沒有第 {line} 行',
  },
  lessonNoLineHas: {
    en: 'no line of the program contains {text}',
    'zh-TW': '程式沒有任何一行含有 {text}',
  },
  lessonLinesHave: {
    en: '{count} lines of the program contain {text} (lines {lines}): quote more of the one you mean',
    'zh-TW': '程式有 {count} 行含有 {text}(第 {lines} 行):請多引用一些你指的那一行',
  },
  lessonNotRegex: { en: 'not a regular expression: {detail}', 'zh-TW': '不是正規表示式:{detail}' },
  lessonChartNoY: {
    en: 'name the number to draw with {y}, and optionally {x} and {series}',
    'zh-TW': '請用 {y} 指名要畫的數字,也可以加上 {x} 和 {series}',
  },
  lessonDequeCondition: {
    en: "say what the deque holds: 'len', 'items' or 'full'",
    'zh-TW': '請說出 deque 裝了什麼:len、items 或 full',
  },
  lessonChartPoint: {
    en: "give the point's exact 'y', or compare it with another point: 'atLeast' or 'atMost' times 'than'",
    'zh-TW': '請給出這個點確切的 y,或和另一個點比較:than 的 atLeast 或 atMost 倍',
  },
  lessonChartCompare: {
    en: "say how the point compares with 'than': 'atLeast' or 'atMost' times it",
    'zh-TW': '請說出這個點和 than 的比較:它的 atLeast 或 atMost 倍',
  },
  lessonNoChart: {
    en: "no chart named ''{chart}'': define it under 'charts'",
    'zh-TW': '沒有名為「{chart}」的圖表:請在 charts 底下定義它',
  },
  lessonProgramName: {
    en: 'a file name ending in .py, beside lesson.yaml',
    'zh-TW': '一個以 .py 結尾、放在 lesson.yaml 旁邊的檔名',
  },
  lessonChartName: {
    en: 'a chart is named with letters, digits or _',
    'zh-TW': '圖表的名稱只能用字母、數字或 _',
  },
  lessonNoHighlight: {
    en: 'name at least one thing the step highlights',
    'zh-TW': '請至少指名一個這一步要標示的東西',
  },
  lessonNoSteps: { en: 'a lesson needs at least one step', 'zh-TW': '一堂課至少需要一個步驟' },
};

/** zod's own checks, by the code of the issue it reports. */
const zodFlaws = {
  lessonWrongType: {
    en: 'Invalid input: expected {expected}, received {received}',
    'zh-TW': '輸入無效:應該是 {expected},收到的是 {received}',
  },
  lessonUnknownKeys: {
    en: 'Unrecognized {count, select, 1 {key} other {keys}}: {keys}',
    'zh-TW': '{count, select, 1 {無法辨識的鍵} other {無法辨識的 {count} 個鍵}}:{keys}',
  },
  lessonNotOneOf: { en: 'must be one of: {values}', 'zh-TW': '必須是下列其中之一:{values}' },
  lessonTooSmall: {
    en: '{origin, select, number {must be {inclusive, select, true {{minimum} or more} other {more than {minimum}}}} string {must not be empty} other {needs at least {minimum} {minimum, select, 1 {item} other {items}}}}',
    'zh-TW':
      '{origin, select, number {必須{inclusive, select, true {大於或等於} other {大於}} {minimum}} string {不能是空的} other {至少需要 {minimum} 項}}',
  },
  lessonTooBig: {
    en: 'must be {maximum} or less',
    'zh-TW': '必須小於或等於 {maximum}',
  },
  lessonInvalid: { en: 'Invalid input', 'zh-TW': '輸入無效' },
  /** A check the tables above do not name: zod's own words, as it wrote them. */
  lessonOther: { en: '{detail}', 'zh-TW': '{detail}' },
};

/** Mistakes in a lesson folder, found by the host as it reads it. */
const folderFlaws = {
  lessonNoProgram: {
    en: "no program: put the lesson's .py file beside lesson.yaml",
    'zh-TW': '沒有程式:請把這堂課的 .py 檔放在 lesson.yaml 旁邊',
  },
  lessonManyPrograms: {
    en: "the folder holds {count} programs ({names}): say which one with 'program: NAME.py'",
    'zh-TW': '資料夾裡有 {count} 個程式({names}):請用「program: NAME.py」說明是哪一個',
  },
  lessonProgramMissing: {
    en: "{name} is not in the lesson's folder",
    'zh-TW': '{name} 不在這堂課的資料夾裡',
  },
  lessonNotYaml: { en: 'not valid YAML: {detail}', 'zh-TW': '不是有效的 YAML:{detail}' },
  lessonNoFile: {
    en: 'missing: every lesson folder holds a {file}',
    'zh-TW': '缺少檔案:每個課程資料夾都要有 {file}',
  },
  lessonFolderName: {
    en: "not a lesson folder's name: name it NN-name, a number that orders the lessons, a dash, then lowercase letters, digits or _ (06-producer_consumer)",
    'zh-TW':
      '不是課程資料夾的名稱:請命名為 NN-name,也就是決定課程順序的數字、一個連字號,再接小寫字母、數字或 _(06-producer_consumer)',
  },
  lessonTwin: {
    en: "another lesson folder is also named ''{id}'': give each lesson its own name",
    'zh-TW': '另一個課程資料夾也叫做「{id}」:請給每一堂課自己的名稱',
  },
};

export const lessonFlaws = { ...schemaFlaws, ...zodFlaws, ...folderFlaws };

export type LessonFlawKey = keyof typeof lessonFlaws;
type Lang = keyof (typeof lessonFlaws)[LessonFlawKey];

/** A step of a lesson in each language, and how the parts of a place are joined. */
const PLACE: Record<Lang, { step: string; join: string }> = {
  en: { step: 'step {n}', join: ', ' },
  'zh-TW': { step: '第 {n} 步', join: ',' },
};

/**
 * Where a problem is, in a teacher's words: `step 3, at.object` for `['steps', 2, 'at', 'object']`,
 * `step 1, expect #2.len` for the second claim of the first step (counted from 1, as teachers count).
 * The field is the file's own keys, the same in every language.
 */
export function issuePlace(path: readonly PropertyKey[], lang: Lang = 'en'): string {
  const parts: string[] = [];
  let field = '';
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (key === 'steps' && typeof path[i + 1] === 'number') {
      parts.push(
        String(new IntlMessageFormat(PLACE[lang].step, lang).format({ n: (path[i + 1] as number) + 1 })),
      );
      i++;
    } else if (typeof key === 'number') field += ` #${key + 1}`;
    else field += field ? `.${String(key)}` : String(key);
  }
  if (field) parts.push(field);
  return parts.join(PLACE[lang].join);
}

/** A flaw as a value: which, and the values of its `{arguments}`. */
export interface LessonFlaw {
  key: LessonFlawKey;
  values?: Record<string, string | number>;
}

/** A flaw said in `lang`. */
export function lessonFlawText(lang: Lang, { key, values }: LessonFlaw): string {
  return String(new IntlMessageFormat(lessonFlaws[key][lang], lang).format(values));
}

/**
 * The English words of the schema's fixed flaws, to name them from the message zod reports with
 * them (a check such as `.min(1, message)` carries no more than its message).
 */
const fixedFlaws = new Map<string, LessonFlaw>();

/** A flaw the schema reports by its message alone: its English words, remembered to name it again. */
export function fixed(key: LessonFlawKey, values?: LessonFlaw['values']): string {
  const flaw = values ? { key, values } : { key };
  const message = lessonFlawText('en', flaw);
  fixedFlaws.set(message, flaw);
  return message;
}

/** A flaw for `ctx.addIssue`: its English words as the issue's message, the flaw itself as its params. */
export function flawIssue(
  key: LessonFlawKey,
  values?: LessonFlaw['values'],
  path?: PropertyKey[],
): { code: 'custom'; message: string; params: { flaw: LessonFlaw }; path?: PropertyKey[] } {
  const flaw = values ? { key, values } : { key };
  return { code: 'custom', message: lessonFlawText('en', flaw), params: { flaw }, ...(path ? { path } : {}) };
}

/** What zod calls the type of a value it received (`undefined`, `array`, `number`, …). */
function typeName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

const quoted = (items: readonly unknown[]) => items.map((item) => JSON.stringify(item)).join(', ');

/** The flaw a zod issue reports. */
export function issueFlaw(issue: z.core.$ZodIssue): LessonFlaw {
  const named = (issue as { params?: { flaw?: LessonFlaw } }).params?.flaw;
  if (named) return named;
  const found = fixedFlaws.get(issue.message);
  if (found) return found;
  switch (issue.code) {
    case 'invalid_type':
      return {
        key: 'lessonWrongType',
        values: { expected: issue.expected, received: typeName(issue.input) },
      };
    case 'unrecognized_keys':
      return { key: 'lessonUnknownKeys', values: { count: issue.keys.length, keys: quoted(issue.keys) } };
    case 'invalid_value':
      return { key: 'lessonNotOneOf', values: { values: quoted(issue.values) } };
    case 'too_small':
      return {
        key: 'lessonTooSmall',
        values: {
          origin: issue.origin,
          minimum: Number(issue.minimum),
          inclusive: String(issue.inclusive ?? true),
        },
      };
    case 'too_big':
      return { key: 'lessonTooBig', values: { maximum: Number(issue.maximum) } };
    case 'invalid_union':
      return { key: 'lessonInvalid' };
    default:
      return { key: 'lessonOther', values: { detail: issue.message } };
  }
}
