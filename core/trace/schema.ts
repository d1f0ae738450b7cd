/**
 * The trace schema: the one definition of every event kind and its fields.
 *
 * Every event has `seq` (its index in the run), `t` (nanoseconds of the program's running since run
 * start: the run's set-up and time spent paused are left out), `kind`, and,
 * where it applies, `obj` (a stable small id of the object it concerns; 0 is the main program)
 * and `line` (1-based source line). Kind-specific fields are stored positionally in the five
 * generic columns f0..f4 in the order listed here. Changing the order or meaning of a field is a
 * format change: bump TRACE_VERSION.
 */

export const TRACE_VERSION = 3;

/**
 * Every version a reader opens. Fields are only ever added at the end of a kind, and kinds at the
 * end of the list, so an older trace reads as this version with the newer fields null:
 * version 1 lacks run.start's `source` and `files`, and the `stdin` and `file` kinds; versions 1 and
 * 2 lack the scheduler's reasons as data (sched.pick's `policy` and `n`, sched.park's `what` and
 * `amount`, sched.wake's `cause`, `what` and `at`): only their English sentences.
 */
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3];

/** How many fields a kind had in an older version, where it had fewer than now. */
const EARLIER_FIELD_COUNTS: Readonly<Record<number, Readonly<Partial<Record<string, number>>>>> = {
  1: { 'run.start': 3, 'sched.pick': 1, 'sched.park': 3, 'sched.wake': 1 },
  2: { 'sched.pick': 1, 'sched.park': 3, 'sched.wake': 1 },
};

/** Stored in an int column where a field has no value (`null`). */
export const NULL_INT = -2147483648;

/** The id of the main program's lane. Objects of the run get ids from 1 upward. */
export const MAIN_OBJ = 0;

/**
 * The name the scheduler gives its ready queue's `deque.create`, recorded at line 0: a program's own
 * deque is created by a line of the program and named after a variable, so the two never mix.
 */
export const READY_QUEUE_NAME = 'ready queue';

/**
 * Field types: `str` is a string-table index, `obj` another object's id, `int` a 32-bit integer,
 * `bool` 0/1, `num` a float kept as its decimal text in the string table (rare: virtual time).
 */
export type FieldType = 'str' | 'obj' | 'int' | 'bool' | 'num';

export interface KindSpec {
  readonly code: number;
  readonly fields: readonly (readonly [name: string, type: FieldType])[];
  readonly doc: string;
}

