/** The editor's CodeMirror extensions: Python, line numbers, history, and colours from the app's theme variables. */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { runMarks } from './editor-marks.ts';

const highlight = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword],
    color: 'var(--syntax-keyword)',
  },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--syntax-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--syntax-number)' },
  { tag: [tags.comment], color: 'var(--syntax-comment)', fontStyle: 'italic' },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName))],
    color: 'var(--syntax-function)',
  },
  { tag: [tags.definition(tags.className), tags.className], color: 'var(--syntax-class)' },
  { tag: [tags.operator], color: 'var(--syntax-operator)' },
]);

const theme = EditorView.theme({
  '&': {
    height: '100%',
    color: 'var(--fg)',
    backgroundColor: 'var(--code-bg)',
    fontSize: 'var(--code-size)',
  },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-lineNumbers .cm-gutterElement': { cursor: 'pointer' },
  '.cm-gutters': {
    backgroundColor: 'var(--panel)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--selection)' },
  '.cm-run-line': { backgroundColor: 'var(--run-line)', boxShadow: 'inset 3px 0 0 var(--accent)' },
  // What a lesson step talks about: outlined, so the run line's colour still shows through.
  '.cm-focus-line': { outline: '2px solid var(--warn)', outlineOffset: '-2px' },
  '.cm-run-error-line': { backgroundColor: 'var(--error-line)', boxShadow: 'inset 3px 0 0 var(--danger)' },
  '.cm-run-error-message': {
    fontFamily: 'var(--font-ui)',
    color: 'var(--danger)',
    padding: '0.1em 0.6em 0.2em 1.2em',
    borderLeft: '3px solid var(--danger)',
    backgroundColor: 'var(--error-line)',
  },
});

/** Whether the text can be changed: not while the editor shows an opened trace's program. */
export const editable = new Compartment();

export function editableWhen(yes: boolean): Extension {
  return [EditorState.readOnly.of(!yes), EditorView.editable.of(yes)];
}

/** The editor's accessible name, swapped when the interface changes language. */
export const named = new Compartment();

/** `hint` says how to leave the editor by keyboard (Tab indents there). */
export function nameOf(name: string, hint: string): Extension {
  return EditorView.contentAttributes.of({
    'aria-label': name,
    'aria-description': hint,
    'data-testid': 'editor-content',
  });
}

/**
 * `onLineNumber`: a line number was clicked ("run to here": the cursor moves to when that line runs).
 * `canEdit`: false shows the program without letting it be edited (an opened trace's).
 */
export function editorExtensions(
  onEdit: (text: string) => void,
  name: Extension,
  onLineNumber: (line: number) => void,
  canEdit = true,
): Extension[] {
  return [
    lineNumbers({
      domEventHandlers: {
        mousedown: (view, block) => {
          onLineNumber(view.state.doc.lineAt(block.from).number);
          return true;
        },
      },
    }),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    python(),
    syntaxHighlighting(highlight),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    runMarks,
    theme,
    named.of(name),
    editable.of(editableWhen(canEdit)),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onEdit(update.state.doc.toString());
    }),
  ];
}
