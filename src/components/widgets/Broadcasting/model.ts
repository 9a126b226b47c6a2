// The broadcasting figure's model: it runs the figure's code (two arange tensors of the chosen
// shapes, then `c = a + b` or `a += b`) with the engine and describes what the engine did:
// the result's shape, each operand's strides once expanded to it (0 where it is stretched),
// the element of each operand that every result element reads, and the values; or PyTorch's
// error, with the dim it names read from the engine's own shape check (broadcastGeometry).
// Nothing here recomputes the rule.
import { arange, broadcastGeometry, type Tensor, TorchError, tensor } from "torchlit";

/** The largest size of a dim, and the most dims, the figure takes. */
export const MAX_SIZE = 8;
export const MAX_DIMS = 4;
/** Results up to this many elements show their values. */
export const MAX_VALUES = 64;

export interface Shapes {
  a: number[];
  b: number[];
  inplace: boolean;
}

export interface Broadcast {
  shape: number[];
  /** Each operand's strides expanded to `shape`: 0 where it is stretched or was missing. */
  stridesA: number[];
  stridesB: number[];
  /** For each element of the result (row-major), the flat index of the operand's element. */
  sourcesA: number[];
  sourcesB: number[];
  /** The result's values, row-major. */
  values: number[];
}

/** One case of fixture.json (gen_fixture.py): what PyTorch did with the figure's code. */
export interface FixtureCase extends Shapes {
  code: string;
  result?: Broadcast;
  type?: string;
  message?: string;
}

/** One column of the figure: a dim of the result, counted from the left after padding. */
export interface Column {
  dim: number;
  /** The operand's size here, or null where it has no dim (padding counts it as 1). */
  a: number | null;
  b: number | null;
  /** The result's size, or null where the shapes do not broadcast. */
  out: number | null;
  stretchedA: boolean;
  stretchedB: boolean;
  /** The dim PyTorch's error is about. */
  marked: boolean;
}

export type Outcome =
  | {
      kind: "ok";
      code: string;
      shapes: Shapes;
      columns: Column[];
      result: Broadcast;
      /** The operands' values expanded to the result's shape (a's as they were before `a += b`). */
      expandedA: number[];
      expandedB: number[];
    }
  | {
      kind: "error";
      code: string;
      shapes: Shapes;
      columns: Column[];
      type: string;
      message: string;
      /** Why: two sizes that cannot pair up, or an in-place result that would have to grow. */
      reason:
        | { kind: "mismatch"; dim: number; sizeA: number; sizeB: number }
        | { kind: "grow"; shape: number[] };
    }
  | { kind: "invalid"; shapes: Shapes };

const numel = (shape: readonly number[]): number => shape.reduce((p, n) => p * n, 1);

/** The code that makes one operand; a's values count from 0, b's are 10, 20, … */
function make(name: "a" | "b", shape: readonly number[]): string {
  const n = numel(shape);
  const scaled = name === "b";
  if (shape.length === 0) return `${name} = torch.tensor(${scaled ? 10 : 0})`;
  const range = scaled ? `torch.arange(1, ${n + 1})` : `torch.arange(${n})`;
  const view = shape.length > 1 ? `.view(${shape.join(", ")})` : "";
  return `${name} = ${range}${view}${scaled ? " * 10" : ""}`;
}

/** The PyTorch code the figure runs for these shapes (gen_fixture.py builds the same). */
export function code({ a, b, inplace }: Shapes): string {
  return [make("a", a), make("b", b), inplace ? "a += b" : "c = a + b"].join("\n");
}

/** The operands as the code makes them, by the engine. */
function operands({ a, b }: Shapes): [Tensor, Tensor] {
  const ta = a.length === 0 ? tensor(0) : arange(numel(a)).view(a);
  const tb =
    b.length === 0
      ? tensor(10)
      : arange(1, numel(b) + 1)
          .view(b)
          .mul(10);
  return [ta, tb];
}

