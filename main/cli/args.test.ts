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

  it('answers --help before anything else', () => {
    expect(parseCommand(['record', '--help'])).toEqual({ command: 'help' });
    expect(parseCommand(['-h'])).toEqual({ command: 'help' });
  });

  it.each([
    [[], 'no command given'],
    [['play', 'p.py'], 'unknown command "play"'],
    [['record'], 'record needs the Python program'],
    [['record', 'a.py', 'b.py'], 'one program at a time'],
    [['record', 'p.py', '--format', 'xml'], '--format must be one of native, jsonl, chrome, not "xml"'],
    [['record', 'p.py', '--policy', 'fair'], '--policy must be one of'],
    [['record', 'p.py', '--max-events', '1.5'], '--max-events must be a whole number'],
    [['record', 'p.py', '--max-events', '0'], '--max-events must be a whole number from 1'],
    [['record', 'p.py', '--timeout', 'soon'], '--timeout must be a number'],
    [['record', 'p.py', '--seed', ''], '--seed must be'],
    [['record', 'p.py', '--colour'], "Unknown option '--colour'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
