/**
 * Predict the next step: a question about what the run does next, made from the trace itself (never
 * written by hand), with its choices and the answer the real run gives. Asked at a lesson step about
 * what happens before the next step's moment: who runs next, which value is yielded, whether a
 * generator's resume ends in StopIteration, what a deque will hold after its next operation, what an
 * iterator's next `next()` gives, and (of any program, generators or not) which line it prints next.
 */
import { KIND_CODE } from '../../core/trace/schema.ts';
import { upperBound } from './columns.ts';
import type { TraceIndex } from './index.ts';

const K = KIND_CODE;

/** The longest deque contents, in characters, that a choice shows. */
const READABLE = 60;

export type Question =
  | { kind: 'runs-next'; choices: string[]; answer: string }
  | { kind: 'yields'; lane: string; choices: string[]; answer: string }
  | { kind: 'stops'; lane: string; choices: ['yes', 'no']; answer: 'yes' | 'no' }
  | { kind: 'deque'; deque: string; choices: string[]; answer: string }
  | { kind: 'produces'; iterator: string; choices: string[]; answer: string }
  | { kind: 'prints'; choices: string[]; answer: string };

const list = (items: readonly string[]) => `[${items.join(', ')}]`;
const distinct = (xs: string[]) => [...new Set(xs)];
/** Choices in an order that does not give the answer away: sorted as text. */
const shuffled = (xs: string[]) => distinct(xs).sort((a, b) => a.localeCompare(b));

/** Who runs next after `from`: the first generator, coroutine or task control passes to. */
function runsNext(index: TraceIndex, from: number, to: number): Question | null {
  const { switches, lanes } = index.timeline;
  for (let s = upperBound(switches.seq.data, switches.size, from); s < switches.size; s++) {
    if (switches.seq.data[s] > to) return null;
    const lane = lanes[switches.to.data[s]];
    if (lane.kind === 'main' || lane.kind === 'scheduler') continue;
    const alive = lanes.filter((l) => l.kind !== 'main' && l.kind !== 'scheduler' && l.createdAt <= from);
    const choices = shuffled([...alive.map((l) => l.name), lane.name]);
    return choices.length >= 2 ? { kind: 'runs-next', choices, answer: lane.name } : null;
  }
  return null;
}

/** The first resume of a generator after `from`: does it end in a yield (and of what) or in StopIteration? */
function resumeEnds(index: TraceIndex, from: number, to: number): Question[] {
  const t = index.trace;
  for (let i = from + 1; i <= to && i < index.ingested; i++) {
    if (t.kindAt(i) !== K['gen.resume']) continue;
    const obj = t.objAt(i);
    const lane = index.timeline.laneOf(obj);
    if (lane === undefined) continue;
    const name = index.timeline.lanes[lane].name;
    for (let j = i + 1; j < index.ingested; j++) {
      if (t.objAt(j) !== obj) continue;
      const kind = t.kindAt(j);
      if (kind === K['gen.return'])
        return [{ kind: 'stops', lane: name, choices: ['yes', 'no'], answer: 'yes' }];
      if (kind !== K['gen.yield']) continue;
      const value = t.str(j, 0) ?? 'None';
      const stops: Question = { kind: 'stops', lane: name, choices: ['yes', 'no'], answer: 'no' };
      // Other values this generator yields in the run are the other choices.
      const others: string[] = [];
      for (let k = 0; k < index.ingested && others.length < 3; k++)
        if (t.kindAt(k) === K['gen.yield'] && t.objAt(k) === obj && t.str(k, 0) !== value)
          others.push(t.str(k, 0) ?? 'None');
      const choices = shuffled([value, ...others]);
      return choices.length >= 2 ? [{ kind: 'yields', lane: name, choices, answer: value }, stops] : [stops];
    }
    return [];
  }
  return [];
}

