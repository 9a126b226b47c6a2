// The per-tensor element formatter (torch._tensor_str._Formatter in 1.13): it
// looks at the values that will be printed, picks integer / fixed / scientific
// mode and a common width, then formats single elements to that width.
// It sees numbers only; which elements to show is the layout's business.

import { formatExponent, formatFixed, pyIntStr } from "./py-float.ts";

/** How a tensor's elements are written: bool, integer or floating point. */
export type ElementKind = "bool" | "int" | "float";

/** Formats one element of a tensor; every result is padded to `width`. */
export interface ElementFormatter {
  readonly kind: ElementKind;
  /** All printed numbers are integers (floats print as "3."). */
  readonly intMode: boolean;
  /** Floats print in exponent form ("1.2346e+03"). */
  readonly sciMode: boolean;
  /** Width of the widest element, in characters. */
  readonly width: number;
  format(value: number | bigint): string;
}

/** The formatter's inputs besides the values. */
export interface FormatterOptions {
  precision: number;
  /** null: choose automatically; true/false: override (floats only). */
  sciMode: boolean | null;
}

function scalarText(kind: ElementKind, value: number | bigint): string {
  if (kind === "bool") return value === 0 || value === 0n ? "False" : "True";
  return pyIntStr(value);
}

/**
 * Builds the formatter from the printed values (for a summarized tensor only
 * the edge elements, as PyTorch's get_summarized_data gives them).
 */
export function makeElementFormatter(
  kind: ElementKind,
  values: ArrayLike<number | bigint>,
  opts: FormatterOptions,
): ElementFormatter {
  const forEach = (visit: (value: number | bigint) => void): void => {
    for (let i = 0; i < values.length; i++) visit(values[i] as number | bigint);
  };
  const { precision } = opts;
  let intMode = true;
  let sciMode = false;
  let width = 1;

  if (kind !== "float") {
    forEach((v) => {
      width = Math.max(width, scalarText(kind, v).length);
    });
  } else {
    // PyTorch first gathers the nonzero finite values; ratios are taken in float64.
    let count = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = 0;
    forEach((v) => {
      const x = Number(v);
      if (!Number.isFinite(x) || x === 0) return;
      count += 1;
      const a = Math.abs(x);
      if (a < min) min = a;
      if (a > max) max = a;
      if (x !== Math.ceil(x)) intMode = false;
    });
    const eachNonzeroFinite = (visit: (x: number) => void): void =>
      forEach((v) => {
        const x = Number(v);
        if (Number.isFinite(x) && x !== 0) visit(x);
      });

    // With no nonzero finite value PyTorch returns early, before applying the
    // sci_mode print option: all-zero / all-nan tensors ignore it.
    if (count === 0) return buildFormatter(kind, intMode, sciMode, width, precision);

    if (intMode) {
      if (max / min > 1000.0 || max > 1.0e8) {
        sciMode = true;
        eachNonzeroFinite((x) => {
          width = Math.max(width, formatExponent(x, precision).length);
        });
      } else {
        // One extra column for the trailing "." of "3."
        eachNonzeroFinite((x) => {
          width = Math.max(width, formatFixed(x, 0).length + 1);
        });
      }
    } else if (max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4) {
      sciMode = true;
      eachNonzeroFinite((x) => {
        width = Math.max(width, formatExponent(x, precision).length);
      });
    } else {
      eachNonzeroFinite((x) => {
        width = Math.max(width, formatFixed(x, precision).length);
      });
    }
  }
  if (opts.sciMode !== null) sciMode = opts.sciMode;
  return buildFormatter(kind, intMode, sciMode, width, precision);
}

function buildFormatter(
  kind: ElementKind,
  intMode: boolean,
  sciMode: boolean,
  width: number,
  precision: number,
): ElementFormatter {
  const pad = (s: string): string => (s.length < width ? " ".repeat(width - s.length) + s : s);
  const format = (value: number | bigint): string => {
    if (kind !== "float") return pad(scalarText(kind, value));
    const x = Number(value);
    if (sciMode) return pad(formatExponent(x, precision));
    if (intMode) {
      const s = formatFixed(x, 0);
      return pad(Number.isFinite(x) ? `${s}.` : s);
    }
    return pad(formatFixed(x, precision));
  };
  return { kind, intMode, sciMode, width, format };
}
