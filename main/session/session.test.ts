/** The session with the real core: real Pyodide runs in a worker, real trace files. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Runner } from '../../core/run/runner.ts';
import type { ReadyProgress } from '../../core/run/types.ts';
import type { OpenedProgram, SessionEvent } from '../../core/session/protocol.ts';
import type { Inspection } from '../../core/session/snapshot.ts';
import type { EventBatch } from '../../core/trace/batch.ts';
import { problemText, type Problem } from '../../core/session/problems.ts';
import { decodeFrame } from '../../core/session/wire.ts';
import { Trace } from '../../core/trace/trace.ts';
import { answerRequest } from './answer.ts';
import { refusingEngine } from './refusing-engine.ts';
import { Session } from './session.ts';

let folder: string;
let session: Session;
const events: SessionEvent[] = [];
const saveTo: string[] = [];
const programsToOpen: string[] = [];
/** What tests wait on, checked again at each event the session pushes. */
const checks = new Set<() => void>();

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'yieldscope-session-'));
  session = new Session({
    version: 'test',
    lessonsFolder: folder,
    dataFolder: folder,
    startEngine: (onProgress) => new Runner({ onProgress }),
    dialogs: {
      openTrace: async () => null,
      saveTrace: async () => saveTo.shift() ?? null,
      openProgram: async () => programsToOpen.shift() ?? null,
    },
  });
  session.listen((e) => {
    events.push(e);
    for (const check of checks) check();
  });
});
afterAll(() => session.close());

/** Resolves with what `found` finds, as soon as an event the session pushed makes it find it. */
function until<T>(found: () => T | undefined | false): Promise<T> {
  return new Promise((resolve) => {
    const check = () => {
      const value = found();
      if (!value) return;
      checks.delete(check);
      resolve(value);
    };
    checks.add(check);
    check();
  });
}

function ended(runId: number): Promise<Extract<SessionEvent, { type: 'state' }>> {
  return until(
    () =>
      events.find((e) => e.type === 'state' && e.runId === runId && e.state === 'ended') as Extract<
        SessionEvent,
        { type: 'state' }
      >,
  );
}

function eventsOf(runId: number) {
  return events.filter((e) => 'runId' in e && e.runId === runId);
}

function traceOf(sent: SessionEvent[]): Trace {
  return Trace.fromBatches(sent.flatMap((e) => (e.type === 'batch' ? [e.batch as EventBatch] : [])));
}

function traceOfRun(runId: number): Trace {
  return traceOf(eventsOf(runId));
}

const PROGRAM = `
from collections import deque
def producer(q):
    for i in range(3):
        q.append(i)
        yield i
q = deque(maxlen=2)
for v in producer(q):
    print("got", v)
`;