/** What a deque holds after its first operation after `from`, against what it held and the mirror operation. */
function dequeNext(index: TraceIndex, from: number, to: number): Question | null {
  const t = index.trace;
  for (let i = from + 1; i <= to && i < index.ingested; i++) {
    if (t.kindAt(i) !== K['deque.op']) continue;
    const track = index.deques.get(t.objAt(i));
    if (!track) continue;
    const before = track.log.at(i - 1);
    const after = track.log.at(i);
    const op = t.str(i, 0);
    const arg = t.str(i, 1);
    const mirror =
      op === 'append' && arg !== null
        ? [arg, ...before]
        : op === 'appendleft' && arg !== null
          ? [...before, arg]
          : op === 'popleft'
            ? before.slice(0, -1)
            : op === 'pop'
              ? before.slice(1)
              : before;
    const choices = shuffled([list(after), list(before), list(mirror)]);
    // Items that do not read at a glance (`<generator object … at 0x…>`) make no question to answer.
    if (choices.some((c) => c.length > READABLE)) return null;
    return choices.length >= 2 ? { kind: 'deque', deque: track.name, choices, answer: list(after) } : null;
  }
  return null;
}

/** The choice that says an iterator is exhausted. */
const STOP = 'StopIteration';

/** What the first `next()` on an iterator after `from` gives: a value, or StopIteration. */
function iteratorNext(index: TraceIndex, from: number, to: number): Question | null {
  const t = index.trace;
  for (let i = from + 1; i <= to && i < index.ingested; i++) {
    const kind = t.kindAt(i);
    if (kind !== K['iter.next'] && kind !== K['iter.stop']) continue;
    const track = index.iterators.get(t.objAt(i));
    if (!track) continue;
    const answer = kind === K['iter.stop'] ? STOP : (t.str(i, 0) ?? 'None');
    // Other values this iterator gives in the run are the other choices, with StopIteration.
    const others: string[] = [];
    for (let k = 0; k < track.nexts.size && others.length < 2; k++) {
      const value = t.str(track.nexts.data[k], 0) ?? 'None';
      if (value !== answer && !others.includes(value)) others.push(value);
    }
    const choices = shuffled([answer, ...others, STOP]);
    if (choices.some((c) => c.length > READABLE)) return null;
    return choices.length >= 2 ? { kind: 'produces', iterator: track.name, choices, answer } : null;
  }
  return null;
}

/** Output lines near the answer, tried as the other choices: what was printed just before, then after. */
const NEAR = [-1, 1, -2, 2, 3];

/** The first line the program prints after `from`, against the lines printed around it. */
function printsNext(index: TraceIndex, from: number, to: number): Question | null {
  const out = index.console;
  const next = out.countAt(from);
  if (next >= out.size || out.lineSeq.data[next] > to) return null;
  const line = (j: number) => out.lines(j, j + 1, index.ingested - 1)[0];
  const { text: answer, stderr } = line(next);
  // A traceback's lines, a blank line or a long one make no question to answer at a glance.
  const readable = (text: string) => text.trim() !== '' && text.length <= READABLE;
  if (stderr || !readable(answer)) return null;
  const others = NEAR.map((d) => next + d)
    .filter((j) => j >= 0 && j < out.size && !line(j).stderr)
    .map((j) => line(j).text)
    .filter(readable);
  const choices = shuffled(distinct([answer, ...others]).slice(0, 4));
  return choices.length >= 2 ? { kind: 'prints', choices, answer } : null;
}

/**
 * The questions the run answers between event `from` (what the user sees) and event `to` (the next
 * step's moment), each at most once. `turn` picks one of them, so a lesson's steps ask different things.
 */
export function questionsBetween(index: TraceIndex, from: number, to: number): Question[] {
  return [
    runsNext(index, from, to),
    ...resumeEnds(index, from, to),
    dequeNext(index, from, to),
    iteratorNext(index, from, to),
    printsNext(index, from, to),
  ].filter((q): q is Question => q !== null);
}

export function questionBetween(index: TraceIndex, from: number, to: number, turn: number): Question | null {
  const all = questionsBetween(index, from, to);
  return all.length ? all[turn % all.length] : null;
}
