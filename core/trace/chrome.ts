/**
 * Chrome Trace Event JSON export (`.trace.json`), for Perfetto's UI (ui.perfetto.dev) and
 * chrome://tracing: who runs when, and who handed control to whom.
 *
 * - One track (tid) per generator, coroutine and scheduler task, named with `thread_name` metadata,
 *   plus track 0 for the main program. (Task tracks get tid 1000000 + task id so they never meet an
 *   object's.)
 * - A slice (B, then E) for each stretch a generator runs: from its gen.resume to the gen.yield,
 *   gen.return, gen.raise or gen.close that suspends or ends it; a task's from its sched.pick to its
 *   park, its end or the next pick; the main program's for the whole run. One generator never runs
 *   twice at once, so the slices of a track follow one another, as the format requires.
 * - A flow arrow for each resume, from the slice of whoever resumed (the generator `by`, the task the
 *   scheduler picked, or the main program) to the slice it starts: `s` on the resumer's track, `f`
 *   with `bp: "e"` (bound to the enclosing slice) on the resumed one.
 * - Instants (i) for yields, returns, raises and closes on the generator's own track, and for
 *   iterator exhaustion and uncaught errors on the track of whatever was running.
 * - A counter (C) per deque: its length after every change.
 *
 * Time, in microseconds: the run's clock, or for a run that used the scheduler (its own loop or
 * asyncio's) the virtual clock, so a `sleep` is as long as it says and the code between sleeps takes
 * no time. Either way each event comes at least 1 ns after the one before: events stamped at one
 * instant keep their order, and every flow lies inside the slices it joins.
 */
import { KIND_CODE, MAIN_OBJ, type TraceEvent } from './schema.ts';
import type { Trace } from './trace.ts';

const PID = 1;
const TASK_TID_BASE = 1_000_000;
const FLOW_CATEGORY = 'resume';

type ChromeEvent = Record<string, unknown>;

/** Chrome events per chunk of text: a chunk stays far below V8's longest string, the whole file need not. */
const CHUNK_EVENTS = 10_000;

/** The trace as one Chrome Trace Event JSON document. */
export function encodeChrome(trace: Trace): string {
  return [...chromeChunks(trace)].join('');
}

