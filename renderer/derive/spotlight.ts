/**
 * What a lesson step points at, sorted by the view that shows it: lanes for the timeline, deques and
 * their slots for the deque view, iterators, `with` blocks, and the program's lines for the editor
 * (a frame is its function's `def` line).
 */
import type { Highlight } from '../../core/session/lesson.ts';

export interface Spotlight {
  lanes: ReadonlySet<string>;
  /** Deque name → its slots pointed at (empty: the whole deque). */
  deques: ReadonlyMap<string, ReadonlySet<number>>;
  iterators: ReadonlySet<string>;
  withs: ReadonlySet<string>;
  /** 1-based lines of the program, ascending. */
  lines: readonly number[];
}

export const NO_SPOTLIGHT: Spotlight = {
  lanes: new Set(),
  deques: new Map(),
  iterators: new Set(),
  withs: new Set(),
  lines: [],
};

/** The line of `def name` (or `async def name`) in `source`, or null. */
export function defLine(source: string, name: string): number | null {
  const lines = source.split(/\r?\n/);
  const def = new RegExp(`^\\s*(async\\s+)?def\\s+${name.replace(/\W/g, '\\$&')}\\b`);
  const at = lines.findIndex((l) => def.test(l));
  return at < 0 ? null : at + 1;
}

export function spotlight(highlights: readonly Highlight[], source: string): Spotlight {
  const lanes = new Set<string>();
  const deques = new Map<string, Set<number>>();
  const iterators = new Set<string>();
  const withs = new Set<string>();
  const lines = new Set<number>();
  for (const h of highlights) {
    switch (h.type) {
      case 'lane':
        lanes.add(h.lane);
        break;
      case 'deque': {
        const slots = deques.get(h.deque) ?? new Set<number>();
        if (h.slot !== undefined) slots.add(h.slot);
        deques.set(h.deque, slots);
        break;
      }
      case 'iterator':
        iterators.add(h.iterator);
        break;
      case 'with':
        withs.add(h.with);
        break;
      case 'frame': {
        const line = defLine(source, h.frame);
        if (line !== null) lines.add(line);
        break;
      }
      case 'line':
        lines.add(h.line);
        break;
    }
  }
  return { lanes, deques, iterators, withs, lines: [...lines].sort((a, b) => a - b) };
}
