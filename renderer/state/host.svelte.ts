/**
 * What the renderer knows of its host: the greeting (what the host can do), Python's readiness, and
 * the last request that failed, said in words.
 */
import type { ReadyProgress } from '../api/types.ts';
import type { Hello } from '../../core/session/protocol.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { Values } from '../i18n/translate.ts';
import { problemOf, type Problem } from '../../core/session/problems.ts';
import { problemText, type LessonProblem } from '../../core/session/lesson.ts';

/** A failed request, said in words: what the user tried, and why it did not work. */
export interface Notice {
  /** What the user tried (`notices.running`), said in their language when shown. */
  action: MessageKey;
  values?: Values;
  message: string;
  /** Why, when the host or core said it as a problem: shown in the language of the moment, not the one it failed in. */
  problem?: Problem;
  /** The lessons the host could not offer, each with its file, place and flaw: said in the same way. */
  lessons?: LessonProblem[];
}

class Host {
  hello = $state.raw<Hello | null>(null);
  python = $state.raw<ReadyProgress>({ phase: 'starting', fraction: 0 });
  notice = $state.raw<Notice | null>(null);

  greet(hello: Hello): void {
    this.hello = hello;
    this.python = hello.python;
  }

  fail(action: MessageKey, error: unknown, values?: Values): void {
    this.notice = {
      action,
      values,
      message: error instanceof Error ? error.message : String(error),
      problem: problemOf(error),
    };
  }

  /** The host left lessons out: what a teacher must fix in each. */
  refuseLessons(problems: LessonProblem[]): void {
    this.notice = {
      action: 'notices.loadingLessons',
      message: problems.map((p) => problemText(p)).join('\n'),
      lessons: problems,
    };
  }

  dismiss(): void {
    this.notice = null;
  }
}

export const host = new Host();
