import { describe, expect, it } from 'vitest';
import { traceOf } from './builder.ts';
import { fileContent, FolderHistory, partlyKept } from './files.ts';
import type { TraceEvent } from './schema.ts';

const file = (
  seq: number,
  path: string,
  change: string,
  size: number | null,
  text: string | null = null,
  bytes: string | null = null,
): TraceEvent => ({
  seq,
  t: seq,
  kind: 'file',
  obj: 0,
  line: 1,
  path,
  change,
  size,
  text,
  bytes,
});

describe('the folder a trace tells', () => {
  const trace = traceOf([
    file(0, 'data.txt', 'read', 6),
    file(1, 'out.txt', 'created', 3, 'one'),
    { seq: 2, t: 2, kind: 'line', obj: 0, line: 2 },
    file(3, 'out.txt', 'created', 6, 'one\ntw'),
    file(4, 'raw.bin', 'created', 3, null, 'AP8B'),
    file(5, 'big.txt', 'created', 2_000_000, 'abc'),
    file(6, 'out.txt', 'deleted', null),
  ]);
  const history = new FolderHistory();
  history.update(trace);

  it('gives each path as its last change left it, at any event', () => {
    expect(history.at(1).map((f) => [f.path, f.change, f.text])).toEqual([['out.txt', 'created', 'one']]);
    expect(history.at(4).map((f) => [f.path, f.text])).toEqual([
      ['out.txt', 'one\ntw'],
      ['raw.bin', null],
    ]);
    expect(history.at().find((f) => f.path === 'out.txt')?.change).toBe('deleted');
    expect(history.readAt(0)).toEqual([{ path: 'data.txt', size: 6, seq: 0 }]);
  });

  it('gives back the bytes kept, and says when the trace kept less than the file held', () => {
    const [big, out, raw] = history.at();
    expect([...fileContent(raw)!]).toEqual([0, 255, 1]);
    expect(new TextDecoder().decode(fileContent(history.at(3)[0])!)).toBe('one\ntw');
    expect(partlyKept(big)).toBe(true);
    expect(partlyKept(raw)).toBe(false);
    expect(partlyKept(out)).toBe(false); // deleted: nothing to keep
  });
});
