/**
 * A lesson against a run: where each step's moment happens (the player pauses there), and whether
 * what the step's narration claims is true of the run. The narration tests use exactly this logic
 * on real runs, so a lesson whose narration drifts from its program fails.
 */
import type { Claim, EventSpec, Highlight, Lesson, LessonChart, Moment } from '../../core/session/lesson.ts';
import { chartData } from './chart.ts';
import { KIND_CODE, KINDS, NULL_INT } from '../../core/trace/schema.ts';
import type { TraceIndex } from './index.ts';
import type { DequeTrack } from './deques.ts';
import { upperBound } from './columns.ts';
import { holderAt } from './state.ts';

const K = KIND_CODE;

/** What the user calls each object of a run: its lane, deque, iterator or `with` block name. */
function namer(index: TraceIndex): (obj: number) => string | null {
  let contexts: Map<number, string> | undefined;
  return (obj) => {
    const known = index.nameOf(obj);
    if (known !== null) return known;
    if (!contexts) {
      contexts = new Map();
      const t = index.trace;
      for (let i = 0; i < index.ingested; i++)
        if (t.kindAt(i) === K['ctx.enter']) contexts.set(t.objAt(i), t.str(i, 0) ?? '');
    }
    return contexts.get(obj) ?? null;
  };
}

/** Does event i match the spec (kind, object name, fields)? */
function matcher(index: TraceIndex, spec: EventSpec): (i: number) => boolean {
  const t = index.trace;
  const code = K[spec.event];
  const nameOf = namer(index);
  const fields = KINDS[spec.event].fields;
  const wanted = Object.entries(spec.fields ?? {}).map(([field, value]) => {
    const col = fields.findIndex(([n]) => n === field);
    return { col, type: fields[col][1], value };
  });
  return (i) => {
    if (t.kindAt(i) !== code) return false;
    if (spec.line !== undefined && t.lineAt(i) !== spec.line) return false;
    if (spec.object !== undefined && nameOf(t.objAt(i)) !== spec.object) return false;
    for (const { col, type, value } of wanted) {
      const raw = t.field(i, col);
      if (raw === NULL_INT) {
        if (value !== null) return false;
      } else if (type === 'str') {
        if (t.strings[raw] !== value) return false;
      } else if (type === 'num') {
        if (Number(t.strings[raw]) !== value) return false;
      } else if (type === 'obj') {
        if (nameOf(raw) !== value) return false;
      } else if (type === 'bool') {
        if ((raw !== 0) !== value) return false;
      } else if (raw !== value) return false;
    }
    return true;
  };
}

interface DequeCondition {
  deque: string;
  len?: number;
  items?: string[];
  full?: boolean;
}

/** The deque called `name` at `seq` (the newest of that name, when a name was reused), if it exists. */
function dequeNamed(index: TraceIndex, name: string, seq: number): DequeTrack | undefined {
  let found: DequeTrack | undefined;
  for (const track of index.deques.tracks) if (track.name === name && track.createdAt <= seq) found = track;
  return found;
}

