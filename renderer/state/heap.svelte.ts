/**
 * The heap at the cursor — frames, their variables, the objects they reach — as the host's inspector
 * answers it (the `inspect` request). Asked only while the Frames
 * and objects view is open: closed, it costs nothing. One question is in flight at a time; when the
 * cursor moved meanwhile, the newest position is asked next, so a held arrow key never queues up.
 */
import type { Inspection } from '../../core/session/snapshot.ts';
import { problemOf, type Problem } from '../../core/session/problems.ts';
import { cursor, recording } from './recording.svelte.ts';
import { selection } from './selection.svelte.ts';
import { settings } from './settings.svelte.ts';

class Heap {
  /** The newest answer, and the event it is for. */
  inspection = $state.raw<Inspection | null>(null);
  at = $state(-1);
  /** The host's answer for the cursor is on its way: what is shown is an earlier event's. */
  asking = $state(false);
  /** A request that failed outright (no trace, the connection): its problem when the host said one. */
  failure = $state.raw<{ message: string; problem?: Problem } | null>(null);

  #run: number | null = null;
  #wanted = -1;
  #busy = false;

  constructor() {
    $effect.root(() => {
      $effect(() => {
        if (!settings.frames || cursor.at < 0) return;
        this.#want(recording.runId, cursor.at);
      });
    });
  }

  #want(run: number | null, at: number): void {
    if (run !== this.#run) {
      this.#run = run;
      this.inspection = null;
      selection.key = null;
    }
    this.#wanted = at;
    this.asking = at !== this.at;
    if (!this.#busy && this.asking) void this.#ask();
  }

  async #ask(): Promise<void> {
    this.#busy = true;
    const run = this.#run;
    const at = this.#wanted;
    try {
      // the host connection is loaded with the first question: views that only read the answer
      // (the timeline's connectors) also live on pages without a host (the views' dev page)
      const { api } = await import('../api/api.ts');
      const inspection = await api.call('inspect', { at });
      if (run !== this.#run) return;
      this.inspection = inspection;
      this.at = at;
      this.failure = null;
    } catch (error) {
      if (run === this.#run)
        this.failure = {
          message: error instanceof Error ? error.message : String(error),
          problem: problemOf(error),
        };
    } finally {
      this.#busy = false;
      this.asking = this.#wanted !== this.at;
      if (this.asking && settings.frames && !this.failure) void this.#ask();
    }
  }
}

export const heap = new Heap();
