// Small pieces the widgets share: HTML escaping for markup built as strings (the same function
// renders a figure's first paint at build time and its updates in the browser), PyTorch's
// spelling of sizes and strides, filling {placeholders} in a UI string, and the row-major index
// of an element.

export function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A tuple as Python prints it: (4,), (1, 4), (). */
export function pyTuple(items: readonly number[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

/** torch.Size as PyTorch prints it: torch.Size([4, 3]). */
export function pySize(shape: readonly number[]): string {
  return `torch.Size([${shape.join(", ")}])`;
}

/** Replaces {name} in a UI string with the given values (already escaped when they are HTML). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** The row-major multi-index of flat position p in a tensor of `shape`. */
export function multiIndex(p: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(0);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    out[d] = p % n;
    p = Math.floor(p / n);
  }
  return out;
}
