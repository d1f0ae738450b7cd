/** The program in the editor: its text, its file name, and the lesson or host file it came from. */
import type { Lesson } from '../../core/session/protocol.ts';
import { loadStored, saveStored } from './stored.ts';

const KEY = 'yieldscope.program';
const DEFAULTS = {
  source: 'def count(n):\n    for i in range(n):\n        yield i\n\n\nfor x in count(3):\n    print(x)\n',
  fileName: 'main.py',
  lessonId: '',
};

class Program {
  source = $state(DEFAULTS.source);
  fileName = $state(DEFAULTS.fileName);
  lessonId = $state(DEFAULTS.lessonId);
  /**
   * The host's id for the file it came from (desktop), whose folder its runs see as their own; not
   * kept across restarts (the host issues new ids), so the program then runs in a folder of its own.
   */
  programId = $state<string | undefined>(undefined);
  /** Bumped when the text is replaced from outside the editor (lesson, opened file), so the editor reloads it. */
  loaded = $state(0);

  constructor() {
    Object.assign(this, loadStored(KEY, DEFAULTS));
    $effect.root(() => {
      $effect(() =>
        saveStored(KEY, {
          source: this.source,
          fileName: this.fileName,
          lessonId: this.lessonId,
        }),
      );
    });
  }

  load(source: string, fileName: string, from: { lesson?: Lesson; programId?: string } = {}): void {
    this.source = source;
    this.fileName = fileName;
    this.lessonId = from.lesson?.id ?? '';
    this.programId = from.programId;
    this.loaded++;
  }
}

export const program = new Program();
