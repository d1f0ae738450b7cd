/**
 * Chrome Trace Event JSON export (`.chrome.json`), for Perfetto's UI (ui.perfetto.dev) and chrome://tracing.
 *
 * - One track (tid) per generator, coroutine and scheduler task, named with `thread_name` metadata,
 *   plus track 0 for the main program. (Task tracks get tid 1000000 + task id so they never meet an object's.)
 * - A complete slice ("X") for each span a generator runs: from its gen.resume to the gen.yield,
 *   gen.return, gen.raise or gen.close that suspends or ends it. A generator delegating with `yield from` or
 *   `await` stays running while the inner one runs, so their slices nest in time across tracks.
 *   A task's slice runs from its sched.pick to its park, its end, or the next pick.
 * - Instant events ("i") for yields, returns, raises and closes on the generator's own track, and
 *   for iterator exhaustion (iter.stop) and uncaught errors on the track of whatever was running.
 * - A counter track ("C") per deque with its length after every mutation.
 * Times are microseconds (`t` / 1000) from the start of the run.
 */
import { MAIN_OBJ, type TraceEvent } from './schema.ts';
import type { Trace } from './trace.ts';

const PID = 1;
const TASK_TID_BASE = 1_000_000;

interface OpenSpan {
  ts: number;
  args: Record<string, unknown>;
}

type ChromeEvent = Record<string, unknown>;

/** Chrome events per chunk of text: a chunk stays far below V8's longest string, the whole file need not. */
const CHUNK_EVENTS = 10_000;

/** The trace as one Chrome Trace Event JSON document. */
export function encodeChrome(trace: Trace): string {
  return [...chromeChunks(trace)].join('');
}

