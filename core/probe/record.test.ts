import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTrace } from '../run/record.ts';
import { Runner } from '../run/runner.ts';

/** What the Python recorder (ys_probe/record.py) guarantees of its own code, beyond the events it records. */

let runner: Runner;
beforeAll(async () => {
  runner = new Runner({ probe: 'python' });
  await runner.ready;
});
afterAll(() => runner.close());

describe('the Python recorder', () => {
  it('takes a batch as sent with no interruptible instruction between its counters, so a stop never garbles them', async () => {
    // A KeyboardInterrupt is raised only where Python checks for one: after calls, and at loops.
    // flush() keeps every such instruction but sink()'s line out of the stretch that swaps the
    // buffers and counts them sent (one between the two counters' updates lost a batch's events).
    const source = `
import dis, inspect
import ys_probe.record as R
lines, first = inspect.getsourcelines(R.flush)
sink_line = first + next(i for i, text in enumerate(lines) if text.strip().startswith('sink('))
flushing = False
checks = []
for ins in dis.get_instructions(R.flush):
    if ins.opname == 'STORE_GLOBAL' and ins.argval == '_flushing':
        flushing = True
    elif flushing and ins.opname in ('CALL', 'CALL_KW', 'CALL_FUNCTION_EX', 'JUMP_BACKWARD') and ins.line_number != sink_line:
        checks.append((ins.opname, ins.line_number - first))
print(checks)
`;
    const { trace, summary } = await recordTrace({ source }, runner);
    expect(summary.status).toBe('ok');
    const out = [...trace.events()].filter((e) => e.kind === 'stdout').map((e) => e.text);
    expect(out).toEqual(['[]\n']);
  });

  it('keeps a step to the next event when the pause signal strikes as the recorder sets its next tick', async () => {
    // A pause is handled where Python checks for signals (at calls and loops); one handled inside
    // _next_tick() used to set the step's tick and have the line it interrupted overwrite it.
    const source = `
import dis
import ys_probe.record as R
print([ins.opname for ins in dis.get_instructions(R._next_tick) if ins.opname.startswith('CALL') or ins.opname == 'JUMP_BACKWARD'])
`;
    const { trace, summary } = await recordTrace({ source }, runner);
    expect(summary.status).toBe('ok');
    expect([...trace.events()].filter((e) => e.kind === 'stdout').map((e) => e.text)).toEqual(['[]\n']);
  });

  it.each(['before', 'after'])(
    'holds after the batch and steps one event on, when a pause strikes %s a flush hands its batch over',
    async (when) => {
      // The pause signal can strike inside a flush that a tick started. The host must hear of the
      // hold only once that batch is sent (it counted events it did not have), and the step after
      // it must not hold again at the same event (the host then waited for an event that never came).
      // The host's side is played in Python, in code the recorder does not instrument.
      const pause = 'if not holds:\n        R.on_pause_signal(10, None)';
      const source = `
import ys_probe.protocol as P
import ys_probe.record as R
helpers = {'R': R, 'P': P, 'holds': [], 'real_sink': R.sink}
exec(compile('''
def sink(*batch):
    ${when === 'before' ? pause : 'pass'}
    real_sink(*batch)
    ${when === 'after' ? pause : 'pass'}

def waiter(n):
    holds.append((n, R.flushed))
    return P.ACTION['stepEvent'] if len(holds) < 4 else P.ACTION['resume']
''', '<host>', 'exec'), helpers)
R.sink, R.waiter = helpers['sink'], helpers['waiter']
holds = helpers['holds']
x = 0
while len(holds) < 4:
    x += 1
R.sink = helpers['real_sink']
print([b - a for (a, _), (b, _) in zip(holds, holds[1:])], [n - sent for n, sent in holds])
`;
      const { trace, summary } = await recordTrace({ source }, runner);
      expect(summary.status).toBe('ok');
      const out = [...trace.events()].filter((e) => e.kind === 'stdout').map((e) => e.text);
      expect(out).toEqual(['[1, 1, 1] [0, 0, 0, 0]\n']);
    },
  );
});