export const KINDS = {
  'run.start': {
    code: 0,
    fields: [
      ['python', 'str'],
      ['program', 'str'],
      ['options', 'str'],
      ['source', 'str'],
      ['files', 'str'],
    ],
    doc:
      'The run begins: Python version; program: the file name (never a host path); options: the run ' +
      'options as JSON (policy, seed, switchInterval, maxEvents, timeoutMs, startPaused, record), ' +
      "the seed fixing Python's hash seed, `random` and os.urandom; source: the program's text as " +
      "run; files: JSON [[name, size], …] of what the program's folder held at the start (its top " +
      'level; a folder\'s name ends in "/" and has size null).',
  },
  'run.end': {
    code: 1,
    fields: [
      ['status', 'str'],
      ['message', 'str'],
    ],
    doc: 'The run ends; status is ok | error | stopped | timeout | limit | deadlock.',
  },
  line: {
    code: 2,
    fields: [],
    doc: 'A frame of the user program executes `line`; `obj` is the generator/task running it, or 0.',
  },
  stdout: { code: 3, fields: [['text', 'str']], doc: 'Text the program wrote to stdout.' },
  stderr: { code: 4, fields: [['text', 'str']], doc: 'Text the program wrote to stderr.' },
  error: {
    code: 5,
    fields: [
      ['exc', 'str'],
      ['message', 'str'],
      ['traceback', 'str'],
      ['col', 'int'],
    ],
    doc: 'An uncaught exception or a SyntaxError (with `col`) ended the program.',
  },
  'gen.create': {
    code: 6,
    fields: [
      ['name', 'str'],
      ['genkind', 'str'],
    ],
    doc: 'A generator, coroutine or async generator object was created; genkind names which.',
  },
  'gen.resume': {
    code: 7,
    fields: [
      ['by', 'obj'],
      ['via', 'str'],
      ['value', 'str'],
    ],
    doc:
      'obj starts running. by: the generator/coroutine (or 0, the main program) that resumed it; ' +
      'via: next | send | throw | close | for | yield from | await | scheduler; value: the value sent.',
  },
  'gen.yield': { code: 8, fields: [['value', 'str']], doc: 'obj yields value and suspends.' },
  'gen.return': {
    code: 9,
    fields: [['value', 'str']],
    doc: 'obj returns value: this is the StopIteration its caller sees.',
  },
  'gen.raise': {
    code: 10,
    fields: [
      ['exc', 'str'],
      ['message', 'str'],
    ],
    doc: 'An exception leaves the frame of obj.',
  },
  'gen.close': { code: 11, fields: [], doc: 'obj is closed.' },
  'iter.create': {
    code: 12,
    fields: [
      ['of', 'str'],
      ['how', 'str'],
      ['name', 'str'],
    ],
    doc: 'An iterator obj was made from iterable `of`; how: __iter__ | __getitem__ | self; name: its type.',
  },
  'iter.next': { code: 13, fields: [['value', 'str']], doc: 'Iterator obj produced value.' },
  'iter.stop': {
    code: 14,
    fields: [['again', 'bool']],
    doc: 'Iterator obj raised StopIteration; again: it was already exhausted.',
  },
  'deque.create': {
    code: 15,
    fields: [
      ['maxlen', 'int'],
      ['items', 'str'],
      ['name', 'str'],
    ],
    doc: 'A deque obj was created with maxlen (null when unbounded), its initial items, and the variable bound to it.',
  },
  'deque.op': {
    code: 16,
    fields: [
      ['op', 'str'],
      ['arg', 'str'],
      ['value', 'str'],
      ['dropped', 'str'],
      ['len', 'int'],
    ],
    doc:
      'A mutation of deque obj: op is the method name, arg its argument, value the item returned, ' +
      'dropped the items discarded at the other end because of maxlen (a list repr, or null), len the resulting length.',
  },
  'ctx.enter': {
    code: 17,
    fields: [
      ['name', 'str'],
      ['value', 'str'],
    ],
    doc: 'Context manager obj entered; value is what __enter__ returned.',
  },
  'ctx.exit': {
    code: 18,
    fields: [
      ['exc', 'str'],
      ['suppressed', 'bool'],
    ],
    doc: 'Context manager obj exited with exception exc (or null); suppressed: __exit__ swallowed it.',
  },
  'sched.spawn': {
    code: 19,
    fields: [
      ['name', 'str'],
      ['wraps', 'str'],
      ['target', 'obj'],
      ['priority', 'int'],
    ],
    doc: 'Task obj was spawned; wraps describes what it runs (generator, coroutine, thread, process, asyncio), target is that object.',
  },
  'sched.pick': {
    code: 20,
    fields: [
      ['reason', 'str'],
      ['policy', 'str'],
      ['n', 'num'],
    ],
    doc:
      'The scheduler picks task obj to run next, and why: by policy (fifo | lifo | random | priority | ' +
      "asyncio) and its n (random: the seed; priority: the task's priority); reason says it in English.",
  },
  'sched.park': {
    code: 21,
    fields: [
      ['on', 'str'],
      ['detail', 'str'],
      ['until', 'num'],
      ['what', 'str'],
      ['amount', 'num'],
    ],
    doc:
      'Task obj waits: on is sleep | work (computing, on the GIL or a core) | cpu (for the GIL or a free core) | ' +
      'queue.get | queue.put | event | join; until is the virtual time a sleep or a work ends; what names ' +
      'the queue, event or task joined (gil | core for work and cpu); amount is the seconds of a sleep or ' +
      "a work, a full queue's maxsize; detail says it in English.",
  },
  'sched.wake': {
    code: 22,
    fields: [
      ['reason', 'str'],
      ['cause', 'str'],
      ['what', 'str'],
      ['at', 'num'],
    ],
    doc:
      'Task obj is ready again, by cause: free (what: gil | core) | workDone | timer (at: the virtual ' +
      'time) | finished (what: the task) | room | item (what: the queue) | set (what: the event); ' +
      'reason says it in English.',
  },
  'sched.done': {
    code: 23,
    fields: [
      ['result', 'str'],
      ['exc', 'str'],
    ],
    doc: 'Task obj finished with result, or with exception exc.',
  },
  'sched.deadlock': {
    code: 24,
    fields: [
      ['message', 'str'],
      ['waiting', 'str'],
    ],
    doc:
      'Nothing can run and tasks still wait: waiting is JSON [{task, name, on, detail, what, amount}], ' +
      'as sched.park has them (asyncio adds on = await | await task | await future, amount its line).',
  },
  clock: { code: 25, fields: [['now', 'num']], doc: 'The virtual clock advances to now (seconds).' },
  stdin: {
    code: 26,
    fields: [['text', 'str']],
    doc: 'The program read a line of input (input(), sys.stdin), newline included; null: the input ended.',
  },
  file: {
    code: 27,
    fields: [
      ['path', 'str'],
      ['change', 'str'],
      ['size', 'int'],
      ['text', 'str'],
      ['bytes', 'str'],
    ],
    doc:
      "A file of the program's folder: change is read (first read from the host folder) | created | " +
      'written | deleted; path is relative to the folder (a folder\'s ends in "/"); size in bytes ' +
      'after the change; the content after it is text when it is UTF-8 with no zero byte, else bytes ' +
      '(base64). Content ' +
      'is kept up to 1 MB a file (a longer one is cut there: size tells) and 16 MB a run; past that, ' +
      'or for read and deleted, both are null.',
  },
} as const satisfies Record<string, KindSpec>;

export type EventKind = keyof typeof KINDS;

/** A file's content kept in the trace is cut at this many bytes. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** File contents a run keeps in its trace, all files together; later contents are left out. */
export const MAX_RUN_FILE_BYTES = 16 * 1024 * 1024;

/** How many fields events of `kind` carry in a trace of `version` (older versions had fewer). */
export function fieldCount(kind: EventKind, version: number = TRACE_VERSION): number {
  return EARLIER_FIELD_COUNTS[version]?.[kind] ?? KINDS[kind].fields.length;
}

export const KIND_NAMES: readonly EventKind[] = (() => {
  const names = Object.keys(KINDS) as EventKind[];
  const byCode: EventKind[] = [];
  for (const name of names) byCode[KINDS[name].code] = name;
  return byCode;
})();

export const KIND_CODE = Object.fromEntries(KIND_NAMES.map((name) => [name, KINDS[name].code])) as {
  readonly [K in EventKind]: (typeof KINDS)[K]['code'];
};

export const FIELD_COLUMNS = 5;

export type RunStatus = 'ok' | 'error' | 'stopped' | 'timeout' | 'limit' | 'deadlock';

/** A decoded event, as JSON Lines writes it and as tests read it. */
export interface TraceEvent {
  seq: number;
  t: number;
  kind: EventKind;
  obj?: number;
  line?: number;
  [field: string]: string | number | boolean | null | undefined;
}
