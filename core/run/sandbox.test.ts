/** What the sandbox cannot do, on real Pyodide runs: refused at once, with a sentence saying what to use instead. */
import { describe, expect, it } from 'vitest';
import { recordTrace } from './record.ts';
import { sharedRunner } from './testing.ts';

const runner = sharedRunner();

/** What each attempt printed: the exception's type and message, or OK. */
async function attempts(lines: Record<string, string>): Promise<Record<string, string>> {
  const source = [
    'import sys',
    'def attempt(label, f):',
    '    try:',
    '        f()',
    "        print(label, 'OK', sep='\\t')",
    '    except BaseException as e:',
    "        print(label, f'{type(e).__name__}: {e}', sep='\\t')",
    ...Object.entries(lines).map(([label, code]) => `attempt(${JSON.stringify(label)}, lambda: ${code})`),
  ].join('\n');
  const { trace, summary } = await recordTrace({ source }, runner());
  expect(summary.status).toBe('ok');
  const out = [...trace.events()].filter((e) => e.kind === 'stdout').map((e) => String(e.text));
  return Object.fromEntries(out.map((l) => l.trimEnd().split('\t') as [string, string]));
}

describe('the sandbox', () => {
  it('refuses threads, processes, the network and ctypes at once, saying what to use instead', async () => {
    const said = await attempts({
      thread: "__import__('threading').Thread(target=print).start()",
      process: "__import__('multiprocessing').Process(target=print).start()",
      subprocess: "__import__('subprocess').run(['ls'])",
      system: "__import__('os').system('ls')",
      connect: "__import__('socket').create_connection(('example.com', 80))",
      url: "__import__('urllib.request').request.urlopen('http://example.com')",
      ctypes: "__import__('ctypes')",
    });
    expect(said.thread).toMatch(
      /^RuntimeError: Yieldscope's sandbox cannot start threads: .*yieldscope\.spawn/,
    );
    expect(said.process).toMatch(/^ModuleNotFoundError: Yieldscope's sandbox cannot start processes/);
    expect(said.subprocess).toMatch(/^OSError: .*cannot start processes or other programs/);
    expect(said.system).toMatch(/^OSError: .*cannot start processes or other programs/);
    expect(said.connect).toMatch(/^gaierror: .*This sandbox has no network: .*a file of its folder/);
    expect(said.url).toMatch(/^URLError: .*This sandbox has no network/);
    expect(said.ctypes).toMatch(/^ModuleNotFoundError: ctypes is not available in Yieldscope's sandbox/);
  });

  it("holds beneath Python's modules too: the interpreter's own socket and built-in table", async () => {
    const said = await attempts({
      rawSocket: "type.mro(__import__('socket').socket)[-2](2, 1).connect(('127.0.0.1', 9))",
      builtin: "print(__import__('_imp').create_builtin(type('S', (), {'name': '_ctypes'})()))",
    });
    expect(said.rawSocket).toMatch(/^OSError: \[Errno 40\]/); // refused at once: ENETUNREACH
    expect(said.builtin).toBe('OK'); // it printed None: there is no such built-in module
  });

  it("has CPython's recursion limit, 1000, recorded and not", async () => {
    // (The depth at which it strikes, the same recorded and not, is the probe's to keep.)
    const source = 'import sys\ndef f(n):\n    return f(n + 1)\nprint(sys.getrecursionlimit())\nf(0)\n';
    for (const record of [true, false]) {
      const { trace, summary } = await recordTrace({ source, record }, runner());
      expect(summary).toMatchObject({
        status: 'error',
        message: 'RecursionError: maximum recursion depth exceeded',
      });
      const error = [...trace.events()].find((e) => e.kind === 'error');
      expect(error).toMatchObject({ exc: 'RecursionError', line: 3 });
      const printed = record
        ? [...trace.events()].find((e) => e.kind === 'stdout')?.text
        : summary.captured?.stdout;
      expect(printed).toBe('1000\n');
    }
  });
});