/** Whether the run used the scheduler, whose virtual clock is then the export's time axis. */
function scheduled(trace: Trace): boolean {
  const codes = new Set<number>([KIND_CODE.clock, KIND_CODE['sched.spawn']]);
  for (let i = 0; i < trace.size; i++) if (codes.has(trace.kindAt(i))) return true;
  return false;
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

  const virtual = scheduled(trace);
  let virtualNs = 0;
  let lastNs = -1;
  /** The event's place on the axis, in whole ns, after the one before. */
  const place = (ev: TraceEvent): number => {
    if (ev.kind === 'clock' && Number.isFinite(ev.now)) virtualNs = Math.round((ev.now as number) * 1e9);
    const at = virtual ? virtualNs : Math.round(ev.t);
    lastNs = Number.isFinite(at) ? Math.max(at, lastNs + 1) : lastNs + 1;
    return lastNs;
  };
  const us = (ns: number): number => ns / 1000;

  const trackName = new Map<number, string>();
  const nameTrack = (tid: number, name: string): void => void trackName.set(tid, name);
  const ensureTrack = (tid: number): void => {
    if (!trackName.has(tid))
      nameTrack(tid, tid >= TASK_TID_BASE ? `task #${tid - TASK_TID_BASE}` : `#${tid}`);
  };

  /** The tracks with an open slice, in the order they were opened. */
  const open: number[] = [];
  const dequeNames = new Map<number, string>();
  let currentTask: number | null = null;
  let nextFlow = 1;
  let lastTs = 0;

  const begin = (tid: number, ts: number, args: Record<string, unknown>): void => {
    ensureTrack(tid);
    end(tid, ts, {});
    open.push(tid);
    emit({ ph: 'B', name: trackName.get(tid), tid, ts, args });
  };
  const end = (tid: number, ts: number, args: Record<string, unknown>): void => {
    const at = open.lastIndexOf(tid);
    if (at < 0) return;
    open.splice(at, 1);
    emit({ ph: 'E', name: trackName.get(tid), tid, ts, args });
  };
  const endAll = (ts: number, args: Record<string, unknown>): void => {
    for (const tid of [...open].reverse()) end(tid, ts, args);
  };
  const instant = (tid: number, ts: number, name: string, args: Record<string, unknown>): void => {
    ensureTrack(tid);
    emit({ ph: 'i', s: 't', name, tid, ts, args });
  };
  /** The track whose slice resumed `ev`'s generator. */
  const resumer = (ev: TraceEvent): number | null => {
    const by = typeof ev.by === 'number' && ev.by !== MAIN_OBJ ? ev.by : null;
    const candidates = [by, ev.via === 'scheduler' ? currentTask : null, MAIN_OBJ];
    return candidates.find((tid) => tid !== null && tid !== ev.obj && open.includes(tid)) ?? null;
  };
  const runningLane = (): number => open.findLast((tid) => tid < TASK_TID_BASE) ?? MAIN_OBJ;

  emit({ ph: 'M', name: 'process_name', args: { name: 'yieldscope' } });
  nameTrack(MAIN_OBJ, 'main program');

  for (let i = 0; i < trace.size; i++) {
    if (out.length >= CHUNK_EVENTS) yield take();
    const ev = trace.event(i);
    const obj = ev.obj ?? MAIN_OBJ;
    const ts = us(place(ev));
    lastTs = ts;
    const where = lineArgs(ev);
    switch (ev.kind) {
      case 'run.start':
        if (ev.program) nameTrack(MAIN_OBJ, `main program (${ev.program})`);
        begin(MAIN_OBJ, ts, { python: ev.python });
        break;
      case 'run.end':
        endAll(ts, { status: ev.status });
        break;
      case 'gen.create':
        nameTrack(obj, `${ev.genkind ?? 'generator'} ${ev.name ?? ''} #${obj}`);
        break;
      case 'gen.resume': {
        const from = resumer(ev);
        const id = nextFlow++;
        if (from !== null) emit({ ph: 's', cat: FLOW_CATEGORY, name: 'resume', id, tid: from, ts });
        begin(obj, ts, { by: ev.by, via: ev.via, sent: ev.value });
        if (from !== null) emit({ ph: 'f', bp: 'e', cat: FLOW_CATEGORY, name: 'resume', id, tid: obj, ts });
        break;
      }
      case 'gen.yield':
        instant(obj, ts, `yield ${ev.value ?? ''}`, { value: ev.value, ...where });
        end(obj, ts, { ended: 'yield', value: ev.value });
        break;
      case 'gen.return':
        instant(obj, ts, `return ${ev.value ?? ''}`, { value: ev.value, ...where });
        end(obj, ts, { ended: 'return', value: ev.value });
        break;
      case 'gen.raise':
        instant(obj, ts, `raise ${ev.exc ?? ''}`, { exc: ev.exc, message: ev.message, ...where });
        end(obj, ts, { ended: 'raise', exc: ev.exc });
        break;
      case 'gen.close':
        // close() of a suspended generator resumes it with GeneratorExit, then it is closed: no yield or return.
        instant(obj, ts, 'close', where);
        end(obj, ts, { ended: 'close' });
        break;
      case 'iter.stop':
        instant(runningLane(), ts, ev.again ? 'exhausted again' : 'exhausted', { iterator: obj, ...where });
        break;
      case 'error':
        instant(runningLane(), ts, `error ${ev.exc ?? ''}`, { exc: ev.exc, message: ev.message, ...where });
        break;
      case 'deque.create': {
        const name = `deque ${ev.name ?? ''} #${obj} len`;
        dequeNames.set(obj, name);
        // Its length is known here only when it starts empty (items is a repr, not a count).
        if (ev.items === '[]') emit({ ph: 'C', name, ts, args: { len: 0 } });
        break;
      }
      case 'deque.op':
        if (typeof ev.len === 'number')
          emit({ ph: 'C', name: dequeNames.get(obj) ?? `deque #${obj} len`, ts, args: { len: ev.len } });
        break;
      case 'sched.spawn':
        nameTrack(TASK_TID_BASE + obj, `task ${ev.name ?? ''} #${obj}`);
        break;
      case 'sched.pick':
        if (currentTask !== null) end(currentTask, ts, { ended: 'switch' });
        currentTask = TASK_TID_BASE + obj;
        begin(currentTask, ts, { reason: ev.reason });
        break;
      case 'sched.park':
      case 'sched.done':
        end(TASK_TID_BASE + obj, ts, { ended: ev.kind === 'sched.park' ? `park on ${ev.on}` : 'done' });
        if (currentTask === TASK_TID_BASE + obj) currentTask = null;
        break;
      default:
        break;
    }
  }
  endAll(lastTs, { ended: 'trace end' });
  for (const [tid, name] of trackName) {
    emit({ ph: 'M', name: 'thread_name', tid, args: { name } });
    emit({ ph: 'M', name: 'thread_sort_index', tid, args: { sort_index: tid } });
  }
  yield take() + '\n]}\n';
}

function lineArgs(ev: TraceEvent): Record<string, unknown> {
  return ev.line === undefined ? {} : { line: ev.line };
}
