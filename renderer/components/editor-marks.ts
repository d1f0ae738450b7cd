/**
 * The editor's run marks: the line the cursor's event ran (highlighted), and the line where the
 * program failed (highlighted, with the error's message shown under it). Plain CodeMirror state, so
 * the Svelte component only says which lines.
 */
import { StateEffect, StateField, type EditorState, type Range } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';

export interface RunMarks {
  runLine: number | null;
  error: { line: number; message: string } | null;
  /** Lines a lesson step points at. */
  focus: readonly number[];
}

export const setRunMarks = StateEffect.define<RunMarks>();

class ErrorMessage extends WidgetType {
  constructor(readonly message: string) {
    super();
  }
  eq(other: ErrorMessage): boolean {
    return other.message === this.message;
  }
  toDOM(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'cm-run-error-message';
    div.setAttribute('data-testid', 'editor-error-message');
    div.textContent = this.message;
    return div;
  }
}

const runLine = Decoration.line({ class: 'cm-run-line', attributes: { 'data-testid': 'editor-run-line' } });
const focusLine = Decoration.line({
  class: 'cm-focus-line',
  attributes: { 'data-testid': 'editor-focus-line' },
});
const errorLine = Decoration.line({
  class: 'cm-run-error-line',
  attributes: { 'data-testid': 'editor-error-line' },
});

function decorate(state: EditorState, marks: RunMarks): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  const lines = state.doc.lines;
  const valid = (n: number | null | undefined): n is number => typeof n === 'number' && n >= 1 && n <= lines;
  const error = marks.error && valid(marks.error.line) ? marks.error : null;
  for (const line of marks.focus) if (valid(line)) ranges.push(focusLine.range(state.doc.line(line).from));
  if (valid(marks.runLine) && marks.runLine !== error?.line)
    ranges.push(runLine.range(state.doc.line(marks.runLine).from));
  if (error) {
    const line = state.doc.line(error.line);
    ranges.push(errorLine.range(line.from));
    ranges.push(
      Decoration.widget({ widget: new ErrorMessage(error.message), block: true, side: 1 }).range(line.to),
    );
  }
  return Decoration.set(ranges, true);
}

export const runMarks = StateField.define<{ marks: RunMarks; decorations: DecorationSet }>({
  create: (state) => {
    const marks = { runLine: null, error: null, focus: [] };
    return { marks, decorations: decorate(state, marks) };
  },
  update(value, tr) {
    let marks = value.marks;
    for (const effect of tr.effects) if (effect.is(setRunMarks)) marks = effect.value;
    if (marks === value.marks && !tr.docChanged) return value;
    return { marks, decorations: decorate(tr.state, marks) };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
});
