// What every Python editor on the site shares (code cells, exercises): CodeMirror 6's line
// numbers, history, indentation and Python language, and a highlight style whose token colours
// are CSS custom properties with light and dark values that pass WCAG AA (CodeMirror's default
// style is light-only and too faint on dark pages). Long lines wrap: nothing is cut off at the
// right, on phones neither, and there is no scroll region a keyboard cannot reach.
// Imported only by the editors' lazy chunks.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";

/**
 * The shared extensions. `colours` is the prefix of the component's colour properties
 * (`--tl-code-keyword` for "--tl-code"); `label` names the editor for assistive technology.
 */
export function pythonEditing(colours: string, label: string): Extension[] {
  const highlight = HighlightStyle.define([
    {
      tag: [tags.keyword, tags.controlKeyword, tags.operatorKeyword],
      color: `var(${colours}-keyword)`,
    },
    { tag: [tags.string, tags.special(tags.string)], color: `var(${colours}-string)` },
    { tag: [tags.number, tags.bool, tags.null], color: `var(${colours}-number)` },
    { tag: tags.comment, color: `var(${colours}-comment)`, fontStyle: "italic" },
    {
      tag: [tags.function(tags.variableName), tags.definition(tags.variableName)],
      color: `var(${colours}-function)`,
    },
  ]);
  return [
    lineNumbers(),
    history(),
    indentOnInput(),
    python(),
    syntaxHighlighting(highlight),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ "aria-label": label }),
    // CodeMirror's base theme paints a light gutter, caret and selection, also on dark pages:
    // take them from the page's theme instead.
    EditorView.theme({
      ".cm-gutters": {
        backgroundColor: "transparent",
        color: "var(--sl-color-gray-2)",
        borderRight: "1px solid var(--sl-color-gray-5)",
      },
      ".cm-activeLineGutter": { backgroundColor: "transparent", color: "var(--sl-color-text)" },
      ".cm-content": { caretColor: "var(--sl-color-text)" },
      ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--sl-color-text)" },
      "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground":
        { backgroundColor: "var(--sl-color-gray-5)" },
    }),
  ];
}
