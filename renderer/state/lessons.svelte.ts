/** The lessons the host offers, and the one whose program is in the editor (if any). */
import type { Lesson } from '../../core/session/protocol.ts';
import { program } from './program.svelte.ts';

class Lessons {
  list = $state.raw<Lesson[]>([]);

  /** The lesson whose program the editor holds, or null for a program of the user's own. */
  current = $derived(this.list.find((l) => l.id === program.lessonId) ?? null);
}

export const lessons = new Lessons();
