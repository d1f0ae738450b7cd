/** The catalog's name for a kind of lane or generator object as the trace spells it (`async generator`). */
import type { MessageKey } from './catalog.ts';

const KINDS: Record<string, MessageKey> = {
  main: 'kinds.main',
  scheduler: 'kinds.scheduler',
  generator: 'kinds.generator',
  coroutine: 'kinds.coroutine',
  'async generator': 'kinds.asyncGenerator',
  task: 'kinds.task',
};

/** The message naming `kind`, or null for a kind the catalog does not know (shown as the trace spells it). */
export function kindKey(kind: string): MessageKey | null {
  return KINDS[kind] ?? null;
}