const list = (t: Tensor): number[] => (t.reshape(-1).tolist() as number[]).map(Number);

/** For each element of `out`, the flat index of the element of a tensor of `shape` it reads. */
function sources(shape: readonly number[], out: readonly number[]): number[] {
  const idx = shape.length === 0 ? tensor(0) : arange(numel(shape)).view([...shape]);
  return list(idx.expand([...out]));
}

function columns(s: Shapes, out: readonly number[] | null, strides?: [number[], number[]]) {
  const n = Math.max(s.a.length, s.b.length);
  const cols: Column[] = [];
  for (let dim = 0; dim < n; dim++) {
    const ia = dim - (n - s.a.length);
    const ib = dim - (n - s.b.length);
    const size = out ? (out[dim] as number) : null;
    cols.push({
      dim,
      a: ia >= 0 ? (s.a[ia] as number) : null,
      b: ib >= 0 ? (s.b[ib] as number) : null,
      out: size,
      // Stretched: expanding gave it stride 0 along a dim the result has more than once.
      stretchedA: strides !== undefined && size !== null && size > 1 && strides[0][dim] === 0,
      stretchedB: strides !== undefined && size !== null && size > 1 && strides[1][dim] === 0,
      marked: false,
    });
  }
  return cols;
}

export function validShapes(s: Shapes): boolean {
  const ok = (shape: number[]) =>
    shape.length <= MAX_DIMS && shape.every((n) => Number.isInteger(n) && n >= 0 && n <= MAX_SIZE);
  return ok(s.a) && ok(s.b);
}

export function evaluate(shapes: Shapes): Outcome {
  if (!validShapes(shapes)) return { kind: "invalid", shapes };
  const src = code(shapes);
  const [ta, tb] = operands(shapes);
  let r: Tensor;
  try {
    r = shapes.inplace ? ta.add_(tb) : ta.add(tb);
  } catch (err) {
    if (!(err instanceof TorchError)) throw err;
    const g = broadcastGeometry(shapes.a, shapes.b);
    const error = {
      kind: "error",
      code: src,
      shapes,
      type: err.pyType,
      message: err.message,
    } as const;
    if (g.mismatch) {
      const cols = columns(shapes, null);
      for (const c of cols) c.marked = c.dim === g.mismatch.dim;
      return { ...error, columns: cols, reason: { kind: "mismatch", ...g.mismatch } };
    }
    // In place: the shapes broadcast, but to a shape other than a's, and a cannot grow.
    const cols = columns(shapes, g.shape, [
      [...tensor(0).expand(g.shape).strides],
      [...tb.expand(g.shape).strides],
    ]);
    for (const c of cols) {
      c.marked = c.a === null || c.a !== c.out;
      c.stretchedA = false;
    }
    return { ...error, columns: cols, reason: { kind: "grow", shape: g.shape } };
  }
  const out = [...r.shape];
  const [ea, eb] = operands(shapes);
  const stridesA = [...ea.expand(out).strides];
  const stridesB = [...eb.expand(out).strides];
  const result: Broadcast = {
    shape: out,
    stridesA,
    stridesB,
    sourcesA: sources(shapes.a, out),
    sourcesB: sources(shapes.b, out),
    values: list(r),
  };
  return {
    kind: "ok",
    code: src,
    shapes,
    columns: columns(shapes, out, [stridesA, stridesB]),
    result,
    expandedA: list(ea.expand(out)),
    expandedB: list(eb.expand(out)),
  };
}

/** The shape pairs a figure offers when the lesson names none. */
export const DEFAULT_PRESETS: Shapes[] = [
  { a: [2, 1, 3], b: [4, 1], inplace: false },
  { a: [2, 3], b: [3], inplace: false },
  { a: [3, 1], b: [1, 4], inplace: false },
  { a: [3], b: [], inplace: false },
  { a: [2, 3], b: [2], inplace: false },
  { a: [3], b: [2, 3], inplace: true },
  { a: [2, 3], b: [3], inplace: true },
];
