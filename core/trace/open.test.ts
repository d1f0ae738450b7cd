import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceOf } from './builder.ts';
import { encodeChrome } from './chrome.ts';
import { eventsArbitrary } from './event-arbitrary.ts';
import { encodeJsonl } from './jsonl.ts';
import { encodeNative, NATIVE_MAGIC } from './native.ts';
import { readTraceFile, TraceFileError } from './open.ts';
import type { TraceEvent } from './schema.ts';
import { problemText, type Problem } from '../session/problems.ts';

const events: TraceEvent[] = [
  { seq: 0, t: 0, kind: 'gen.create', obj: 1, line: 2, name: 'g', genkind: 'generator' },
  { seq: 1, t: 10, kind: 'gen.resume', obj: 1, line: 2, by: 0, via: 'for', value: null },
  { seq: 2, t: 20, kind: 'gen.return', obj: 1, line: 4, value: 'None' },
];
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Reading must refuse with a TraceFileError that names the file and this problem. */
function refuses(bytes: Uint8Array, problem: string): void {
  expect(() => readTraceFile(bytes, 'f.ystrace')).toThrow(TraceFileError);
  expect(() => readTraceFile(bytes, 'f.ystrace')).toThrow(`f.ystrace: ${problem}`);
}

/**
 * The problem a refusal carries: in English its message, in Chinese no English word left but its
 * values and the names of things (Yieldscope, JSON, UTF-8).
 */
function problemOfRefusal(bytes: Uint8Array): Problem {
  let refusal: unknown;
  try {
    readTraceFile(bytes, 'f.ystrace');
  } catch (e) {
    refusal = e;
  }
  const { problem, message } = refusal as TraceFileError;
  expect(problem, message).toBeDefined();
  expect(problemText('en', problem!)).toBe(message);
  // the longest first, so that a value inside another (str in f.ystrace) does not cut it
  const kept = [...Object.values(problem!.values ?? {}), 'Yieldscope', 'JSON', 'UTF-8'].map(String);
  const zh = kept
    .sort((a, b) => b.length - a.length)
    .reduce((t, v) => t.replaceAll(v, ''), problemText('zh-TW', problem!));
  expect(zh, problemText('zh-TW', problem!)).not.toMatch(/[A-Za-z]{2,}/);
  return problem!;
}

/** Arbitrary input decodes or is refused, and refused by the readers' own checks, not by a crash inside them. */
function decodesOrRefuses(bytes: Uint8Array): void {
  try {
    const trace = readTraceFile(bytes, 'x');
    expect([...trace.events()]).toHaveLength(trace.size);
  } catch (e) {
    expect(e).toBeInstanceOf(TraceFileError);
    expect((e as Error).message).not.toMatch(/^x: cannot be read/);
  }
}

