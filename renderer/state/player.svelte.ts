/**
 * The lesson player: which step of the lesson in the editor is shown, and the moves between steps.
 * A step is shown at its moment of the run: the cursor goes there, and a live run stopped before
 * that moment is stepped on (switch by switch) until it has happened. The player follows the run it
 * started; any other run or trace shows the lesson's introduction again.
 */
import { untrack } from 'svelte';
import { api } from '../api/api.ts';
import { stepMoments } from '../derive/lesson.ts';
import { questionBetween, type Question } from '../derive/predict.ts';
import { NO_SPOTLIGHT, spotlight, type Spotlight } from '../derive/spotlight.ts';
import { run } from './commands.ts';
import { host } from './host.svelte.ts';
import { lessons } from './lessons.svelte.ts';
import { cursor, recording } from './recording.svelte.ts';

/** Resolves once `read()` gives something other than it gives now. */
function changed(read: () => unknown): Promise<void> {
  const before = untrack(read);
  return new Promise((resolve) => {
    const stop = $effect.root(() => {
      $effect(() => {
        if (read() === before) return;
        queueMicrotask(stop);
        resolve();
      });
    });
  });
}

class Player {
  /** The run the player started and follows, and the lesson it started it for. */
  runId = $state<number | null>(null);
  lessonId = $state('');
  #step = $state(-1);
  /** Stepping the live run on to the next step's moment. */
  busy = $state(false);
  /** The step whose moment the run never reached (1-based), or null. */
  missed = $state<number | null>(null);
  /** Predict mode: before each step, a question about what the run does next. */
  predicting = $state(false);
  /** The open question, and the step (and its moment) it stands before. */
  question = $state.raw<{ question: Question; step: number; seq: number } | null>(null);
  /** The last answer given, with the run's own answer. */
  answered = $state.raw<{ question: Question; choice: string; right: boolean } | null>(null);
  score = $state({ right: 0, asked: 0 });

  get lesson() {
    return lessons.current;
  }

  /** Whether the recording on screen is the run the player follows. */
  following = $derived(
    this.runId !== null && recording.runId === this.runId && this.lessonId === lessons.current?.id,
  );

  /** The step shown: -1 for the introduction. */
  get step(): number {
    return this.following && this.lesson ? Math.min(this.#step, this.lesson.steps.length - 1) : -1;
  }

  /** Each step's moment in the recording on screen, or null where it has not happened (yet). */
  moments = $derived.by(() =>
    this.lesson && this.following ? stepMoments(recording.index, this.lesson) : [],
  );

  /** What the step shown points at, for the views and the editor to highlight. */
  spotlight: Spotlight = $derived.by(() => {
    const lesson = this.lesson;
    return lesson && this.step >= 0
      ? spotlight(lesson.steps[this.step].highlight, lesson.source)
      : NO_SPOTLIGHT;
  });

  get last(): boolean {
    return this.lesson !== null && this.step === this.lesson.steps.length - 1;
  }

  /** Starts the lesson's run, stopped before its first line, at the introduction. */
  async start(): Promise<void> {
    this.#step = -1;
    this.missed = null;
    this.question = null;
    this.answered = null;
    this.score = { right: 0, asked: 0 };
    const lessonId = this.lesson?.id ?? '';
    const runId = await run(true);
    if (runId === undefined) return;
    this.runId = runId;
    this.lessonId = lessonId;
  }

  async next(): Promise<void> {
    const lesson = this.lesson;
    if (!lesson || this.busy || this.question) return;
    if (!this.following) return this.start();
    const k = this.step + 1;
    if (k >= lesson.steps.length) return;
    this.busy = true;
    // The views stay where they are while the run goes on to the step's moment (a question is asked from there).
    cursor.unfollow();
    try {
      const seq = await this.#reach(k);
      if (seq === null) {
        this.missed = k + 1;
        return;
      }
      this.missed = null;
      this.answered = null;
      // Predicting: the run's next moves are hidden until answered.
      const question = this.predicting
        ? questionBetween(recording.index, Math.max(0, cursor.at), seq, k)
        : null;
      if (question) this.question = { question, step: k, seq };
      else this.#show(k, seq);
    } catch (error) {
      host.fail('notices.stepping', error);
    } finally {
      this.busy = false;
    }
  }

  /** Answers the open question: scored, then the run shows what it really does. */
  answer(choice: string): void {
    const open = this.question;
    if (!open) return;
    const right = choice === open.question.answer;
    this.score = { right: this.score.right + (right ? 1 : 0), asked: this.score.asked + 1 };
    this.answered = { question: open.question, choice, right };
    this.question = null;
    this.#show(open.step, open.seq);
  }

  #show(step: number, seq: number): void {
    this.#step = step;
    cursor.toEvent(seq);
  }

  back(): void {
    if (this.step < 0 || this.busy || this.question) return;
    this.answered = null;
    const k = this.step - 1;
    this.missed = null;
    this.#step = k;
    const seq = k >= 0 ? this.moments[k] : null;
    if (seq !== null) cursor.toEvent(seq);
    else cursor.home();
  }

  /** The moment of step k: found in what is recorded, or stepped on to in the live run. Null if the run ends first. */
  async #reach(k: number): Promise<number | null> {
    for (;;) {
      // The host's events are on screen from the next frame: look at all that arrived.
      await recording.published();
      const seq = this.moments[k];
      if (seq !== null && seq !== undefined) return seq;
      if (!this.following || (recording.state !== 'paused' && recording.state !== 'running')) return null;
      if (recording.state === 'running') {
        // A run left running (not stopped before its first line) is only waited for.
        await changed(() => `${recording.size} ${recording.state}`);
        continue;
      }
      // A step is answered by the run's next hold (or its end); the events before it come first. A
      // step asked before the host has that hold would be dropped: the next is asked only after it.
      const held = changed(() => `${recording.holds} ${recording.state}`);
      await api.call('step', { to: 'switch' });
      await held;
    }
  }
}

export const player = new Player();
