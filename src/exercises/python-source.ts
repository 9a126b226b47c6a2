// Small facts about Python source that the exercise loader and grader need without running
// Python: the code with its comments removed (to check that a starter's Chinese and English
// versions differ only in comments) and the normal form that "unchanged" compares.
// It is no Python parser: strings and comments are all it tells apart.

/** Line endings, trailing spaces and blank lines do not count as changing the code. */
export function normaliseSource(code: string): string {
  return code
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line !== "")
    .join("\n");
}

/** The source with every `#` comment removed (a `#` inside a string literal stays). */
export function withoutComments(code: string): string {
  let out = "";
  let i = 0;
  while (i < code.length) {
    const c = code[i] as string;
    if (c === "#") {
      while (i < code.length && code[i] !== "\n") i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const triple = code.startsWith(c.repeat(3), i);
      const end = triple ? c.repeat(3) : c;
      let j = i + end.length;
      while (j < code.length && !code.startsWith(end, j)) {
        if (code[j] === "\\") j++;
        else if (!triple && code[j] === "\n") break;
        j++;
      }
      j = Math.min(code.length, j + end.length);
      out += code.slice(i, j);
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Whether two sources are the same program once comments and blank lines are ignored. */
export function sameCode(a: string, b: string): boolean {
  return normaliseSource(withoutComments(a)) === normaliseSource(withoutComments(b));
}