describe('readTraceFile', () => {
  // Recorded by the version-1 Yieldscope (before run.start carried the program): both files hold the
  // same 34 events of core/trace/fixtures' countdown.
  it.each(['countdown-v1.ystrace', 'countdown-v1.jsonl'])('opens a version-1 trace (%s)', (name) => {
    const trace = readTraceFile(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)), name);
    expect(trace.size).toBe(34);
    expect(trace.event(0)).toMatchObject({
      kind: 'run.start',
      program: 'countdown.py',
      source: null,
      files: null,
    });
    expect(JSON.parse(String(trace.event(0).options))).toMatchObject({ fileName: 'countdown.py' });
    const printed = [...trace.events()].filter((e) => e.kind === 'stdout').map((e) => e.text);
    expect(printed.join('')).toBe('3\n2\n1\n');
    expect(trace.event(33)).toMatchObject({ kind: 'run.end', status: 'ok' });
  });

  // Recorded by the version-2 Yieldscope (before the scheduler's reasons were data): the same 106
  // events of core/trace/fixtures/handoff.py in both files.
  it.each(['handoff-v2.ystrace', 'handoff-v2.jsonl'])('opens a version-2 trace (%s)', (name) => {
    const trace = readTraceFile(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)), name);
    expect(trace.size).toBe(106);
    const park = [...trace.events()].find((e) => e.kind === 'sched.park');
    expect(park).toMatchObject({
      on: 'queue.put',
      detail: 'jobs is full (1 items)',
      what: null,
      amount: null,
    });
    expect(trace.event(105)).toMatchObject({ kind: 'run.end', status: 'deadlock' });
  });

  it('tells native from JSON Lines by content', () => {
    const trace = traceOf(events);
    expect([...readTraceFile(encodeNative(trace), 'a.jsonl').events()]).toEqual(events);
    expect([...readTraceFile(text(encodeJsonl(trace)), 'a.ystrace').events()]).toEqual(events);
  });

  it('refuses an empty file', () => refuses(new Uint8Array(0), 'empty file'));

  it("says why a file is corrupt as a problem naming the file, line and reason, whole in the user's language", () => {
    const native = encodeNative(traceOf(events));
    const jsonl = encodeJsonl(traceOf(events));
    expect(problemOfRefusal(native.subarray(0, 30))).toMatchObject({ values: { name: 'f.ystrace' } });
    const newer = native.slice();
    new DataView(newer.buffer).setUint32(8, 7, true);
    expect(problemOfRefusal(newer)).toEqual({
      key: 'traceWrongVersion',
      values: { name: 'f.ystrace', version: 7, oldest: 1, newest: 3 },
    });
    expect(problemText('zh-TW', problemOfRefusal(newer))).toBe(
      'f.ystrace:版本不對:這個檔案是第 7 版的追蹤格式,這個 Yieldscope 讀取第 1 到第 3 版',
    );
    expect(problemOfRefusal(text(jsonl.replace('"seq":2', '"seq":2,')))).toEqual({
      key: 'lineNotJson',
      values: { name: 'f.ystrace', line: 4 },
    });
    const unknown = problemOfRefusal(text(jsonl.replace('gen.return', 'gen.vanish')));
    expect(unknown).toEqual({
      key: 'eventUnknownKind',
      values: { name: 'f.ystrace', line: 4, kind: '"gen.vanish"' },
    });
    expect(problemText('zh-TW', unknown)).toBe('f.ystrace:第 4 行有誤:無法辨認的種類 "gen.vanish"');
    const typed = problemOfRefusal(text(jsonl.replace('"via":"for"', '"via":7')));
    expect(typed).toEqual({
      key: 'eventFieldType',
      values: { name: 'f.ystrace', line: 3, kind: 'gen.resume', field: 'via', type: 'str', got: '7' },
    });
    expect(problemText('zh-TW', typed)).toBe(
      'f.ystrace:第 3 行有誤:gen.resume 的欄位 via 必須是字串,實際是 7',
    );
    expect(problemOfRefusal(text('{"format":"yieldscope-trace","version":2,"events":9}\n'))).toMatchObject({
      key: 'traceCountMismatch',
      values: { announced: 9, held: 0 },
    });
  });
  it('refuses a truncated native file', () =>
    refuses(encodeNative(traceOf(events)).subarray(0, 30), 'truncated'));
  it('refuses a native file of another version', () => {
    const bytes = encodeNative(traceOf(events));
    new DataView(bytes.buffer).setUint32(8, 7, true);
    refuses(
      bytes,
      'wrong version: the file is trace format version 7, this Yieldscope reads versions 1 to 3',
    );
  });
  it('refuses random bytes', () => refuses(Uint8Array.of(0xff, 0xfe, 0x00, 0x12, 0x99), 'not a trace'));
  it('refuses text that is not JSON Lines', () => refuses(text('def g():\n    yield 1\n'), 'not a trace'));
  it('refuses a bad JSON line by number', () =>
    refuses(text(encodeJsonl(traceOf(events)).replace('"seq":2', '"seq":2,')), 'bad line 4: not valid JSON'));
  it('refuses an unknown kind', () =>
    refuses(
      text(encodeJsonl(traceOf(events)).replace('gen.return', 'gen.vanish')),
      'bad line 4: unknown kind "gen.vanish"',
    ));
  it('refuses a field of the wrong type', () =>
    refuses(
      text(encodeJsonl(traceOf(events)).replace('"via":"for"', '"via":7')),
      'bad line 3: gen.resume field via must be a string, got 7',
    ));
  it('points a Chrome export to Perfetto', () =>
    refuses(text(encodeChrome(traceOf(events))), 'a Chrome trace export'));

  it('decodes or refuses arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), decodesOrRefuses), { numRuns: 500 });
  });

  it('decodes or refuses arbitrary bytes after the native signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) =>
        decodesOrRefuses(Uint8Array.from([...NATIVE_MAGIC, ...tail])),
      ),
      { numRuns: 500 },
    );
  });

  it('decodes or refuses damaged native and JSON Lines files', () => {
    const damaged = fc
      .tuple(
        eventsArbitrary(20),
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
      )
      .map(([evs, native, hits]) => {
        const bytes = native ? encodeNative(traceOf(evs)) : text(encodeJsonl(traceOf(evs)));
        for (const [at, value] of hits) bytes[at % bytes.length] = value;
        return bytes;
      });
    fc.assert(fc.property(damaged, decodesOrRefuses), { numRuns: 1000 });
  });
});
