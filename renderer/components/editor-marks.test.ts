import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { runMarks, setRunMarks } from './editor-marks.ts';

function marked(doc: string, marks: Parameters<typeof setRunMarks.of>[0]) {
  const state = EditorState.create({ doc, extensions: [runMarks] });
  const next = state.update({ effects: setRunMarks.of(marks) }).state;
  const found: { line: number; what: string }[] = [];
  next.field(runMarks).decorations.between(0, next.doc.length, (from, _to, deco) => {
    const what = deco.spec.class ?? (deco.spec.widget ? 'message' : '?');
    found.push({ line: next.doc.lineAt(from).number, what });
  });
  return found;
}

describe('runMarks', () => {
  it('marks the run line, and the error line with its message below it', () => {
    expect(marked('a\nb\nc\nd', { runLine: 2, error: { line: 4, message: 'boom' }, focus: [] })).toEqual([
      { line: 2, what: 'cm-run-line' },
      { line: 4, what: 'cm-run-error-line' },
      { line: 4, what: 'message' },
    ]);
  });

  it('lets the error win when both are on one line, and ignores lines past the end', () => {
    expect(marked('a\nb', { runLine: 2, error: { line: 2, message: 'x' }, focus: [] })).toEqual([
      { line: 2, what: 'cm-run-error-line' },
      { line: 2, what: 'message' },
    ]);
    expect(marked('a\nb', { runLine: 9, error: { line: 0, message: 'x' }, focus: [9] })).toEqual([]);
  });

  it('marks the lines a lesson step points at, beside the run line', () => {
    expect(marked('a\nb\nc', { runLine: 2, error: null, focus: [1, 2] })).toEqual([
      { line: 1, what: 'cm-focus-line' },
      { line: 2, what: 'cm-focus-line' },
      { line: 2, what: 'cm-run-line' },
    ]);
  });
});
