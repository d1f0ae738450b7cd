/** The program in the editor: its text, its file name, and the lesson it came from. */
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

  load(source: string, fileName: string, lesson?: Lesson): void {
    this.source = source;
    this.fileName = fileName;
    this.lessonId = lesson?.id ?? '';
    this.loaded++;
  }
}

export const program = new Program();