/** The same document in pieces, for writing a trace too big to be one string. */
export function* chromeChunks(trace: Trace): Generator<string> {
  let out: string[] = [];
  let first = true;
  const take = (): string => {
    if (out.length === 0) return '';
    const text = (first ? '' : ',\n') + out.join(',\n');
    first = false;
    out = [];
    return text;
  };
  const emit = (e: ChromeEvent): void => void out.push(JSON.stringify({ pid: PID, ...e }));
  yield '{"displayTimeUnit":"ns","traceEvents":[\n';
  const us = (t: number): number => t / 1000;

  const trackName = new Map<number, string>();
  const nameTrack = (tid: number, name: string): void => void trackName.set(tid, name);
  const ensureTrack = (tid: number): void => {
    if (!trackName.has(tid))
      nameTrack(tid, tid >= TASK_TID_BASE ? `task #${tid - TASK_TID_BASE}` : `#${tid}`);
  };

  const running: number[] = [];
  const spans = new Map<number, OpenSpan>();
  const dequeNames = new Map<number, string>();
  let currentTask: number | null = null;
  let lastT = 0;

  const closeSpan = (tid: number, t: number, ending: Record<string, unknown>): void => {
    const span = spans.get(tid);
    if (span === undefined) return;
    spans.delete(tid);
    const at = running.lastIndexOf(tid);
    if (at >= 0) running.splice(at, 1);
    const name = trackName.get(tid) ?? `#${tid}`;
    emit({
      ph: 'X',
      name,
      tid,
      ts: span.ts,
      dur: Math.max(0, us(t) - span.ts),
      args: { ...span.args, ...ending },
    });
  };
  const instant = (tid: number, t: number, name: string, args: Record<string, unknown>): void => {
    ensureTrack(tid);
    emit({ ph: 'i', s: 't', name, tid, ts: us(t), args });
  };
  const runningLane = (): number => running.at(-1) ?? MAIN_OBJ;

  emit({ ph: 'M', name: 'process_name', args: { name: 'yieldscope' } });
  nameTrack(MAIN_OBJ, 'main program');

  for (let i = 0; i < trace.size; i++) {
    if (out.length >= CHUNK_EVENTS) yield take();
    const ev = trace.event(i);
    const obj = ev.obj ?? MAIN_OBJ;
    lastT = ev.t;
    const where = lineArgs(ev);
    switch (ev.kind) {
      case 'run.start':
        if (ev.program) nameTrack(MAIN_OBJ, `main program (${ev.program})`);
        spans.set(MAIN_OBJ, { ts: us(ev.t), args: { python: ev.python } });
        break;
      case 'run.end':
        for (const tid of [...spans.keys()].reverse()) closeSpan(tid, ev.t, { status: ev.status });
        break;
      case 'gen.create':
        nameTrack(obj, `${ev.genkind ?? 'generator'} ${ev.name ?? ''} #${obj}`);
        break;
      case 'gen.resume':
        ensureTrack(obj);
        closeSpan(obj, ev.t, {});
        spans.set(obj, { ts: us(ev.t), args: { by: ev.by, via: ev.via, sent: ev.value } });
        running.push(obj);
        break;
      case 'gen.yield':
        instant(obj, ev.t, `yield ${ev.value ?? ''}`, { value: ev.value, ...where });
        closeSpan(obj, ev.t, { ended: 'yield', value: ev.value });
        break;
      case 'gen.return':
        instant(obj, ev.t, `return ${ev.value ?? ''}`, { value: ev.value, ...where });
        closeSpan(obj, ev.t, { ended: 'return', value: ev.value });
        break;
      case 'gen.raise':
        instant(obj, ev.t, `raise ${ev.exc ?? ''}`, { exc: ev.exc, message: ev.message, ...where });
        closeSpan(obj, ev.t, { ended: 'raise', exc: ev.exc });
        break;
      case 'gen.close':
        // close() of a suspended generator resumes it with GeneratorExit, then it is closed: no yield or return.
        instant(obj, ev.t, 'close', where);
        closeSpan(obj, ev.t, { ended: 'close' });
        break;
      case 'iter.stop':
        instant(runningLane(), ev.t, ev.again ? 'exhausted again' : 'exhausted', { iterator: obj, ...where });
        break;
      case 'error':
        instant(runningLane(), ev.t, `error ${ev.exc ?? ''}`, { exc: ev.exc, message: ev.message, ...where });
        break;
      case 'deque.create': {
        const name = `deque ${ev.name ?? ''} #${obj} len`;
        dequeNames.set(obj, name);
        // Its length is known here only when it starts empty (items is a repr, not a count).
        if (ev.items === '[]') emit({ ph: 'C', name, ts: us(ev.t), args: { len: 0 } });
        break;
      }
      case 'deque.op':
        if (typeof ev.len === 'number')
          emit({
            ph: 'C',
            name: dequeNames.get(obj) ?? `deque #${obj} len`,
            ts: us(ev.t),
            args: { len: ev.len },
          });
        break;
      case 'sched.spawn':
        nameTrack(TASK_TID_BASE + obj, `task ${ev.name ?? ''} #${obj}`);
        break;
      case 'sched.pick':
        if (currentTask !== null) closeSpan(currentTask, ev.t, { ended: 'switch' });
        currentTask = TASK_TID_BASE + obj;
        ensureTrack(currentTask);
        spans.set(currentTask, { ts: us(ev.t), args: { reason: ev.reason } });
        break;
      case 'sched.park':
      case 'sched.done':
        closeSpan(TASK_TID_BASE + obj, ev.t, {
          ended: ev.kind === 'sched.park' ? `park on ${ev.on}` : 'done',
        });
        if (currentTask === TASK_TID_BASE + obj) currentTask = null;
        break;
      default:
        break;
    }
  }
  for (const tid of [...spans.keys()].reverse()) closeSpan(tid, lastT, { ended: 'trace end' });
  for (const [tid, name] of trackName) {
    emit({ ph: 'M', name: 'thread_name', tid, args: { name } });
    emit({ ph: 'M', name: 'thread_sort_index', tid, args: { sort_index: tid } });
  }
  yield take() + '\n]}\n';
}

function lineArgs(ev: TraceEvent): Record<string, unknown> {
  return ev.line === undefined ? {} : { line: ev.line };
}