function dequeHolds(index: TraceIndex, track: DequeTrack, seq: number, c: DequeCondition): boolean {
  if (track.createdAt > seq) return false;
  const length = index.deques.lengthAt(track, seq);
  if (c.len !== undefined && length !== c.len) return false;
  if (c.full !== undefined && (track.maxlen !== null && length === track.maxlen) !== c.full) return false;
  if (c.items !== undefined && !sameItems(track.log.at(seq), c.items)) return false;
  return true;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The events at which `test` happens after `after`, in order, up to the `nth`. */
function nthAfter(size: number, after: number, nth: number, test: (i: number) => boolean): number | null {
  let seen = 0;
  for (let i = after + 1; i < size; i++) if (test(i) && ++seen === nth) return i;
  return null;
}

/** The event at which `moment` happens, the first time after event `after` (or its `nth` time), or null. */
export function findMoment(index: TraceIndex, moment: Moment, after = -1): number | null {
  const t = index.trace;
  const size = index.ingested;
  switch (moment.type) {
    case 'event':
      return nthAfter(size, after, moment.nth, matcher(index, moment));
    case 'line': {
      const nameOf = namer(index);
      return nthAfter(
        size,
        after,
        moment.nth,
        (i) =>
          t.kindAt(i) === K.line &&
          t.lineAt(i) === moment.line &&
          (moment.object === undefined || nameOf(t.objAt(i)) === moment.object),
      );
    }
    case 'output':
      return nthAfter(
        size,
        after,
        moment.nth,
        (i) =>
          (t.kindAt(i) === K.stdout || t.kindAt(i) === K.stderr) &&
          (t.str(i, 0) ?? '').includes(moment.output),
      );
    case 'deque':
      // A state is reached at the deque event after which it holds and before which it did not.
      return nthAfter(size, after, moment.nth, (i) => {
        const kind = t.kindAt(i);
        if (kind !== K['deque.op'] && kind !== K['deque.create']) return false;
        const track = index.deques.get(t.objAt(i));
        return (
          track !== undefined &&
          track.name === moment.deque &&
          dequeHolds(index, track, i, moment) &&
          !dequeHolds(index, track, i - 1, moment)
        );
      });
    case 'end':
      return index.timeline.endedAt >= 0 ? index.timeline.endedAt : null;
  }
}

/** The seq of every step's moment, each searched after the previous one's; null from the first that never happens. */
export function stepMoments(index: TraceIndex, lesson: Pick<Lesson, 'steps'>): (number | null)[] {
  const out: (number | null)[] = [];
  let after: number | null = -1;
  for (const step of lesson.steps) {
    const seq: number | null = after === null ? null : findMoment(index, step.at, after);
    out.push(seq);
    after = seq;
  }
  return out;
}

function laneName(index: TraceIndex, lane: number | null): string | null {
  return lane === null ? null : index.timeline.lanes[lane].name;
}

/** The next generator, coroutine or task to run after `seq` (the main program and the scheduler only pass control on), or `main` for control coming back to it. */
function nextRunner(index: TraceIndex, seq: number, wanted: string): string | null {
  const { switches, lanes } = index.timeline;
  for (let s = upperBound(switches.seq.data, switches.size, seq); s < switches.size; s++) {
    const lane = lanes[switches.to.data[s]];
    if (wanted === 'main' && lane.kind === 'main') return lane.name;
    if (lane.kind !== 'main' && lane.kind !== 'scheduler') return lane.name;
  }
  return null;
}

function quote(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

function describeSpec(spec: EventSpec): string {
  const fields = Object.entries(spec.fields ?? {})
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(', ');
  const where = spec.line !== undefined ? ` at line ${spec.line}` : '';
  return `${spec.event}${spec.object ? ` of ${spec.object}` : ''}${where}${fields ? ` (${fields})` : ''}`;
}

function countUpTo(index: TraceIndex, spec: EventSpec, seq: number): number {
  const test = matcher(index, spec);
  let n = 0;
  for (let i = 0; i <= seq; i++) if (test(i)) n++;
  return n;
}

type Charts = Lesson['charts'];

/** The y of the chart's last point printed by `seq` in `series` at `x`, or what is missing. */
function chartPoint(
  index: TraceIndex,
  chart: LessonChart,
  seq: number,
  series: string,
  x: number | string,
): number | string {
  const points = chartData(index, chart, seq).find((s) => s.name === series)?.points ?? [];
  const point = points.findLast((p) => p.x === x);
  return point ? point.y : `the chart has no point${series ? ` of ${series}` : ''} at ${x} yet`;
}

function checkChart(
  index: TraceIndex,
  claim: Extract<Claim, { type: 'chart' }>,
  seq: number,
  charts: Charts,
) {
  const chart = charts?.[claim.chart];
  if (!chart) return `the lesson has no chart ${claim.chart}`;
  const y = chartPoint(index, chart, seq, claim.series, claim.x);
  if (typeof y === 'string') return y;
  const at = `${claim.series ? `${claim.series} ` : ''}at ${claim.x}`;
  if (claim.y !== undefined) return y === claim.y ? null : `${at} is ${y}`;
  const than = claim.than!;
  const other = chartPoint(index, chart, seq, than.series ?? claim.series, than.x);
  if (typeof other === 'string') return other;
  const ratio = y / other;
  const ok =
    (claim.atLeast === undefined || ratio >= claim.atLeast) &&
    (claim.atMost === undefined || ratio <= claim.atMost);
  return ok
    ? null
    : `${at} is ${y}, ${ratio.toPrecision(3)} times ${than.series ?? claim.series} at ${than.x} (${other})`;
}

/** Whether `claim` holds at event `seq`: null when it does, else what the run shows instead. */
export function checkClaim(index: TraceIndex, claim: Claim, seq: number, charts?: Charts): string | null {
  switch (claim.type) {
    case 'deque': {
      const track = dequeNamed(index, claim.deque, seq);
      if (!track) return `there is no deque named ${claim.deque} yet`;
      if (claim.maxlen !== undefined && track.maxlen !== claim.maxlen)
        return `deque ${claim.deque} has maxlen ${track.maxlen ?? 'None'}, not ${claim.maxlen ?? 'None'}`;
      if (dequeHolds(index, track, seq, claim)) return null;
      return `deque ${claim.deque} holds ${index.deques.lengthAt(track, seq)} items ${quote(track.log.at(seq))}${track.maxlen !== null ? ` (maxlen ${track.maxlen})` : ''}`;
    }
    case 'runs': {
      const runs = laneName(index, holderAt(index, seq));
      return runs === claim.runs ? null : `${runs ?? 'nothing'} runs, not ${claim.runs}`;
    }
    case 'next': {
      const next = nextRunner(index, seq, claim.next);
      return next === claim.next ? null : `${next ?? 'nothing'} runs next, not ${claim.next}`;
    }
    case 'output': {
      const text = index.console
        .lines(0, index.console.countAt(seq), seq)
        .map((l) => l.text)
        .join('\n');
      return text.includes(claim.output)
        ? null
        : `the output so far does not contain ${JSON.stringify(claim.output)}`;
    }
    case 'generator': {
      const lane = index.timeline.lanes.find((l) => l.name === claim.generator);
      const track =
        (lane && index.generators.get(lane.obj)) ??
        index.generators.tracks.findLast((g) => g.name === claim.generator && g.createdAt <= seq);
      if (!track) return `there is no generator named ${claim.generator}`;
      const state = index.generators.stateAt(track, seq);
      return state === claim.state ? null : `generator ${claim.generator} is ${state ?? 'not created yet'}`;
    }
    case 'iterator': {
      const view = index.iterators
        .at(seq, Infinity, Infinity)
        .findLast((v) => v.track.name === claim.iterator);
      if (!view) return `there is no iterator ${claim.iterator} yet`;
      if (claim.state !== undefined && view.state !== claim.state)
        return `iterator ${claim.iterator} is ${view.state}, not ${claim.state}`;
      if (claim.values !== undefined && !sameItems(view.values, claim.values))
        return `iterator ${claim.iterator} has produced ${quote(view.values)}`;
      return null;
    }
    case 'with': {
      const open = index.contexts.at(seq).stack.map((c) => c.name);
      return sameItems(open, claim.with) ? null : `the open with blocks are ${quote(open)}`;
    }
    case 'clock': {
      let now = 0;
      for (let i = 0; i <= seq; i++)
        if (index.trace.kindAt(i) === K.clock) now = Number(index.trace.str(i, 0));
      return now === claim.clock ? null : `the virtual clock reads ${now}`;
    }
    case 'count': {
      const n = countUpTo(index, claim.count, seq);
      return n === claim.is ? null : `${describeSpec(claim.count)} happened ${n} times by then`;
    }
    case 'never': {
      const at = nthAfter(index.ingested, -1, 1, matcher(index, claim.never));
      return at === null ? null : `${describeSpec(claim.never)} happens, at event ${at}`;
    }
    case 'status': {
      const end = index.timeline.endedAt;
      const status = end >= 0 ? index.trace.str(end, 0) : null;
      return status === claim.status ? null : `the run ended with status ${status ?? '(not ended)'}`;
    }
    case 'chart':
      return checkChart(index, claim, seq, charts);
  }
}

/** Whether what a step highlights exists at its moment: null when it does, else what is missing. */
export function checkHighlight(
  index: TraceIndex,
  highlight: Highlight,
  seq: number,
  source: string,
): string | null {
  switch (highlight.type) {
    case 'lane': {
      const lane = index.timeline.lanes.find((l) => l.name === highlight.lane);
      return lane && lane.createdAt <= seq ? null : `there is no lane ${highlight.lane} yet`;
    }
    case 'deque': {
      const track = dequeNamed(index, highlight.deque, seq);
      if (!track) return `there is no deque named ${highlight.deque} yet`;
      const length = index.deques.lengthAt(track, seq);
      return highlight.slot === undefined || highlight.slot < Math.max(length, track.maxlen ?? 0)
        ? null
        : `deque ${highlight.deque} has no slot ${highlight.slot} (it holds ${length})`;
    }
    case 'iterator':
      return index.iterators.tracks.some((t) => t.name === highlight.iterator && t.createdAt <= seq)
        ? null
        : `there is no iterator ${highlight.iterator} yet`;
    case 'with':
      return index.contexts.at(seq).stack.some((c) => c.name === highlight.with)
        ? null
        : `no with block named ${highlight.with} is open`;
    case 'frame':
      return new RegExp(`^\\s*(async\\s+)?def\\s+${highlight.frame}\\b`, 'm').test(source)
        ? null
        : `the program defines no function ${highlight.frame}`;
    case 'variable':
      return new RegExp(`(^|[^\\w.])${highlight.variable}\\b`).test(source)
        ? null
        : `the program has no variable ${highlight.variable}`;
    case 'line':
    case 'chart':
      return null;
  }
}

/** A step whose narration the run does not bear out. */
export interface StepFailure {
  /** 1-based, as the lesson numbers its steps. */
  step: number;
  message: string;
}

/** Every claim and highlight of every step of `lesson`, checked at its moment in the run indexed by `index`. */
export function checkLesson(
  index: TraceIndex,
  lesson: Pick<Lesson, 'steps' | 'source' | 'charts'>,
): StepFailure[] {
  const failures: StepFailure[] = [];
  const moments = stepMoments(index, lesson);
  lesson.steps.forEach((step, k) => {
    const seq = moments[k];
    if (seq === null) {
      if (k === 0 || moments[k - 1] !== null)
        failures.push({
          step: k + 1,
          message: `its moment (${describeMoment(step.at)}) never happens after step ${k}'s`,
        });
      return;
    }
    for (const claim of step.expect) {
      const found = checkClaim(index, claim, seq, lesson.charts);
      if (found)
        failures.push({
          step: k + 1,
          message: `it claims ${JSON.stringify(stripType(claim))}, but ${found}`,
        });
    }
    for (const highlight of step.highlight) {
      const missing = checkHighlight(index, highlight, seq, lesson.source);
      if (missing)
        failures.push({
          step: k + 1,
          message: `it highlights ${JSON.stringify(stripType(highlight))}, but ${missing}`,
        });
    }
  });
  return failures;
}

function stripType<T extends { type: string }>(value: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = value;
  return rest;
}

/** A moment in words, for messages. */
export function describeMoment(moment: Moment): string {
  const nth = 'nth' in moment && moment.nth > 1 ? ` (time ${moment.nth})` : '';
  switch (moment.type) {
    case 'event':
      return describeSpec(moment) + nth;
    case 'line':
      return `line ${moment.line}${moment.object ? ` in ${moment.object}` : ''}${nth}`;
    case 'output':
      return `the output ${JSON.stringify(moment.output)}${nth}`;
    case 'deque': {
      const holds = [
        moment.len !== undefined ? `holds ${moment.len} items` : '',
        moment.items !== undefined ? `holds ${quote(moment.items)}` : '',
        moment.full !== undefined ? (moment.full ? 'is full' : 'is not full') : '',
      ];
      return `deque ${moment.deque} ${holds.filter(Boolean).join(' and ')}${nth}`;
    }
    case 'end':
      return 'the end of the run';
  }
}
