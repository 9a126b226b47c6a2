// The code cell's editor, CodeMirror 6 with Python highlighting, loaded only when the reader
// first edits a cell (dynamic import from hydrate.ts), so it never weighs on a page's first load.
// Shift+Enter runs the cell, as in Jupyter; everything else is CodeMirror's standard keymap.
import { EditorState, Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { pythonEditing } from "../../lib/python-editing.ts";

export interface EditorOptions {
  onRun: () => void;
  /** Screen point the reader clicked, to put the cursor there. */
  at?: { x: number; y: number } | undefined;
}

export function createEditor(parent: HTMLElement, doc: string, opts: EditorOptions) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        Prec.highest(
          keymap.of([
            {
              key: "Shift-Enter",
              run: () => {
                opts.onRun();
                return true;
              },
            },
          ]),
        ),
        // Token colours: CodeCell.astro's --tl-code-* properties.
        ...pythonEditing("--tl-code", "Python code"),
      ],
    }),
  });
  const pos = opts.at ? view.posAtCoords(opts.at) : null;
  view.dispatch({ selection: { anchor: pos ?? doc.length } });
  view.focus();
  return { getCode: () => view.state.doc.toString() };
}
