/**
 * The `yieldscope` command run as a user runs it: `node main/cli/yieldscope.js …` in a child process,
 * with real Pyodide, checking exit codes, printed lines and the files written.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTraceFile } from '../../core/trace/open.ts';
import type { HeapSnapshot } from '../../core/session/snapshot.ts';
import type { Trace } from '../../core/trace/trace.ts';
import { RECORDING_LINE } from './progress.ts';

const BIN = resolve('main/cli/yieldscope.js');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function yieldscope(...args: string[]): Promise<Outcome> {
  return withInput('', ...args);
}

/** The command with `input` piped into its standard input (then closed). */
function withInput(input: string, ...args: string[]): Promise<Outcome> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [BIN, ...args], { timeout: 90_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

async function traceAt(path: string): Promise<Trace> {
  return readTraceFile(new Uint8Array(await readFile(path)), path);
}

const kinds = (trace: Trace) => [...trace.events()].map((e) => e.kind);

/**
 * A copy of `names` of the shared folder in a folder of their own, and a trace path there: a
 * program's folder is mounted when it runs, and the shared one fills with the other tests' traces.
 */
async function ownFolder(...names: string[]): Promise<{ at: (name: string) => string }> {
  const own = await mkdtemp(join(tmpdir(), 'yieldscope-own-'));
  await Promise.all(names.map(async (name) => writeFile(join(own, name), await readFile(join(dir, name)))));
  return { at: (name) => join(own, name) };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yieldscope-cli-'));
  await writeFile(
    join(dir, 'countdown.py'),
    'def countdown(n):\n    while n > 0:\n        yield n\n        n -= 1\n\nfor k in countdown(3):\n    print(k)\n',
  );
  await writeFile(
    join(dir, 'raises.py'),
    'def g():\n    yield 1\n    raise ValueError("bad value")\n\nlist(g())\n',
  );
  await writeFile(join(dir, 'reads.py'), "with open('data.txt') as f:\n    print(f.read().strip())\n");
  await writeFile(join(dir, 'data.txt'), 'hello from the program folder\n');
  await writeFile(join(dir, 'sleepy.py'), 'import time\nwhile True:\n    time.sleep(0.05)\n');
  await writeFile(
    join(dir, 'forever.py'),
    'def g():\n    while True:\n        yield 1\n\nfor _ in g():\n    pass\n',
  );
});

