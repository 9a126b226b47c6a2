// The exercise editor: CodeMirror 6 with Python highlighting, replacing the server-rendered
// <textarea> once the page has loaded (dynamic import, off the first-load budget). Until then,
// and if CodeMirror fails to load, the textarea is the editor; both speak ExerciseEditor.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { defaultHighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";
import type { ExerciseEditor } from "./exercise-client.ts";

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
        syntaxHighlighting(defaultHighlightStyle),
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
  };
}
