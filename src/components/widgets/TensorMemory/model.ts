// The tensor-memory figure's model: it evaluates an expression over x with the engine and
// describes the result's geometry as the engine has it (shape, strides, storage offset, whether
// it shares x's storage, the storage cell under each element). Nothing here recomputes layout:
// each element's storage cell is read from the engine's own as_strided over the cell numbers,
// and a failed view() is explained by the engine's stride check (viewGeometry).
//
// The expression is a documented subset of PyTorch: `x`, then any chain of
//   [i, a:b:c, None, ...]                       basic indexing (integers only)
//   .T  .t()  .transpose(a, b)  .permute(…)      reorder dimensions
//   .view(…)  .reshape(…)  .flatten()  .expand(…)  .unsqueeze(d)  .squeeze(d)  .narrow(d, s, n)
//   .contiguous()  .clone()
// with integer arguments (a shape may also be one tuple or list). Anything else is refused
// with `unsupported`, never guessed at.
import {
  arange,
  type IndexSpec,
  inferSize,
  type Tensor,
  TorchError,
  type ViewMismatch,
  viewGeometry,
} from "torchlit";

export interface Geometry {
  shape: number[];
  strides: number[];
  offset: number;
  contiguous: boolean;
  /** Whether the result views x's storage (false: a new storage, i.e. a copy). */
  sharesStorage: boolean;
  /** The storage's length in elements. */
  storageSize: number;
  /** For each element of the result in row-major order, its cell in the storage it uses. */
  cells: number[];
  /** The result's values in row-major order. */
  values: number[];
}

/** One case of fixture.json (gen_fixture.py): what PyTorch gave for an expression over a base. */
export interface FixtureCase {
  base: string;
  expression: string;
  result?: Geometry;
  type?: string;
  message?: string;
}

export type Outcome =
  | { kind: "ok"; input: Geometry; result: Geometry }
  | {
      kind: "error";
      input: Geometry;
      /** PyTorch's exception type and text, as the engine raises them. */
      type: string;
      message: string;
      /** For a view() that needs a copy: the geometry it was asked of and where it fails. */
      view: { of: Geometry; mismatch: ViewMismatch } | null;
    }
  | { kind: "unsupported"; input: Geometry; at: number };

/** The tensors the figure offers as x, by the PyTorch code that makes them. */
export const BASES: Record<string, () => Tensor> = {
  "torch.arange(12).view(3, 4)": () => arange(12).view(3, 4),
  "torch.arange(6).view(2, 3)": () => arange(6).view(2, 3),
  "torch.arange(24).view(2, 3, 4)": () => arange(24).view(2, 3, 4),
};

/** The expressions a figure offers when the lesson names none: views, copies, a failing view. */
export const DEFAULT_PRESETS = [
  "x[1:, ::2]",
  "x.t()",
  "x.view(2, 6)",
  "x.t().view(12)",
  "x.t().reshape(12)",
  "x.expand(2, 3, 4)",
  "x.t().contiguous()",
  "x.clone()",
];

export function geometry(t: Tensor, x: Tensor): Geometry {
  const storageSize = t.storage.numel;
  const cells = arange(storageSize).as_strided(t.shape, t.strides, t.offset);
  return {
    shape: [...t.shape],
    strides: [...t.strides],
    offset: t.offset,
    contiguous: t.isContiguous(),
    sharesStorage: t.storage === x.storage,
    storageSize,
    cells: (cells.reshape(-1).tolist() as number[]).map(Number),
    values: (t.reshape(-1).tolist() as number[]).map(Number),
  };
}

class Unsupported extends Error {
  constructor(readonly at: number) {
    super("unsupported");
  }
}

type Arg = number | null | number[];

