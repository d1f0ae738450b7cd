/**
 * The schema of a lesson file (lesson.yaml), with which the host validates lessons: every mistake
 * is reported with the step and the field at fault, in words a teacher can act on. The format is
 * documented for teachers in assets/lessons/README.md; lesson.ts names the types it produces.
 */
import { z } from 'zod';
import { KINDS, type EventKind, type FieldType, type RunStatus } from '../trace/schema.ts';
import { offCourseWords } from './course-words.ts';
import { fixed, flawIssue, issueFlaw, lessonFlawText } from './lesson-flaws.ts';

const MISSING = fixed('lessonTextMissing');
const NOT_TEXT = fixed('lessonNotText');

const prose = z
  .string({ error: (issue) => (issue.input === undefined ? MISSING : NOT_TEXT) })
  .trim()
  .min(1, MISSING);

/** What a text quotes as code (`…`) and writes as numbers in digits: both languages must agree on them. */
function facts(text: string): string[] {
  const code = [...text.matchAll(/`([^`]+)`/g)].map((m) => `\`${m[1]}\``);
  const numbers = [...text.replace(/`[^`]*`/g, ' ').matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0]);
  return [...code, ...numbers];
}

/** The items of `a` that `b` lacks, counted (a number written twice must be written twice). */
function missing(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/**
 * Markdown text in every language of the course (lesson.ts LANGS), quoting the same code and numbers,
 * the Traditional Chinese in the course notes' words.
 */
const Text = z.strictObject({ en: prose, 'zh-TW': prose }).superRefine((text, ctx) => {
  const en = facts(text.en);
  const zh = facts(text['zh-TW']);
  const onlyEn = missing(en, zh);
  const onlyZh = missing(zh, en);
  for (const { wrote, course } of offCourseWords(text['zh-TW']))
    ctx.addIssue(flawIssue('lessonCourseWord', { course, wrote }, ['zh-TW']));
  const [inEn, inZh] = [onlyEn.join(', '), onlyZh.join(', ')];
  if (inEn && inZh) ctx.addIssue(flawIssue('lessonFactsDiffer', { en: inEn, zh: inZh }));
  else if (inEn) ctx.addIssue(flawIssue('lessonFactsOnlyEn', { en: inEn }));
  else if (inZh) ctx.addIssue(flawIssue('lessonFactsOnlyZh', { zh: inZh }));
});

const name = z.string().trim().min(1, fixed('lessonNameEmpty'));
const count = z.number().int().min(0);
const identifier = z.string().regex(/^[A-Za-z_]\w*$/, fixed('lessonNotIdentifier'));

const EVENT_KINDS = Object.keys(KINDS) as [EventKind, ...EventKind[]];
const GENERATOR_STATES = ['GEN_CREATED', 'GEN_RUNNING', 'GEN_SUSPENDED', 'GEN_CLOSED'] as const;
const ITERATOR_STATES = ['fresh', 'active', 'exhausted'] as const;
const RUN_STATUSES = [
  'ok',
  'error',
  'stopped',
  'timeout',
  'limit',
  'deadlock',
] as const satisfies RunStatus[];

const EVENT_KIND = fixed('lessonEventKind', { kinds: EVENT_KINDS.join(', ') });

/** A field's wanted value: text for str and num fields, a name for obj fields, a number or true/false. */
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const FIELD_VALUE_TYPE: Record<FieldType, string> = {
  str: 'string',
  num: 'number',
  obj: 'string',
  int: 'number',
  bool: 'boolean',
};

/**
 * An event of the run: its kind, optionally the object it concerns (by name), the program line it
 * happened at, and some of its fields.
 */
function eventSpec(line: z.ZodType<number, unknown>) {
  return {
    event: z.enum(EVENT_KINDS, { error: () => EVENT_KIND }),
    object: name.optional(),
    line: line.optional(),
    fields: z.record(z.string(), fieldValue).optional(),
  };
}

function checkFields(
  spec: { event: EventKind; fields?: Record<string, unknown> },
  ctx: z.RefinementCtx,
): void {
  const known = KINDS[spec.event].fields as readonly (readonly [string, FieldType])[];
  for (const [field, value] of Object.entries(spec.fields ?? {})) {
    const type = known.find(([n]) => n === field)?.[1];
    const at = ['fields', field];
    if (!type)
      ctx.addIssue(
        known.length
          ? flawIssue(
              'lessonNoField',
              { event: spec.event, field, known: known.map(([n]) => n).join(', ') },
              at,
            )
          : flawIssue('lessonNoFieldAtAll', { event: spec.event, field }, at),
      );
    else if (value !== null && typeof value !== FIELD_VALUE_TYPE[type])
      ctx.addIssue(
        type === 'obj'
          ? flawIssue('lessonFieldObject', undefined, at)
          : flawIssue('lessonFieldType', { type: FIELD_VALUE_TYPE[type] }, at),
      );
  }
}

/**
 * Picks the form of a union by the key it has (`event:`, `line:`, …), so that a mistake is reported
 * against that form's fields instead of as "matches none of seven shapes".
 */
function oneOf<const F extends Record<string, z.ZodType>>(what: 'moment' | 'claim' | 'highlight', forms: F) {
  const keys = Object.keys(forms);
  const choices = keys.map((k) => `'${k}'`).join(', ');
  return z.unknown().transform((value, ctx): z.output<F[keyof F]> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue(flawIssue('lessonFormNotMap', { what, keys: choices }));
      return z.NEVER;
    }
    // The first key that names a form decides (an event moment may also have a `line`).
    const key = keys.find((k) => k in value);
    if (key === undefined) {
      ctx.addIssue(flawIssue('lessonFormUnnamed', { what, keys: choices }));
      return z.NEVER;
    }
    const parsed = forms[key].safeParse(value);
    if (!parsed.success) {
      // named here: the issue goes on as a custom one, whose code no longer says what zod found
      for (const issue of parsed.error.issues) {
        const flaw = issueFlaw(issue);
        ctx.addIssue({
          code: 'custom',
          message: lessonFlawText('en', flaw),
          params: { flaw },
          path: issue.path,
        });
      }
      return z.NEVER;
    }
    return parsed.data as z.output<F[keyof F]>;
  });
}

/** A program line, as a number or as text found on exactly one line of the program. */
function lineRef(source: string) {
  const lines = source.replace(/\r?\n$/, '').split(/\r?\n/);
  return z.union([z.number(), z.string()]).transform((ref, ctx): number => {
    if (typeof ref === 'number') {
      if (Number.isInteger(ref) && ref >= 1 && ref <= lines.length) return ref;
      ctx.addIssue(flawIssue('lessonNoSuchLine', { lines: lines.length, line: ref }));
      return z.NEVER;
    }
    const found = lines.flatMap((text, i) => (text.includes(ref) ? [i + 1] : []));
    if (found.length === 1) return found[0];
    const text = JSON.stringify(ref);
    ctx.addIssue(
      found.length === 0
        ? flawIssue('lessonNoLineHas', { text })
        : flawIssue('lessonLinesHave', { count: found.length, text, lines: found.join(', ') }),
    );
    return z.NEVER;
  });
}

const nth = z.number().int().min(1).default(1);

/** Where a chart point is on the x axis: a number, or a category's name. */
const chartX = z.union([z.number(), z.string()]);

/**
 * A chart drawn from the program's output: every printed line that `output` matches is a point,
 * its named groups giving `y` (a number), `x` (a number or a category) and `series`.
 */
const Chart = z.strictObject({
  title: Text,
  output: z.string().superRefine((pattern, ctx) => {
    let groups: string[];
    try {
      groups = [...new RegExp(pattern).source.matchAll(/\(\?<(\w+)>/g)].map((m) => m[1]);
    } catch (error) {
      ctx.addIssue(flawIssue('lessonNotRegex', { detail: (error as Error).message }));
      return;
    }
    if (!groups.includes('y'))
      ctx.addIssue(flawIssue('lessonChartNoY', { y: '(?<y>…)', x: '(?<x>…)', series: '(?<series>…)' }));
  }),
  x: Text,
  y: Text,
});

function schemas(source: string) {
  const line = lineRef(source);
  const EventSpec = z.strictObject(eventSpec(line)).superRefine(checkFields);

  const dequeCondition = {
    deque: name,
    len: count.optional(),
    items: z.array(z.string()).optional(),
    full: z.boolean().optional(),
  };
  const needsCondition = (d: { len?: number; items?: string[]; full?: boolean }) =>
    d.len !== undefined || d.items !== undefined || d.full !== undefined;
  const conditionMessage = { message: fixed('lessonDequeCondition') };

  const Moment = oneOf('moment', {
    event: z
      .strictObject({ ...eventSpec(line), nth })
      .superRefine(checkFields)
      .transform((m) => ({ type: 'event' as const, ...m })),
    line: z
      .strictObject({ line, object: name.optional(), nth })
      .transform((m) => ({ type: 'line' as const, ...m })),
    output: z
      .strictObject({ output: z.string().min(1), nth })
      .transform((m) => ({ type: 'output' as const, ...m })),
    deque: z
      .strictObject({ ...dequeCondition, nth })
      .refine(needsCondition, conditionMessage)
      .transform((m) => ({ type: 'deque' as const, ...m })),
    end: z.strictObject({ end: z.literal(true) }).transform(() => ({ type: 'end' as const })),
  });

  const Claim = oneOf('claim', {
    deque: z
      .strictObject({ ...dequeCondition, maxlen: count.nullable().optional() })
      .refine((d) => needsCondition(d) || d.maxlen !== undefined, conditionMessage)
      .transform((c) => ({ type: 'deque' as const, ...c })),
    runs: z.strictObject({ runs: name }).transform((c) => ({ type: 'runs' as const, ...c })),
    next: z.strictObject({ next: name }).transform((c) => ({ type: 'next' as const, ...c })),
    output: z
      .strictObject({ output: z.string().min(1) })
      .transform((c) => ({ type: 'output' as const, ...c })),
    generator: z
      .strictObject({ generator: name, state: z.enum(GENERATOR_STATES) })
      .transform((c) => ({ type: 'generator' as const, ...c })),
    iterator: z
      .strictObject({
        iterator: name,
        state: z.enum(ITERATOR_STATES).optional(),
        values: z.array(z.string()).optional(),
      })
      .transform((c) => ({ type: 'iterator' as const, ...c })),
    with: z.strictObject({ with: z.array(name) }).transform((c) => ({ type: 'with' as const, ...c })),
    clock: z.strictObject({ clock: z.number().min(0) }).transform((c) => ({ type: 'clock' as const, ...c })),
    count: z
      .strictObject({ count: EventSpec, is: count })
      .transform((c) => ({ type: 'count' as const, ...c })),
    never: z.strictObject({ never: EventSpec }).transform((c) => ({ type: 'never' as const, ...c })),
    status: z
      .strictObject({ status: z.enum(RUN_STATUSES) })
      .transform((c) => ({ type: 'status' as const, ...c })),
    chart: z
      .strictObject({
        chart: name,
        series: z.string().default(''),
        x: chartX,
        y: z.number().optional(),
        atLeast: z.number().positive().optional(),
        atMost: z.number().positive().optional(),
        than: z.strictObject({ series: z.string().optional(), x: chartX }).optional(),
      })
      .refine((c) => (c.y !== undefined) !== (c.than !== undefined), { message: fixed('lessonChartPoint') })
      .refine((c) => c.than === undefined || c.atLeast !== undefined || c.atMost !== undefined, {
        message: fixed('lessonChartCompare'),
      })
      .transform((c) => ({ type: 'chart' as const, ...c })),
  });

  const Highlight = oneOf('highlight', {
    lane: z.strictObject({ lane: name }).transform((h) => ({ type: 'lane' as const, ...h })),
    deque: z
      .strictObject({ deque: name, slot: count.optional() })
      .transform((h) => ({ type: 'deque' as const, ...h })),
    iterator: z.strictObject({ iterator: name }).transform((h) => ({ type: 'iterator' as const, ...h })),
    with: z.strictObject({ with: name }).transform((h) => ({ type: 'with' as const, ...h })),
    frame: z.strictObject({ frame: identifier }).transform((h) => ({ type: 'frame' as const, ...h })),
    variable: z
      .strictObject({ variable: identifier })
      .transform((h) => ({ type: 'variable' as const, ...h })),
    line: z.strictObject({ line }).transform((h) => ({ type: 'line' as const, ...h })),
    chart: z.strictObject({ chart: name }).transform((h) => ({ type: 'chart' as const, ...h })),
  });

  const Step = z.strictObject({
    at: Moment,
    say: Text,
    highlight: z.array(Highlight).min(1, fixed('lessonNoHighlight')),
    expect: z.array(Claim).default([]),
  });

  const LessonFile = z
    .strictObject({
      title: Text,
      program: z
        .string()
        .regex(/^[^/\\]+\.py$/, fixed('lessonProgramName'))
        .optional(),
      run: z
        .strictObject({
          policy: z.enum(['fifo', 'lifo', 'random', 'priority']).optional(),
          seed: z
            .number()
            .int()
            .min(0)
            .max(2 ** 31 - 1)
            .optional(),
          switchInterval: z.number().int().min(1).max(10_000).optional(),
        })
        .default({}),
      intro: Text,
      charts: z.record(z.string().regex(/^\w+$/, fixed('lessonChartName')), Chart).optional(),
      steps: z.array(Step).min(1, fixed('lessonNoSteps')),
      try: Text.optional(),
    })
    .superRefine((lesson, ctx) => {
      lesson.steps.forEach((step, k) => {
        const named = [
          ...step.expect.map((c, i) => ['expect', i, c] as const),
          ...step.highlight.map((h, i) => ['highlight', i, h] as const),
        ];
        for (const [list, i, item] of named)
          if (item.type === 'chart' && !lesson.charts?.[item.chart])
            ctx.addIssue(flawIssue('lessonNoChart', { chart: item.chart }, ['steps', k, list, i, 'chart']));
      });
    });
  return { Moment, Claim, Highlight, Step, LessonFile, Chart };
}

/** The schema of a lesson.yaml whose program is `source` (lines are checked against it). */
export function lessonFileSchema(source: string) {
  return schemas(source).LessonFile;
}

export type Schemas = ReturnType<typeof schemas>;
