/**
 * The program in the editor: its text, its file name, and the lesson or host file it came from; or,
 * while an opened trace shows, the program that trace recorded (read-only, the user's own kept aside).
 */
import type { Lesson } from '../../core/session/protocol.ts';
import { loadStored, saveStored } from './stored.ts';

const KEY = 'yieldscope.program';
const DEFAULTS = {
  source: 'def count(n):\n    for i in range(n):\n        yield i\n\n\nfor x in count(3):\n    print(x)\n',
  fileName: 'main.py',
  lessonId: '',
};

/** A program as the editor holds it. */
interface Aside {
  source: string;
  fileName: string;
  lessonId: string;
  programId: string | undefined;
}

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
  /** The editor shows an opened trace's program: read-only until the user edits it or runs it. */
  recorded = $state(false);
  /** The user's own program, kept aside while a trace's shows. */
  #aside: Aside | null = null;

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
    this.#aside = null;
    this.recorded = false;
    this.#replace({ source, fileName, lessonId: from.lesson?.id ?? '', programId: from.programId });
  }

  /** Shows the program an opened trace recorded, keeping the user's aside (once, for a row of traces). */
  showRecorded(source: string, fileName: string): void {
    this.#aside ??= {
      source: this.source,
      fileName: this.fileName,
      lessonId: this.lessonId,
      programId: this.programId,
    };
    this.recorded = true;
    // its folder is not at hand: run, it has a folder of its own
    this.#replace({ source, fileName, lessonId: '', programId: undefined });
  }

  /** The recorded program becomes the user's own, to edit or run. */
  adoptRecorded(): void {
    this.#aside = null;
    this.recorded = false;
  }

  /** Back to the user's own program, as it was before a trace's showed. */
  restoreAside(): void {
    const aside = this.#aside;
    if (!aside) return;
    this.#aside = null;
    this.recorded = false;
    this.#replace(aside);
  }

  get hasAside(): boolean {
    return this.#aside !== null;
  }

  #replace(program: Aside): void {
    this.source = program.source;
    this.fileName = program.fileName;
    this.lessonId = program.lessonId;
    this.programId = program.programId;
    this.loaded++;
  }
}

export const program = new Program();