describe('a session with the real core', () => {
  let firstRun = 0;

  it('reports Python start-up progress and readiness', async () => {
    const hello = (await session.call('hello', undefined)) as { python: { phase: string } };
    expect(['starting', 'loading-python', 'ready']).toContain(hello.python.phase);
    const { runId } = (await session.call('run', { source: 'pass', fileName: 'warmup.py' })) as {
      runId: number;
    };
    await ended(runId);
    expect(events.some((e) => e.type === 'python' && e.progress.phase === 'ready')).toBe(true);
    expect(((await session.call('hello', undefined)) as { python: { phase: string } }).python.phase).toBe(
      'ready',
    );
  });

  it('says which recorder records once Python is ready (the interface warns of the slower Python one)', async () => {
    const hello = (await session.call('hello', undefined)) as {
      python: { phase: string; recorder?: string };
    };
    expect(hello.python).toMatchObject({ phase: 'ready', recorder: 'compiled' });
  });

  it('runs a program and streams start, state and its batches in order', async () => {
    const { runId } = (await session.call('run', { source: PROGRAM, fileName: 'producer.py' })) as {
      runId: number;
    };
    firstRun = runId;
    const end = await ended(runId);
    expect(end.summary).toMatchObject({ status: 'ok' });
    const own = eventsOf(runId);
    expect(own[0]).toEqual({ type: 'start', runId, source: 'live', name: 'producer.py' });
    expect(own[1]).toEqual({ type: 'state', runId, state: 'running' });
    expect(own.at(-1)).toBe(end);
    const trace = traceOfRun(runId); // throws if a batch is missing or out of order
    expect(trace.size).toBe(end.summary!.events);
    const kinds = [...trace.events()].map((e) => e.kind);
    expect(kinds[0]).toBe('run.start');
    expect(kinds.at(-1)).toBe('run.end');
    expect(kinds).toContain('deque.op');
    const printed = [...trace.events()]
      .filter((e) => e.kind === 'stdout')
      .map((e) => e.text)
      .join('');
    expect(printed).toBe('got 0\ngot 1\ngot 2\n');
  });

  it('shows the variables and objects at an event of the current trace, run again beside the live engine', async () => {
    const { runId } = (await session.call('run', { source: PROGRAM, fileName: 'producer.py' })) as {
      runId: number;
    };
    await ended(runId);
    const trace = traceOfRun(runId);
    const at = [...trace.events()].find((e) => e.kind === 'stdout' && e.text === 'got 1\n')!.seq;
    const inspection = (await session.call('inspect', { at })) as Inspection;
    if (!inspection.ok) throw new Error(inspection.message);
    const { stack, suspended, objects } = inspection.snapshot;
    const globals = Object.fromEntries(stack[0].locals.map((v) => [v.name, v.value]));
    expect(globals.v).toEqual({ v: '1' });
    const q = objects.find((o) => 'r' in globals.q && o.key === globals.q.r)!;
    expect(q).toMatchObject({ shape: 'deque', maxlen: 2, items: [{ v: '0' }, { v: '1' }] });
    expect(suspended).toMatchObject([{ name: 'producer', state: 'suspended', line: 6 }]);
    expect(suspended[0].locals.find((v) => v.name === 'q')!.value).toEqual(globals.q);
    await expect(session.call('inspect', { at: -1 })).rejects.toThrow('bad inspect request');
  });

  it('gives each run a fresh interpreter state on the warm Python', async () => {
    const { runId: a } = (await session.call('run', { source: 'leak = 1', fileName: 'a.py' })) as {
      runId: number;
    };
    await ended(a);
    const { runId: b } = (await session.call('run', { source: 'print(leak)', fileName: 'b.py' })) as {
      runId: number;
    };
    const end = await ended(b);
    expect(end.summary?.status).toBe('error');
    expect([...traceOfRun(b).events()].some((e) => e.kind === 'error' && e.exc === 'NameError')).toBe(true);
  });

  it("asks the renderer for each line the program reads, and takes the line or the input's end", async () => {
    const source = "print('hi', input('Name? '))\ninput()\n";
    const { runId } = (await session.call('run', { source, fileName: 'ask.py' })) as { runId: number };
    const asks = () => eventsOf(runId).filter((e) => e.type === 'input').length;
    await until(() => asks() === 1);
    await session.call('input', { text: 'Ada\n' });
    await until(() => asks() === 2);
    await session.call('input', { text: null });
    const end = await ended(runId);
    expect(end.summary?.status).toBe('error');
    const events = [...traceOfRun(runId).events()];
    expect(events.filter((e) => e.kind === 'stdin').map((e) => e.text)).toEqual(['Ada\n', null]);
    expect(events.filter((e) => e.kind === 'stdout').map((e) => e.text)).toEqual(['Name? ', 'hi Ada\n']);
    expect(events.find((e) => e.kind === 'error')).toMatchObject({ exc: 'EOFError', line: 2 });
    await session.call('hello', undefined); // answered once the run's recording is kept: no file half-written
  });

  it('saves the trace and opens it again to the same events, in every readable format', async () => {
    const { runId } = (await session.call('run', { source: PROGRAM, fileName: 'producer.py' })) as {
      runId: number;
    };
    await ended(runId);
    const live = [...traceOfRun(runId).events()];
    for (const format of ['native', 'jsonl'] as const) {
      const saved = (await session.call('saveTrace', { format })) as { bytes: Uint8Array; fileName: string };
      expect(saved.fileName).toBe(format === 'native' ? 'producer.ystrace' : 'producer.jsonl');
      const opened = (await session.call('openTrace', { name: saved.fileName, bytes: saved.bytes })) as {
        runId: number;
        events: number;
      };
      expect(opened.events).toBe(live.length);
      expect(eventsOf(opened.runId)[0]).toEqual({
        type: 'start',
        runId: opened.runId,
        source: 'file',
        name: saved.fileName,
      });
      expect([...traceOfRun(opened.runId).events()]).toEqual(live);
      expect((eventsOf(opened.runId).at(-1) as { summary: unknown }).summary).toMatchObject({
        status: 'ok',
        events: live.length,
      });
    }
    const chrome = (await session.call('saveTrace', { format: 'chrome' })) as {
      bytes: Uint8Array;
      fileName: string;
    };
    expect(JSON.parse(new TextDecoder().decode(chrome.bytes))).toBeTruthy();
    expect(chrome.fileName).toBe('producer.trace.json');
  });

  it('saves atomically where its dialog says, and opens a trace the host was given', async () => {
    const path = join(folder, 'saved.ystrace');
    saveTo.push(path);
    expect(await session.call('saveTrace', { format: 'native', dialog: true })).toEqual({
      fileName: 'saved.ystrace',
    });
    expect(await session.call('saveTrace', { format: 'native', dialog: true })).toEqual({ cancelled: true });
    await session.call('hello', undefined); // once the last recording is kept, which writes here too
    expect((await readdir(folder)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const opened = (await session.openTraceAt(path)) as { name: string; events: number };
    expect(opened.name).toBe('saved.ystrace');
    await expect(session.openTraceAt(join(folder, 'missing.ystrace'))).rejects.toThrow(
      /there is no such file/,
    );
  });

  /** The problem said in Traditional Chinese, checked to hold no English word but the values it was given. */
  function inChinese(problem: Problem): string {
    const text = problemText('zh-TW', problem);
    const rest = Object.values(problem.values ?? {}).reduce<string>(
      (t, v) => t.replaceAll(String(v), ''),
      text,
    );
    expect(rest, text).not.toMatch(/[A-Za-z]{2,}/);
    return text;
  }

  it('ends a run whose program folder is gone with a problem the page says in its language', async () => {
    const own = await mkdtemp(join(tmpdir(), 'yieldscope-gone-'));
    await writeFile(join(own, 'gone.py'), 'print(1)\n');
    programsToOpen.push(join(own, 'gone.py'));
    const opened = (await session.call('openProgram', { dialog: true })) as OpenedProgram;
    await rm(own, { recursive: true });
    const { runId } = (await session.call('run', {
      source: opened.source,
      fileName: 'gone.py',
      programId: opened.programId,
    })) as { runId: number };
    const { summary } = await ended(runId);
    expect(summary).toMatchObject({
      status: 'error',
      message: `The run failed: cannot read the program's folder ${own}: it is not a folder`,
      problem: { key: 'programFolderGone', values: { path: own } },
    });
    expect(inChinese(summary!.problem!)).toBe(`無法讀取程式的資料夾 ${own}:它不是資料夾`);
  });

  it('ends a deadlocked run with its English sentence and a problem naming the waiting tasks', async () => {
    const { runId } = (await session.call('run', {
      source: [
        'from yieldscope import spawn, Event',
        "ping, pong = Event('ping'), Event('pong')",
        'def left():',
        '    yield from ping.wait()',
        '    pong.set()',
        'def right():',
        '    yield from pong.wait()',
        '    ping.set()',
        'spawn(left)',
        'spawn(right)',
        '',
      ].join('\n'),
      fileName: 'stuck.py',
    })) as { runId: number };
    const { summary } = await ended(runId);
    expect(summary).toMatchObject({
      status: 'deadlock',
      message: expect.stringMatching(/^Deadlock: .*task 'left' waits on event \(ping is not set\)/),
      problem: { key: 'deadlock', values: { names: "'left', 'right'" } },
    });
    expect(inChinese(summary!.problem!)).toContain("在等待:'left', 'right'。");
  });

  it("runs a program opened through its dialog in the program's own folder, named by its id", async () => {
    const own = await mkdtemp(join(tmpdir(), 'yieldscope-program-'));
    await writeFile(join(own, 'reads.py'), "print(open('data.txt').read())\n");
    await writeFile(join(own, 'data.txt'), 'from the folder');
    programsToOpen.push(join(own, 'reads.py'));
    const opened = (await session.call('openProgram', { dialog: true })) as OpenedProgram;
    expect(opened).toEqual({
      fileName: 'reads.py',
      source: "print(open('data.txt').read())\n",
      programId: expect.any(String),
    });
    expect(opened.programId).not.toContain(own);
    const printed = async (programId?: string) => {
      const { runId } = (await session.call('run', {
        source: opened.source,
        fileName: 'reads.py',
        programId,
      })) as { runId: number };
      await ended(runId);
      return [...traceOfRun(runId).events()].map((e) => e.text ?? e.exc).filter(Boolean);
    };
    expect(await printed(opened.programId)).toEqual(['from the folder\n']);
    // typed in the editor, with no id: it runs in a folder holding only itself
    expect(await printed()).toContain('FileNotFoundError');
  });

  it('refuses a corrupt trace with the file name and the problem, keeping the current trace', async () => {
    const before = events.length;
    await expect(
      session.call('openTrace', { name: 'broken.ystrace', bytes: new TextEncoder().encode('garbage\n') }),
    ).rejects.toThrow(/^broken\.ystrace: /);
    expect(events.length).toBe(before);
    expect(await session.call('saveTrace', { format: 'native' })).toHaveProperty('bytes');
  });

  it('starts a run paused and reports it held after run.start', async () => {
    const { runId } = (await session.call('run', {
      source: 'print(1)\n',
      fileName: 'paused.py',
      startPaused: true,
    })) as { runId: number };
    const hold = await until(() => eventsOf(runId).find((e) => e.type === 'state' && e.state === 'paused'));
    expect(hold).toEqual({ type: 'state', runId, state: 'paused', at: 1 });
    expect(traceOfRun(runId).size).toBe(1);
    await session.call('resume', undefined);
    expect((await ended(runId)).summary?.status).toBe('ok');
  });

  it('reports a pause and each step when the run holds, after the events before it', async () => {
    const { runId } = (await session.call('run', {
      source: 'while True:\n    pass\n',
      fileName: 'spin.py',
    })) as { runId: number };
    const holds = () => eventsOf(runId).filter((e) => e.type === 'state' && e.state === 'paused');
    /** The next hold's event count, and the events the session had sent of the run by then. */
    const nextHold = async () => {
      const seen = holds().length;
      const hold = await until(() => holds()[seen] as { at: number } | undefined);
      const sent = eventsOf(runId);
      return { at: hold.at, sent: traceOf(sent.slice(0, sent.indexOf(hold as SessionEvent))).size };
    };
    await until(() => traceOfRun(runId).size > 1); // the program itself is running
    await session.call('pause', undefined);
    const paused = await nextHold();
    expect(paused.sent).toBe(paused.at);
    await session.call('step', { to: 'event' });
    expect(await nextHold()).toEqual({ at: paused.at + 1, sent: paused.at + 1 });
    await session.call('resume', undefined);
    expect(eventsOf(runId).at(-1)).toEqual({ type: 'state', runId, state: 'running' });
    // step on a running program pauses it where it is
    await session.call('step', { to: 'event' });
    const again = await nextHold();
    expect(again.sent).toBe(again.at);
    await session.call('stop', undefined);
    expect((await ended(runId)).summary?.status).toBe('stopped');
  });

  it('keeps the last recording and offers it to the next session', async () => {
    const hello = (await session.call('hello', undefined)) as {
      lastRecording: { name: string; events: number };
    };
    expect(hello.lastRecording.name).toBe('spin.py');
    const next = new Session({
      version: 'test',
      lessonsFolder: folder,
      dataFolder: folder,
      startEngine: refusingEngine,
    });
    const replayed: SessionEvent[] = [];
    next.listen((e) => replayed.push(e));
    expect(((await next.call('hello', undefined)) as { lastRecording: unknown }).lastRecording).toEqual(
      hello.lastRecording,
    );
    const opened = (await next.call('openTrace', { lastRecording: true })) as {
      name: string;
      events: number;
    };
    expect(opened).toMatchObject({ name: 'spin.py', events: hello.lastRecording.events });
    expect(replayed.at(-1)).toMatchObject({ type: 'state', state: 'ended', summary: { status: 'stopped' } });
    expect(firstRun).toBeGreaterThan(0);
  });
});

describe('a Python that could not start', () => {
  it('is said to the page at once, with why, and to whoever runs a program', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yieldscope-no-python-'));
    const broken = new Session({
      version: 'test',
      lessonsFolder: dir,
      dataFolder: dir,
      // a real engine whose worker cannot start: its file is not there
      startEngine: (onProgress) => new Runner({ onProgress, workerFile: join(dir, 'no-worker.js') }),
    });
    try {
      const failed = await new Promise<ReadyProgress>((resolve) => {
        broken.listen((e) => {
          if (e.type === 'python' && e.progress.phase === 'failed') resolve(e.progress);
        });
      });
      expect(failed.problem?.key).toBe('pythonDidNotStart');
      expect(String(failed.problem?.values?.detail)).toContain('no-worker.js');
      expect(((await broken.call('hello', undefined)) as { python: ReadyProgress }).python).toEqual(failed);
      await expect(broken.call('run', { source: 'print(1)\n', fileName: 'one.py' })).rejects.toMatchObject({
        problem: failed.problem,
      });
    } finally {
      await broken.close();
    }
  });
});

describe("a page's greeting while Python starts", () => {
  it('never answers with a state older than one already pushed to the page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yieldscope-greeting-'));
    const starting = new Session({
      version: 'test',
      lessonsFolder: dir,
      dataFolder: dir,
      startEngine: (onProgress) => new Runner({ onProgress }),
    });
    let pushed: ReadyProgress | undefined;
    let ready = false;
    starting.listen((e) => {
      if (e.type !== 'python') return;
      pushed = e.progress;
      ready ||= e.progress.phase === 'ready' && e.progress.recorder !== undefined;
    });
    try {
      // pages greeting back to back while Python starts: each answer is what the page keeps, so it
      // must be the newest state, never one a push has already replaced
      const stale: ReadyProgress[] = [];
      while (!ready) {
        const { python } = (await starting.call('hello', undefined)) as { python: ReadyProgress };
        if (pushed && JSON.stringify(python) !== JSON.stringify(pushed)) stale.push(python);
      }
      expect(stale).toEqual([]);
    } finally {
      await starting.close();
    }
  });
});

