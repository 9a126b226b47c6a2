// The exercise editor: CodeMirror 6 with Python highlighting, replacing the server-rendered
// <textarea> once the page has loaded (dynamic import, off the first-load budget). Until then,
// and if CodeMirror fails to load, the textarea is the editor; both speak ExerciseEditor.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import type { ExerciseEditor } from "./exercise-client.ts";

// Token colours are CSS custom properties with light and dark values (Exercise.astro) that pass
// WCAG AA; CodeMirror's default style is light-only. Same palette as the code cells.
const highlight = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.operatorKeyword],
    color: "var(--tl-ex-keyword)",
  },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--tl-ex-string)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--tl-ex-number)" },
  { tag: tags.comment, color: "var(--tl-ex-comment)", fontStyle: "italic" },
  {
    tag: [tags.function(tags.variableName), tags.definition(tags.variableName)],
    color: "var(--tl-ex-function)",
  },
]);

export function codeMirrorEditor(
  parent: HTMLElement,
  doc: string,
  label: string,
  onChange: () => void,
): ExerciseEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        indentOnInput(),
        python(),
        syntaxHighlighting(highlight),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange();
        }),
      ],
    }),
  });
  return {
    kind: "codemirror",
    getCode: () => view.state.doc.toString(),
    setCode: (code) =>
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } }),
    focus: () => view.focus(),
  };
}
