/** The program's folder, on real Pyodide runs: a real folder to the program, never written on the host. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileContent, FolderHistory } from '../trace/files.ts';
import { MAX_FILE_BYTES, type TraceEvent } from '../trace/schema.ts';
import type { Trace } from '../trace/trace.ts';
import { recordTrace } from './record.ts';
import { sharedRunner, streamText } from './testing.ts';

const runner = sharedRunner();

const of = (trace: Trace, kind: string): TraceEvent[] => [...trace.events()].filter((e) => e.kind === kind);
const printed = (trace: Trace): string => streamText(trace, 'stdout');

/** A host folder holding these files (text), made for one test. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ys-folder-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Every file under a host folder with its content, to show it was left as it was. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      out[join(entry.parentPath, entry.name).slice(dir.length)] = readFileSync(
        join(entry.parentPath, entry.name),
        'utf8',
      );
  return out;
}

describe("the program's folder", () => {
  it('gives a program typed in the editor a folder holding only itself', async () => {
    const source =
      "import os\nprint(os.getcwd(), os.listdir('.'))\nprint(open(__file__).read() == open('main.py').read())\n";
    const { trace, summary } = await recordTrace({ source }, runner());
    expect(summary.status).toBe('ok');
    expect(printed(trace)).toBe("/program ['main.py']\nTrue\n");
    expect(JSON.parse(String(trace.event(0).files))).toEqual([['main.py', source.length]]);
  });

  it('lets the program write, append, rename and delete, and never writes the host', async () => {
    const dir = folder({ 'data.txt': 'hello\n', 'sub/inner.txt': 'x', 'prog.py': 'old text' });
    const before = snapshot(dir);
    const source = `import os
with open('out.txt', 'w') as f:
    f.write('one\\n')
print('written')
with open('out.txt', 'a') as f:
    f.write('two\\n')
os.makedirs('d/e')
os.rename('out.txt', 'd/e/moved.txt')
os.remove('data.txt')
open('sub/inner.txt', 'w').close()
print(sorted(os.listdir('.')), os.listdir('d/e'), open('d/e/moved.txt').read().split())
`;
    const { trace, summary } = await recordTrace({ source, fileName: 'prog.py', programDir: dir }, runner());
    expect(summary).toMatchObject({ status: 'ok' });
    expect(printed(trace)).toBe("written\n['d', 'prog.py', 'sub'] ['moved.txt'] ['one', 'two']\n");
    const changes = of(trace, 'file').map((e) => [e.path, e.change, e.size, e.text]);
    expect(changes).toEqual([
      ['out.txt', 'created', 4, 'one\n'],
      ['out.txt', 'created', 8, 'one\ntwo\n'],
      ['d/', 'created', null, null],
      ['d/e/', 'created', null, null],
      ['out.txt', 'deleted', null, null],
      ['d/e/moved.txt', 'created', 8, 'one\ntwo\n'],
      ['data.txt', 'deleted', null, null],
      ['sub/inner.txt', 'written', 0, ''],
    ]);
    expect(snapshot(dir)).toEqual(before);
    // the editor's text is what the folder holds under the program's name, not the older save
    const start = trace.event(0);
    expect(JSON.parse(String(start.files))).toEqual([
      ['data.txt', 6],
      ['prog.py', source.length],
      ['sub/', null],
    ]);
  });

  it("records a file's change where the program made it: a with block's at its line, before what follows", async () => {
    const source = "print('before')\nwith open('log.txt', 'w') as f:\n    f.write('x')\nprint('after')\n";
    const { trace } = await recordTrace({ source }, runner());
    const kinds = [...trace.events()]
      .filter((e) => e.kind === 'stdout' || e.kind === 'file')
      .map((e) => [e.kind, e.line]);
    expect(kinds).toEqual([
      ['stdout', 1],
      ['file', 2],
      ['stdout', 4],
    ]);
  });

  it('reads the host folder lazily: only the files the program opens, however many there are', async () => {
    const files: Record<string, string> = { 'wanted.txt': 'yes' };
    for (let i = 0; i < 600; i++) files[`f${i}.txt`] = 'x';
    const dir = folder(files);
    const { trace, summary } = await recordTrace(
      { source: "print(open('wanted.txt').read(), len(__import__('os').listdir()))\n", programDir: dir },
      runner(),
    );
    expect(summary.status).toBe('ok');
    expect(printed(trace)).toBe('yes 602\n');
    expect(of(trace, 'file').map((e) => [e.path, e.change, e.size])).toEqual([['wanted.txt', 'read', 3]]);
  });

  it('starts every run from the host folder as it is, whatever an earlier run changed', async () => {
    const dir = folder({ 'keep.txt': 'k' });
    await recordTrace(
      { source: "import os\nopen('new.txt', 'w').write('n')\nos.remove('keep.txt')\n", programDir: dir },
      runner(),
    );
    const { trace } = await recordTrace(
      { source: "import os\nprint(sorted(os.listdir('.')))\n", programDir: dir },
      runner(),
    );
    expect(printed(trace)).toBe("['keep.txt', 'main.py']\n");
  });

  it('keeps contents in bounds: cut at 1 MB, binary as base64, left out past 16 MB a run', async () => {
    const source = `
open('big.txt', 'w').write('a' * ${MAX_FILE_BYTES + 10})
open('raw.bin', 'wb').write(bytes([0, 255, 1]))
for i in range(20):
    open(f'm{i}.txt', 'w').write(str(i % 10) * 1_000_000)
`;
    const { trace, summary } = await recordTrace({ source }, runner());
    expect(summary.status).toBe('ok');
    const history = new FolderHistory();
    history.update(trace);
    const files = new Map(history.at().map((f) => [f.path, f]));
    expect(files.get('big.txt')).toMatchObject({ size: MAX_FILE_BYTES + 10 });
    expect(files.get('big.txt')?.text).toHaveLength(MAX_FILE_BYTES);
    expect(files.get('raw.bin')).toMatchObject({ text: null, bytes: 'AP8B' });
    expect([...fileContent(files.get('raw.bin')!)!]).toEqual([0, 255, 1]);
    const kept = [...Array(20).keys()].map((i) => files.get(`m${i}.txt`)?.text !== null);
    expect(kept.slice(0, 14)).toEqual(Array(14).fill(true));
    expect(kept.slice(16)).toEqual([false, false, false, false]);
    expect(files.get('m19.txt')).toMatchObject({ size: 1_000_000, text: null, bytes: null });
  });

  it('refuses to read a host file over 64 MB, with an error the program can catch', async () => {
    const dir = folder({});
    writeFileSync(join(dir, 'huge.bin'), '');
    truncateSync(join(dir, 'huge.bin'), 65 * 1024 * 1024);
    const source =
      "import os\nprint(os.path.getsize('huge.bin'))\ntry:\n    open('huge.bin', 'rb')\nexcept OSError as e:\n    print(e.strerror)\n";
    const { trace } = await recordTrace({ source, programDir: dir }, runner());
    expect(printed(trace)).toBe(`${65 * 1024 * 1024}\nFile too large\n`);
  });

  it('gives an unrecorded run the output and the files a recorded run records', async () => {
    const source = "print('out')\nimport sys\nprint('err', file=sys.stderr)\nopen('a.txt', 'w').write('A')\n";
    const { summary } = await recordTrace({ source, record: false }, runner());
    expect(summary.captured).toEqual({
      stdout: 'out\n',
      stderr: 'err\n',
      files: [{ path: 'a.txt', change: 'created', size: 1, content: new TextEncoder().encode('A') }],
    });
  });
});