describe('a refusal, as it reaches the page', () => {
  /** The reply frame a transport sends for `method`: what the page reads, the problem included. */
  async function refusal(session: Session, method: string, arg: unknown) {
    const reply = decodeFrame(await answerRequest(session, { kind: 'request', id: 1, method, arg }));
    if (reply.kind !== 'reply' || reply.ok) throw new Error(`${method} was not refused`);
    return { message: reply.error, problem: reply.problem };
  }

  it('carries its problem, key and values, next to the English message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yieldscope-refusals-'));
    await writeFile(join(dir, 'notes.txt'), 'print(1)\n');
    await writeFile(join(dir, 'image.py'), Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 1));
    const picked = [join(dir, 'notes.txt'), join(dir, 'gone.py'), join(dir, 'image.py')];
    const fresh = new Session({
      version: 'test',
      lessonsFolder: dir,
      dataFolder: dir,
      startEngine: refusingEngine,
      dialogs: {
        openTrace: async () => null,
        saveTrace: async () => null,
        openProgram: async () => picked.shift() ?? null,
      },
    });
    expect(await refusal(fresh, 'saveTrace', { format: 'native' })).toEqual({
      message: 'There is no trace to save yet: run a program or open a trace first.',
      problem: { key: 'noTraceToSave' },
    });
    expect((await refusal(fresh, 'inspect', { at: 0 })).problem).toEqual({ key: 'noVariablesYet' });
    expect(await refusal(fresh, 'openProgram', { dialog: true })).toEqual({
      message: 'notes.txt is not a Python program: its name must end in .py.',
      problem: { key: 'notPython', values: { name: 'notes.txt' } },
    });
    expect((await refusal(fresh, 'openProgram', { dialog: true })).problem).toEqual({
      key: 'cannotOpen',
      values: { path: join(dir, 'gone.py'), why: 'missing', detail: expect.stringContaining('ENOENT') },
    });
    expect((await refusal(fresh, 'openProgram', { dialog: true })).problem).toEqual({
      key: 'zeroByte',
      values: { name: 'image.py', at: '4' },
    });
    const text = (s: string) => new TextEncoder().encode(s);
    expect(await refusal(fresh, 'openTrace', { name: 'notes.txt', bytes: text('hello\n') })).toEqual({
      message: 'notes.txt: not a trace: neither a Yieldscope trace file nor JSON Lines',
      problem: { key: 'traceNotJsonl', values: { name: 'notes.txt' } },
    });
    // a reader's flaw is a problem too, the file named, so the page says all of it in one language
    expect(await refusal(fresh, 'openTrace', { name: 'cut.jsonl', bytes: text('{"v":\n') })).toEqual({
      message: 'cut.jsonl: bad line 1: not valid JSON',
      problem: { key: 'lineNotJson', values: { name: 'cut.jsonl', line: 1 } },
    });
    // a program pasted too long is the user's to fix: said in their language
    const long = await refusal(fresh, 'run', { source: 'x'.repeat(2_000_001), fileName: 'long.py' });
    expect(long).toEqual({
      message: expect.stringContaining('source: The program is longer than 2,000,000 characters'),
      problem: { key: 'programTooManyChars', values: { max: '2,000,000' } },
    });
    expect(problemText('zh-TW', long.problem!)).toBe(
      '程式超過 2,000,000 個字元,這是 Yieldscope 能執行的上限:請把其中的資料移到程式資料夾中的一個檔案,再從那裡讀取。',
    );
    // so is a line of input pasted too long
    const line = await refusal(fresh, 'input', { text: 'y'.repeat(1_000_001) });
    expect(line.problem).toEqual({ key: 'lineTooManyChars', values: { max: '1,000,000' } });
    expect(problemText('zh-TW', line.problem!)).toBe(
      '一行輸入最多 1,000,000 個字元:較長的資料請放進程式資料夾中的一個檔案,再從那裡讀取',
    );
    // a malformed request is the page's fault, not the user's: it has no problem to say
    expect((await refusal(fresh, 'inspect', { at: -1 })).problem).toBeUndefined();
    await fresh.close();
  });
});