/** A small tokenizer-parser over the subset; throws Unsupported with the offending position. */
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  private skip(): void {
    while (this.i < this.src.length && /\s/.test(this.src[this.i] as string)) this.i++;
  }
  private peek(): string {
    this.skip();
    return this.src[this.i] ?? "";
  }
  private eat(ch: string): boolean {
    if (this.peek() !== ch) return false;
    this.i++;
    return true;
  }
  private expect(ch: string): void {
    if (!this.eat(ch)) throw new Unsupported(this.i);
  }
  private name(): string {
    this.skip();
    const m = /^[A-Za-z_][A-Za-z_0-9]*/.exec(this.src.slice(this.i));
    if (!m) throw new Unsupported(this.i);
    this.i += m[0].length;
    return m[0];
  }
  private int(): number | null {
    this.skip();
    const m = /^-?\d+/.exec(this.src.slice(this.i));
    if (!m) return null;
    this.i += m[0].length;
    return Number(m[0]);
  }
  private needInt(): number {
    const n = this.int();
    if (n === null) throw new Unsupported(this.i);
    return n;
  }

  private index(): IndexSpec {
    this.skip();
    if (this.src.startsWith("...", this.i)) {
      this.i += 3;
      return "...";
    }
    if (this.src.startsWith("None", this.i)) {
      this.i += 4;
      return null;
    }
    const start = this.int();
    if (!this.eat(":")) {
      if (start === null) throw new Unsupported(this.i);
      return start;
    }
    const stop = this.int();
    let step: number | null = null;
    if (this.eat(":")) step = this.int();
    return { start, stop, step };
  }

  private args(): Arg[] {
    const out: Arg[] = [];
    if (this.eat(")")) return out;
    for (;;) {
      const open = this.peek();
      if (open === "(" || open === "[") {
        this.i++;
        const close = open === "(" ? ")" : "]";
        const list: number[] = [];
        if (!this.eat(close)) {
          do list.push(this.needInt());
          while (this.eat(",") && this.peek() !== close);
          this.expect(close);
        }
        out.push(list);
      } else out.push(this.needInt());
      if (this.eat(")")) return out;
      this.expect(",");
      if (this.eat(")")) return out;
    }
  }

  /** Parses the whole expression into steps over x. */
  parse(): Step[] {
    if (this.name() !== "x") throw new Unsupported(0);
    const steps: Step[] = [];
    for (;;) {
      const at = this.i;
      if (this.eat("[")) {
        const specs: IndexSpec[] = [];
        do specs.push(this.index());
        while (this.eat(",") && this.peek() !== "]");
        this.expect("]");
        steps.push({ at, kind: "index", specs });
      } else if (this.eat(".")) {
        const name = this.name();
        if (name === "T") steps.push({ at, kind: "call", name: "t", args: [] });
        else {
          if (!(name in METHODS)) throw new Unsupported(at + 1);
          this.expect("(");
          steps.push({ at, kind: "call", name, args: this.args() });
        }
      } else break;
    }
    if (this.peek() !== "") throw new Unsupported(this.i);
    return steps;
  }
}

type Step =
  | { at: number; kind: "index"; specs: IndexSpec[] }
  | { at: number; kind: "call"; name: string; args: Arg[] };

const ints = (args: Arg[]): number[] => args.map((a) => a as number);
const shapeOf = (args: Arg[]): number[] =>
  args.length === 1 && Array.isArray(args[0]) ? args[0] : ints(args);

const METHODS: Record<string, (t: Tensor, args: Arg[]) => Tensor> = {
  t: (t) => t.t(),
  transpose: (t, a) => t.transpose(...(ints(a) as [number, number])),
  permute: (t, a) => t.permute(shapeOf(a)),
  view: (t, a) => t.view(shapeOf(a)),
  reshape: (t, a) => t.reshape(shapeOf(a)),
  flatten: (t, a) => t.flatten(...ints(a)),
  expand: (t, a) => t.expand(shapeOf(a)),
  unsqueeze: (t, a) => t.unsqueeze(ints(a)[0] as number),
  squeeze: (t, a) => (a.length === 0 ? t.squeeze() : t.squeeze(ints(a)[0] as number)),
  narrow: (t, a) => t.narrow(...(ints(a) as [number, number, number])),
  contiguous: (t) => t.contiguous(),
  clone: (t) => t.clone(),
};

/** Evaluates `expression` over the base tensor named `base` (a key of BASES). */
export function evaluate(base: string, expression: string): Outcome {
  const make = BASES[base];
  if (!make) throw new Error(`unknown base tensor ${base}`);
  const x = make();
  const input = geometry(x, x);
  let steps: Step[];
  try {
    steps = new Parser(expression).parse();
  } catch (e) {
    if (e instanceof Unsupported) return { kind: "unsupported", input, at: e.at };
    throw e;
  }
  let t = x;
  for (const step of steps) {
    try {
      if (step.kind === "index") t = t.index(step.specs);
      else t = (METHODS[step.name] as (t: Tensor, a: Arg[]) => Tensor)(t, step.args);
    } catch (e) {
      if (!(e instanceof TorchError) && !(e instanceof TypeError)) throw e;
      const type = e instanceof TorchError ? e.pyType : "TypeError";
      let view: { of: Geometry; mismatch: ViewMismatch } | null = null;
      if (step.kind === "call" && step.name === "view" && e instanceof TorchError) {
        const asked = inferSizeOrNull(shapeOf(step.args), t.numel());
        const g = asked && viewGeometry(t.shape, t.strides, asked);
        if (g?.mismatch) view = { of: geometry(t, x), mismatch: g.mismatch };
      }
      return { kind: "error", input, type, message: e.message, view };
    }
  }
  return { kind: "ok", input, result: geometry(t, x) };
}

function inferSizeOrNull(shape: number[], numel: number): number[] | null {
  try {
    return inferSize(shape, numel);
  } catch {
    return null;
  }
}
