import { upperBound } from './columns.ts';
import type { ContextState } from './contexts.ts';
import type { ConsoleLine } from './console.ts';
import type { DequeState } from './deques.ts';
import type { TraceIndex } from './index.ts';
import type { GeneratorState, IteratorView } from './iterators.ts';
import { lineAt } from './navigate.ts';

/** Everything the views show at one instant. */
export interface StateAt {
  seq: number;
  line: number | null;
  holder: string | null;
  deques: DequeState[];
  iterators: IteratorView[];
  generators: { name: string; state: GeneratorState | null }[];
  contexts: ContextState;
  console: ConsoleLine[];
}

/** The state of every view at event `seq` (the bench's "rebuild at a random instant", and a one-call summary for tests). */
export function stateAt(index: TraceIndex, seq: number, consoleLines = 500): StateAt {
  const { timeline } = index;
  const holder = holderAt(index, seq);
  return {
    seq,
    line: lineAt(index.trace, seq),
    holder: holder === null ? null : timeline.lanes[holder].name,
    deques: index.deques.at(seq),
    iterators: index.iterators.at(seq),
    generators: index.generators.tracks
      .filter((g) => g.createdAt <= seq)
      .map((g) => ({ name: g.name, state: index.generators.stateAt(g, seq) })),
    contexts: index.contexts.at(seq),
    console: index.console.tail(seq, consoleLines),
  };
}

/** The lane holding control at `seq`: the last switch at or before it decides. */
export function holderAt(index: TraceIndex, seq: number): number | null {
  const s = index.timeline.switches;
  const after = upperBound(s.seq.data, s.size, seq);
  if (after > 0) return s.to.data[after - 1];
  return index.timeline.lanes.length ? 0 : null;
}
