// The inline Markdown that feedback texts and predict options use, as HTML: `code` spans,
// **strong** and *emphasis*, everything else escaped. Feedback can quote the reader's values and
// error messages, so an asterisk only marks up when it opens after a non-alphanumeric and
// closes before one, with no space inside its ends (`2 * x`, `a*b` and `for *: 'int'` stay
// text). Shared by the exercise client, Exercise.astro and the e2e tests' expected texts.

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STRONG = /(?<![A-Za-z0-9*])\*\*(?=\S)([^*]*?\S)\*\*(?![A-Za-z0-9*])/g;
const EM = /(?<![A-Za-z0-9*])\*(?=\S)([^*]*?\S)\*(?![A-Za-z0-9*])/g;

/** `text` as HTML: code spans, then strong and emphasis outside them. */
export function inlineMarkup(text: string): string {
  return escapeHtml(text)
    .split(/(`[^`]+`)/)
    .map((part, i) =>
      i % 2 === 1
        ? `<code>${part.slice(1, -1)}</code>`
        : part.replace(STRONG, "<strong>$1</strong>").replace(EM, "<em>$1</em>"),
    )
    .join("");
}

/** What a reader sees of `text` once marked up: the markers gone, the words kept. */
export function inlineText(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part, i) =>
      i % 2 === 1 ? part.slice(1, -1) : part.replace(STRONG, "$1").replace(EM, "$1"),
    )
    .join("");
}
