// The exercise editor: CodeMirror 6 with Python highlighting, replacing the server-rendered
// <textarea> once the page has loaded (dynamic import, off the first-load budget). Until then,
// and if CodeMirror fails to load, the textarea is the editor; both speak ExerciseEditor.
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { pythonEditing } from "../../lib/python-editing.ts";
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
        // Token colours: Exercise.astro's --tl-ex-* properties (the code cells' palette).
        ...pythonEditing("--tl-ex", label),
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
