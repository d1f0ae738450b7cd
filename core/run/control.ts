/**
 * The control block shared between the host and the worker (a SharedArrayBuffer), so the host can
 * pause, step and stop Python while the worker's thread is busy running it.
 *
 * Slot 0 is Pyodide's interrupt buffer: the host writes a signal number there and Python handles it
 * at its next bytecode boundary (SIGINT stops; PAUSE_SIGNAL enters the pause gate even inside a loop
 * that records nothing). Slot 1 is the host's answer to a paused worker (an Action), slot 2 why
 * the host ended the run, slots 3 and 4 the next window of events an inspector's re-run shows
 * (core/inspect), read when it is resumed, slot 5 counts the lines of input the host has sent (on
 * the input port), slot 6 whether the worker's Python has left the run, slots 7 and 8 how many pauses
 * the host has asked for and how many of them a hold has met.
 *
 * A pause signal can be lost (Pyodide reads its buffer, then clears it: a write in between is
 * gone), so the host raises it again until a hold meets the pause; the counts let the worker tell
 * such a repeat, arriving after the hold, from a new pause.
 */

export const SIGINT = 2;
/** The probe learns it at load time (core/probe/load.ts). */
export const PAUSE_SIGNAL = 10;
/** Raised by the worker when the program's folder changed; the probe learns it at load time. */
export const FILE_SIGNAL = 12;

/** The host's answers to a paused run; the probe learns them at load time (core/probe/load.ts). */
export const Action = { none: 0, resume: 1, stepEvent: 2, stepSwitch: 3, stop: 4 } as const;
export const EndReason = { none: 0, stopped: 1, timeout: 2 } as const;

const INTERRUPT = 0;
const ACTION = 1;
const REASON = 2;
const WINDOW_FIRST = 3;
const WINDOW_LAST = 4;
const INPUT = 5;
const LEFT = 6;
const PAUSES_ASKED = 7;
const PAUSES_MET = 8;

export function createControl(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(9 * 4));
}

/** The view Pyodide's setInterruptBuffer takes. */
export function interruptBuffer(control: Int32Array): Int32Array {
  return new Int32Array(control.buffer, 0, 1);
}

export function resetControl(control: Int32Array): void {
  control.fill(0);
}

export function requestPause(control: Int32Array): void {
  Atomics.add(control, PAUSES_ASKED, 1);
  repeatPause(control);
}

/**
 * Host side, until the worker acknowledges a hold: raises the pause signal (again) if no hold has met
 * the pause and no signal is pending (a stop, or the worker's own, goes first and is not overwritten).
 */
export function repeatPause(control: Int32Array): void {
  if (pauseOutstanding(control)) Atomics.compareExchange(control, INTERRUPT, 0, PAUSE_SIGNAL);
}

/** Whether the host has asked for a pause no hold has met yet: a pause signal is obeyed only then. */
export function pauseOutstanding(control: Int32Array): boolean {
  return Atomics.load(control, PAUSES_ASKED) > Atomics.load(control, PAUSES_MET);
}

/** Worker side, as it holds: every pause asked for so far is met by this hold. */
export function pausesMet(control: Int32Array): void {
  Atomics.store(control, PAUSES_MET, Atomics.load(control, PAUSES_ASKED));
}

export function answer(control: Int32Array, action: number): void {
  Atomics.store(control, ACTION, action);
  Atomics.notify(control, ACTION);
}

/**
 * The interrupt goes in before the stop answer: a paused worker woken by the answer withdraws the
 * interrupt (waitForAnswer), which it can only do once the interrupt is there; raised after, it would
 * strike the run's clean-up.
 */
export function requestEnd(control: Int32Array, reason: number): void {
  Atomics.store(control, REASON, reason);
  Atomics.store(control, INTERRUPT, SIGINT);
  answer(control, Action.stop);
  Atomics.notify(control, INPUT); // a worker waiting for input stops waiting
}

/** Host side: a line of input was posted on the input port. */
export function inputSent(control: Int32Array): void {
  Atomics.add(control, INPUT, 1);
  Atomics.notify(control, INPUT);
}

/**
 * Worker side: blocks until `receive` gives the line the host sent (the input port's next message),
 * or the host ends the run (false).
 */
export function waitForInput<T>(control: Int32Array, receive: () => T | undefined): T | false {
  for (;;) {
    const sent = Atomics.load(control, INPUT);
    const received = receive();
    if (received !== undefined) return received;
    if (endReason(control) !== EndReason.none) return false;
    Atomics.wait(control, INPUT, sent, 1000);
  }
}

/** Resumes a held inspector's re-run, to show event counts first..last and hold at last. */
export function moveWindow(control: Int32Array, first: number, last: number): void {
  Atomics.store(control, WINDOW_FIRST, first);
  Atomics.store(control, WINDOW_LAST, last);
  answer(control, Action.resume);
}

/** Worker side: the window moveWindow named. */
export function windowOf(control: Int32Array): [first: number, last: number] {
  return [Atomics.load(control, WINDOW_FIRST), Atomics.load(control, WINDOW_LAST)];
}

/** Worker side: raises a signal of its own, unless one is pending (a pause or a stop goes first). */
export function raiseSignal(control: Int32Array, signal: number): void {
  Atomics.compareExchange(control, INTERRUPT, 0, signal);
}

export function endReason(control: Int32Array): number {
  return Atomics.load(control, REASON);
}

/** Worker side: Python has left the run (its summary follows), so a stop has been obeyed. */
export function leftRun(control: Int32Array): void {
  Atomics.store(control, LEFT, 1);
}

/**
 * Whether the worker's Python has left the run: a host still busy with the run's last batches may
 * receive its summary well after that, and must not take the wait for a program ignoring a stop.
 */
export function hasLeftRun(control: Int32Array): boolean {
  return Atomics.load(control, LEFT) === 1;
}

/** Worker side: takes back an interrupt the host raised to stop the run, which is stopping already. */
export function withdrawInterrupt(control: Int32Array): void {
  Atomics.store(control, INTERRUPT, 0);
}

/**
 * Worker side: block until the host answers; a stop also withdraws the pending interrupt, any other
 * answer a pause signal the host repeated before it heard of this hold (the hold met that pause).
 */
export function waitForAnswer(control: Int32Array): number {
  for (;;) {
    const action = Atomics.exchange(control, ACTION, Action.none);
    if (action !== Action.none) {
      if (action === Action.stop) Atomics.store(control, INTERRUPT, 0);
      else if (!pauseOutstanding(control)) Atomics.compareExchange(control, INTERRUPT, PAUSE_SIGNAL, 0);
      return action;
    }
    Atomics.wait(control, ACTION, Action.none, 1000);
  }
}
