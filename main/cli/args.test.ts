import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from './args.ts';

describe('parseCommand', () => {
  it('reads a record command with every option', () => {
    expect(
      parseCommand([
        'record',
        'p.py',
        '--out',
        'x.jsonl',
        '--format',
        'jsonl',
        '--max-events',
        '1000',
        '--timeout',
        '2.5',
        '--policy',
        'random',
        '--seed',
        '7',
        '--switch-interval',
        '3',
      ]),
    ).toEqual({
      command: 'record',
      program: 'p.py',
      out: 'x.jsonl',
      format: 'jsonl',
      maxEvents: 1000,
      timeoutMs: 2500,
      policy: 'random',
      seed: 7,
      switchInterval: 3,
    });
  });

  it('defaults to the native format', () => {
    expect(parseCommand(['record', 'p.py'])).toMatchObject({
      format: 'native',
      out: undefined,
      maxEvents: undefined,
    });
  });

  it('reads an inspect command', () => {
    expect(parseCommand(['inspect', 't.ystrace', '--at', '12'])).toEqual({
      command: 'inspect',
      trace: 't.ystrace',
      at: 12,
      json: false,
    });
    expect(parseCommand(['inspect', 't.ystrace', '--json', '--at', '0'])).toMatchObject({
      at: 0,
      json: true,
    });
  });

  it('answers --help before anything else', () => {
    expect(parseCommand(['record', '--help'])).toEqual({ command: 'help' });
    expect(parseCommand(['-h'])).toEqual({ command: 'help' });
  });

  it.each([
    [[], 'no command given'],
    [['play', 'p.py'], 'unknown command "play": the commands are record and inspect'],
    [['record'], 'record needs the Python program'],
    [['record', 'a.py', 'b.py'], 'one program at a time'],
    [['record', 'p.py', '--format', 'xml'], '--format must be one of native, jsonl, chrome, not "xml"'],
    [['record', 'p.py', '--policy', 'fair'], '--policy must be one of'],
    [['record', 'p.py', '--max-events', '1.5'], '--max-events must be a whole number'],
    [['record', 'p.py', '--max-events', '0'], '--max-events must be a whole number from 1'],
    [['record', 'p.py', '--timeout', 'soon'], '--timeout must be a number'],
    [['record', 'p.py', '--seed', ''], '--seed must be'],
    [['record', 'p.py', '--colour'], "Unknown option '--colour'"],
    [['record', 'p.py', '--at', '3'], '--at and --json are options of inspect'],
    [['inspect', 't.ystrace'], 'inspect needs --at N'],
    [['inspect'], 'inspect needs a trace file'],
    [['inspect', 't.ystrace', '--at', 'end'], '--at must be a whole number from 0'],
    [['inspect', 't.ystrace', '--at', '2', '--seed', '3'], '--seed: options of record, not inspect'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
