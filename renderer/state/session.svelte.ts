/**
 * The session as the renderer sees it: the host's greeting, Python's readiness, and the current run
 * (live or opened from a file) with its trace, which grows batch by batch as events arrive.
 */
import type { ReadyProgress, RunSummary } from '../api/types.ts';
import type { Hello, RunState, SessionEvent } from '../../core/session/protocol.ts';
import { Trace } from '../../core/trace/trace.ts';
import { findProgramError, type ProgramError } from './problems.ts';
import { oncePerFrame } from '../lib/once-per-frame.ts';

/** A failed request, said in words: what the user tried, and why it did not work. */
export interface Notice {
  action: string;
  message: string;
}

class Session {
  hello = $state.raw<Hello | null>(null);
  python = $state.raw<ReadyProgress>({ phase: 'starting', fraction: 0 });
  runId = $state<number | null>(null);
  origin = $state<'live' | 'file' | null>(null);
  name = $state('');
  state = $state<RunState | 'idle'>('idle');
  summary = $state.raw<RunSummary | null>(null);
  /** The trace object is replaced per run and mutated in place by appends: views watch `version`. */
  trace = $state.raw(new Trace());
  version = $state(0);
  programError = $state.raw<ProgramError | null>(null);
  notice = $state.raw<Notice | null>(null);

  receive(event: SessionEvent): void {
    switch (event.type) {
      case 'python':
        this.python = event.progress;
        break;
      case 'start':
        this.runId = event.runId;
        this.origin = event.source;
        this.name = event.name;
        this.state = 'running';
        this.summary = null;
        this.programError = null;
        this.trace = new Trace();
        this.version++;
        break;
      case 'batch':
        if (event.runId === this.runId) this.append(event.batch);
        break;
      case 'state':
        if (event.runId !== this.runId) break;
        this.state = event.state;
        if (event.summary) this.summary = event.summary;
        break;
    }
  }

  private append(batch: Parameters<Trace['append']>[0]): void {
    const from = this.trace.size;
    try {
      this.trace.append(batch);
    } catch (error) {
      this.fail('Showing the run', error);
      return;
    }
    this.programError = findProgramError(this.trace, from) ?? this.programError;
    this.announceAppend();
  }

  /** Views re-derive from the trace when `version` moves: at most once a frame, however many batches land. */
  private announceAppend = oncePerFrame(() => this.version++);

  greet(hello: Hello): void {
    this.hello = hello;
    this.python = hello.python;
  }

  fail(action: string, error: unknown): void {
    this.notice = { action, message: error instanceof Error ? error.message : String(error) };
  }

  dismiss(): void {
    this.notice = null;
  }
}

export const session = new Session();
