// The code cell's editor, CodeMirror 6 with Python highlighting, loaded only when the reader
// first edits a cell (dynamic import from hydrate.ts), so it never weighs on a page's first load.
// Shift+Enter runs the cell, as in Jupyter; everything else is CodeMirror's standard keymap.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";

// Token colours come from CSS custom properties (CodeCell.astro) with light and dark values that
// pass WCAG AA contrast; CodeMirror's default style is light-only and too faint on dark pages.
const highlight = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.operatorKeyword],
    color: "var(--tl-code-keyword)",
  },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--tl-code-string)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--tl-code-number)" },
  { tag: tags.comment, color: "var(--tl-code-comment)", fontStyle: "italic" },
  {
    tag: [tags.function(tags.variableName), tags.definition(tags.variableName)],
    color: "var(--tl-code-function)",
  },
]);

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
        lineNumbers(),
        history(),
        indentOnInput(),
        python(),
        syntaxHighlighting(highlight),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": "Python code" }),
      ],
    }),
  });
  const pos = opts.at ? view.posAtCoords(opts.at) : null;
  view.dispatch({ selection: { anchor: pos ?? doc.length } });
  view.focus();
  return { getCode: () => view.state.doc.toString() };
}
