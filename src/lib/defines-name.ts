// Whether a cell's source binds a name at its top level, read from the text alone (no Python):
// `name = …`, `a, name = …`, `name += …`, `def name(`, `class name`, `import name`,
// `from m import name`, `import m as name`, `for name in`, `with … as name`. Used to tell a
// reader who ran a cell out of order that an earlier cell defines the missing name. A miss only
// loses the hint; a false hit offers "Run all above", which is harmless.

/** The name a NameError's message says is missing, e.g. "x" for `name 'x' is not defined`. */
export function missingName(text: string): string | null {
  const m = /NameError: name '([A-Za-z_]\w*)' is not defined/.exec(text);
  return m ? (m[1] as string) : null;
}

/** Whether `source` binds `name` (see the header for the forms recognised). */
export function definesName(source: string, name: string): boolean {
  if (!/^[A-Za-z_]\w*$/.test(name)) return false;
  const forms = [
    // Assignment targets, also tuple targets and augmented assignment: `a, x = …`, `x += 1`.
    new RegExp(
      `^[ \\t]*(?:[A-Za-z_][\\w.]*\\s*,\\s*)*\\(?${name}\\)?\\s*(?:,[^=\\n]*)?(?::[^=\\n]+)?(?:[-+*/%@&|^]|//|\\*\\*|<<|>>)?=(?!=)`,
      "m",
    ),
    new RegExp(`^[ \\t]*(?:async\\s+)?(?:def|class)\\s+${name}\\b`, "m"),
    new RegExp(`^[ \\t]*import\\s+(?:[\\w.]+\\s*,\\s*)*${name}\\b(?!\\.)`, "m"),
    new RegExp(`^[ \\t]*(?:from\\s+[\\w.]+\\s+)?import\\s+[^\\n]*\\bas\\s+${name}\\b`, "m"),
    new RegExp(`^[ \\t]*from\\s+[\\w.]+\\s+import\\s+\\(?[^\\n]*\\b${name}\\b`, "m"),
    new RegExp(`^[ \\t]*(?:async\\s+)?for\\s+(?:[\\w]+\\s*,\\s*)*${name}\\b[^\\n]*\\bin\\b`, "m"),
    new RegExp(`^[ \\t]*(?:async\\s+)?with\\s+[^\\n]*\\bas\\s+\\(?${name}\\b`, "m"),
  ];
  return forms.some((re) => re.test(source));
}
