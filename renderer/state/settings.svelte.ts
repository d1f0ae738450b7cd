/**
 * The user's preferences: theme, presentation mode and run options, remembered from one launch to
 * the next.
 */
import type { Policy } from '../api/types.ts';
import { loadStored, saveStored } from './stored.ts';

export type Theme = 'dark' | 'light';
export const POLICIES: readonly Policy[] = ['fifo', 'lifo', 'random', 'priority'];

const KEY = 'yieldscope.settings';
const DEFAULTS = {
  theme: 'dark' as Theme,
  presentation: false,
  /** The interface's type size, as a factor of the normal (Ctrl+= and Ctrl+- step it). */
  fontScale: 1,
  policy: 'fifo' as Policy,
  seed: 1,
  switchInterval: 5,
  /** Run stops before the first line, for a program of the user's own and for a lesson's. */
  startPaused: false,
  startPausedLessons: true,
  /** Replay speed in events per second; 0 stands for "as fast as it runs" (JSON has no Infinity). */
  speed: 100,
  /** Panel splits, as fractions of their containers. */
  splitMain: 0.4,
  splitLeft: 0.68,
  splitRight: 0.36,
  /** The Frames and objects view is open (closed, it asks the host for nothing). */
  frames: false,
};

class Settings {
  theme = $state(DEFAULTS.theme);
  presentation = $state(DEFAULTS.presentation);
  fontScale = $state(DEFAULTS.fontScale);
  policy = $state(DEFAULTS.policy);
  seed = $state(DEFAULTS.seed);
  switchInterval = $state(DEFAULTS.switchInterval);
  startPaused = $state(DEFAULTS.startPaused);
  startPausedLessons = $state(DEFAULTS.startPausedLessons);
  speed = $state(DEFAULTS.speed);
  splitMain = $state(DEFAULTS.splitMain);
  splitLeft = $state(DEFAULTS.splitLeft);
  splitRight = $state(DEFAULTS.splitRight);
  frames = $state(DEFAULTS.frames);

  constructor() {
    const stored = loadStored(KEY, DEFAULTS);
    if (stored.theme !== 'dark' && stored.theme !== 'light') stored.theme = DEFAULTS.theme;
    if (!POLICIES.includes(stored.policy)) stored.policy = DEFAULTS.policy;
    Object.assign(this, stored);
    $effect.root(() => {
      $effect(() => saveStored(KEY, this.snapshot()));
    });
  }

  /** A lesson's run options, with the defaults for those it leaves out: a lesson runs as its file says. */
  runAs(run: { policy?: Policy; seed?: number; switchInterval?: number }): void {
    this.policy = run.policy ?? DEFAULTS.policy;
    this.seed = run.seed ?? DEFAULTS.seed;
    this.switchInterval = run.switchInterval ?? DEFAULTS.switchInterval;
  }

  snapshot(): typeof DEFAULTS {
    const { theme, presentation, fontScale, policy, seed, switchInterval, startPaused, startPausedLessons } =
      this;
    const { speed, splitMain, splitLeft, splitRight, frames } = this;
    return {
      theme,
      presentation,
      fontScale,
      policy,
      seed,
      switchInterval,
      startPaused,
      startPausedLessons,
      speed,
      splitMain,
      splitLeft,
      splitRight,
      frames,
    };
  }
}

export const settings = new Settings();