describe('yieldscope CLI', () => {
  it('documents itself with --help', async () => {
    const { code, stdout } = await yieldscope('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: yieldscope record PROGRAM.py');
    expect(stdout).toContain('--format');
  });

  it('exits 2 on bad usage, naming the problem', async () => {
    const none = await yieldscope();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no command given');
    const format = await yieldscope('record', join(dir, 'countdown.py'), '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of native, jsonl, chrome');
  });

  it('exits 2 for an output it could not write, before running anything', async () => {
    const folder = await yieldscope('record', join(dir, 'countdown.py'), '--out', dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('it is a folder');
    const missing = await yieldscope(
      'record',
      join(dir, 'countdown.py'),
      '--out',
      join(dir, 'no', 'x.ystrace'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
  });

  it('exits 2 for a program it cannot read', async () => {
    const { code, stderr } = await yieldscope('record', join(dir, 'missing.py'));
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read');
    expect(stderr).toContain('no such file');
  });

  it('gives the program its standard input, line by line, and EOFError at the end', async () => {
    const program = join(dir, 'greet.py');
    await writeFile(program, "while True:\n    print('hello', input('Name? '))\n");
    const { code } = await withInput('Ada\nBob', 'record', program, '--format', 'jsonl');
    expect(code).toBe(0);
    const events = [...(await traceAt(join(dir, 'greet.jsonl'))).events()];
    expect(events.filter((e) => e.kind === 'stdin').map((e) => e.text)).toEqual(['Ada\n', 'Bob', null]);
    expect(
      events
        .filter((e) => e.kind === 'stdout')
        .map((e) => e.text)
        .join(''),
    ).toBe('Name? hello Ada\nName? hello Bob\nName? ');
    expect(events.find((e) => e.kind === 'error')).toMatchObject({ exc: 'EOFError' });
  });

  it('reads a program as Python does: its coding line, else UTF-8; binary files and bad bytes are refused by offset', async () => {
    const latin = join(dir, 'latin.py');
    await writeFile(
      latin,
      Buffer.concat([
        Buffer.from("# -*- coding: latin-1 -*-\nprint('caf"),
        Buffer.from([0xe9]),
        Buffer.from("')\n"),
      ]),
    );
    expect((await yieldscope('record', latin, '--format', 'jsonl')).code).toBe(0);
    const printed = [...(await traceAt(join(dir, 'latin.jsonl'))).events()].filter(
      (e) => e.kind === 'stdout',
    );
    expect(printed.map((e) => e.text)).toEqual(['café\n']);
    const broken = join(dir, 'broken.py');
    await writeFile(
      broken,
      Buffer.concat([Buffer.from("print('caf"), Buffer.from([0xe9]), Buffer.from("')\n")]),
    );
    const refused = await yieldscope('record', broken);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('broken.py is not valid UTF-8 text: byte 10 (0xe9) cannot be read');
    const binary = join(dir, 'picture.py');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect((await yieldscope('record', binary)).stderr).toContain(
      'picture.py is not a Python program: it holds a zero byte (at byte 8)',
    );
    const huge = join(dir, 'huge.py');
    await writeFile(huge, `x = '${'a'.repeat(5_000_000)}'\n`);
    expect((await yieldscope('record', huge)).stderr).toContain(
      'huge.py is 5.0 MB: Yieldscope runs programs of up to 2 MB.',
    );
  });

  it('keeps what the program writes in the trace, writes it out with --files-out, and never in its folder', async () => {
    const own = await mkdtemp(join(tmpdir(), 'yieldscope-cli-files-'));
    const program = join(own, 'writes.py');
    await writeFile(
      program,
      "import os\nos.makedirs('out/logs')\nwith open('out/logs/a.txt', 'w') as f:\n    f.write('hello\\n')\nopen('raw.bin', 'wb').write(bytes([0, 1, 255]))\n",
    );
    const dest = join(own, 'left');
    const { code } = await yieldscope('record', program, '--files-out', dest);
    expect(code).toBe(0);
    expect(await readFile(join(dest, 'out/logs/a.txt'), 'utf8')).toBe('hello\n');
    expect([...(await readFile(join(dest, 'raw.bin')))]).toEqual([0, 1, 255]);
    expect((await readdir(own)).sort()).toEqual(['left', 'writes.py', 'writes.ystrace']);
  });

  it('runs a program in a crowded folder, reading only what it opens', async () => {
    const crowded = await mkdtemp(join(tmpdir(), 'yieldscope-crowded-'));
    await writeFile(join(crowded, 'main.py'), "print(open('f7.txt').read())\n");
    await Promise.all(
      Array.from({ length: 700 }, (_, i) => writeFile(join(crowded, `f${i}.txt`), `file ${i}`)),
    );
    const { code } = await yieldscope('record', join(crowded, 'main.py'), '--format', 'jsonl');
    expect(code).toBe(0);
    const trace = await traceAt(join(crowded, 'main.jsonl'));
    const events = [...trace.events()];
    expect(events.filter((e) => e.kind === 'stdout').map((e) => e.text)).toEqual(['file 7\n']);
    expect(events.filter((e) => e.kind === 'file').map((e) => [e.path, e.change])).toEqual([
      ['f7.txt', 'read'],
    ]);
  });

  it('records a native trace next to the program and prints one summary line', async () => {
    const { code, stdout, stderr } = await yieldscope('record', join(dir, 'countdown.py'));
    expect(code, stderr).toBe(0);
    const file = join(dir, 'countdown.ystrace');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^countdown\.py: [\d,]+ events, status ok, [\d.]+ s → /);
    expect(lines[0]).toContain(file);
    expect(stderr).toBe(RECORDING_LINE);
    const trace = await traceAt(file);
    const events = [...trace.events()];
    expect(events.filter((e) => e.kind === 'gen.yield').map((e) => e.value)).toEqual(['3', '2', '1']);
    expect(
      events
        .filter((e) => e.kind === 'stdout')
        .map((e) => e.text)
        .join(''),
    ).toBe('3\n2\n1\n');
    expect(events.at(-1)).toMatchObject({ kind: 'run.end', status: 'ok' });
  });

  it('exits 0 when the program raises: the error is in the trace', async () => {
    const out = join(dir, 'raises-out.jsonl');
    const { code, stdout } = await yieldscope(
      'record',
      join(dir, 'raises.py'),
      '--format',
      'jsonl',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('status error (');
    expect(stdout).toContain('ValueError');
    const trace = await traceAt(out);
    expect(kinds(trace)).toContain('error');
    expect([...trace.events()].find((e) => e.kind === 'error')).toMatchObject({
      exc: 'ValueError',
      message: 'bad value',
    });
  });

  it('lets the program read files from its own folder, and passes the scheduler options on', async () => {
    const { code } = await yieldscope(
      'record',
      join(dir, 'reads.py'),
      '--format',
      'jsonl',
      '--policy',
      'lifo',
      '--seed',
      '3',
      '--switch-interval',
      '2',
    );
    expect(code).toBe(0);
    const trace = await traceAt(join(dir, 'reads.jsonl'));
    const text = [...trace.events()].filter((e) => e.kind === 'stdout').map((e) => e.text);
    expect(text.join('')).toBe('hello from the program folder\n');
    const options = JSON.parse(String(trace.event(0).options));
    expect(options).toMatchObject({ policy: 'lifo', seed: 3, switchInterval: 2 });
  });

  it('keeps the program and its folder in the trace, and no host path in any export', async () => {
    const source = await readFile(join(dir, 'reads.py'), 'utf8');
    for (const format of ['native', 'jsonl', 'chrome']) {
      const out = join(dir, `carried.${format}`);
      expect((await yieldscope('record', join(dir, 'reads.py'), '--format', format, '--out', out)).code).toBe(
        0,
      );
      // the native file is deflated: its strings are looked at once read
      const text =
        format === 'native' ? (await traceAt(out)).strings.join('\n') : await readFile(out, 'utf8');
      expect(text, format).not.toContain(dir);
    }
    const start = (await traceAt(join(dir, 'carried.jsonl'))).event(0);
    expect(start).toMatchObject({ kind: 'run.start', program: 'reads.py', source });
    const files = new Map(JSON.parse(String(start.files)) as [string, number | null][]);
    expect(files.get('reads.py')).toBe(Buffer.byteLength(source));
    expect(files.get('data.txt')).toBe('hello from the program folder\n'.length);
  });

  it('writes a Chrome trace with a track for the generator', async () => {
    const { code } = await yieldscope('record', join(dir, 'countdown.py'), '--format', 'chrome');
    expect(code).toBe(0);
    const doc = JSON.parse(await readFile(join(dir, 'countdown.trace.json'), 'utf8'));
    const names = doc.traceEvents
      .filter((e: { ph: string }) => e.ph === 'M')
      .map((e: { args: { name?: string } }) => e.args.name);
    expect(names.some((n: unknown) => typeof n === 'string' && n.includes('countdown'))).toBe(true);
    const phases = (ph: string) => doc.traceEvents.filter((e: { ph: string }) => e.ph === ph).length;
    // a slice each time the generator runs, and a flow from the loop that resumed it
    expect(phases('B')).toBeGreaterThanOrEqual(4);
    expect(phases('s')).toBe(phases('f'));
    expect(phases('s')).toBeGreaterThanOrEqual(4);
  });

  it('stops at --max-events with status limit and keeps what it recorded', async () => {
    const out = join(dir, 'forever.ystrace');
    const { code, stdout } = await yieldscope(
      'record',
      join(dir, 'forever.py'),
      '--max-events',
      '500',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('status limit');
    const trace = await traceAt(out);
    expect(trace.size).toBeGreaterThanOrEqual(500);
    expect(trace.size).toBeLessThan(600);
    expect((await stat(out)).size).toBeGreaterThan(0);
  });

  it('stops at --timeout with status timeout', async () => {
    // A program that waits rather than one that yields: the compiled recorder can reach the event
    // limit within the second, and which limit strikes first must not depend on the machine's speed.
    const { code, stdout } = await yieldscope(
      'record',
      join(dir, 'sleepy.py'),
      '--timeout',
      '1',
      '--format',
      'jsonl',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('status timeout');
    const trace = await traceAt(join(dir, 'sleepy.jsonl'));
    expect(trace.event(trace.size - 1)).toMatchObject({ kind: 'run.end', status: 'timeout' });
  });

  it('stops on Ctrl-C and still writes the trace', async () => {
    // Ctrl-C signals the terminal's whole process group: the wrapper and the command it starts.
    // A folder of its own: the program's folder is mounted, and other tests leave big traces in theirs.
    const own = await mkdtemp(join(tmpdir(), 'yieldscope-cli-ctrl-c-'));
    await writeFile(join(own, 'sleepy.py'), await readFile(join(dir, 'sleepy.py')));
    const file = join(own, 'interrupted.jsonl');
    const child = spawn(process.execPath, [BIN, 'record', join(own, 'sleepy.py'), '--out', file], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    // the program is running once the command says so
    await new Promise<void>((running, ended) => {
      child.stderr.on('data', () => stderr.includes(RECORDING_LINE) && running());
      child.on('exit', () => ended(new Error(`the command ended before Ctrl-C:\n${stdout}${stderr}`)));
    });
    process.kill(-child.pid!, 'SIGINT');
    expect(await code).toBe(0);
    expect(stdout).toContain('status stopped');
    const trace = await traceAt(file);
    expect(trace.event(trace.size - 1)).toMatchObject({ kind: 'run.end', status: 'stopped' });
  });

  it('inspects a saved trace at an event: frames, variables and objects, as text or JSON', async () => {
    const own = await ownFolder('countdown.py');
    const out = own.at('inspected.ystrace');
    const recorded = await yieldscope('record', own.at('countdown.py'), '--out', out);
    expect(recorded.code, recorded.stderr).toBe(0);
    const trace = await traceAt(out);
    const second = [...trace.events()].filter((e) => e.kind === 'stdout')[1].seq;

    const text = await yieldscope('inspect', out, '--at', String(second));
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Event ${second} of ${trace.size} (stdout, line 7).`);
    expect(text.stdout).toMatch(/generator countdown \(lane \d+\) {2}suspended at line 3\n {6}n = 2/);
    expect(text.stdout).toContain('      k = 2');

    const json = await yieldscope('inspect', out, '--at', String(second), '--json');
    expect(json.code, json.stderr).toBe(0);
    const snapshot = JSON.parse(json.stdout) as HeapSnapshot;
    expect(snapshot.at).toBe(second);
    expect(snapshot.stack.map((f) => [f.kind, f.name])).toEqual([['module', '<module>']]);
    expect(snapshot.suspended).toMatchObject([
      { kind: 'generator', name: 'countdown', state: 'suspended', line: 3 },
    ]);
    expect(snapshot.suspended[0].locals).toEqual([{ name: 'n', value: { v: '2' } }]);

    const past = await yieldscope('inspect', out, '--at', String(trace.size));
    expect(past.code).toBe(2);
    expect(past.stderr).toContain(`is past the trace's end: its events are 0 to ${trace.size - 1}`);
  });

  it('refuses to inspect a trace whose program read its folder, saying why', async () => {
    const own = await ownFolder('reads.py', 'data.txt');
    const out = own.at('reads.ystrace');
    const recorded = await yieldscope('record', own.at('reads.py'), '--out', out);
    expect(recorded.code, recorded.stderr).toBe(0);
    const trace = await traceAt(out);
    const { code, stderr } = await yieldscope('inspect', out, '--at', String(trace.size - 1));
    expect(code).toBe(2);
    // a trace that records its reads is refused at once; without them, the re-run meets no file
    expect(stderr).toMatch(/read data\.txt from its folder, which a trace does not keep|went differently/);
  });
});
