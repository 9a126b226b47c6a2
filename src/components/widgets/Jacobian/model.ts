// The Jacobian figure's model: it runs the figure's code with the engine. x is a leaf tensor
// that requires grad, y = f(x) for one of five functions from R² to R²; J is assembled from one
// VJP per output (y.backward(e_i, retain_graph=True), as torch.autograd.functional.jacobian
// does); x.grad after y.backward(v) is the live VJP, beside v @ J. The warped grid is the engine
// evaluating f on a batch of grid points. Nothing shown is computed here by hand.
import { noGrad, stack, type Tensor, tensor } from "torchlit";

/** The grid both handles snap to, and how far each coordinate may go. */
export const STEP = 0.25;
export const LIMIT = 2;
/** The input grid drawn around x: lines every STEP out to ±PATCH, sampled every STEP / 2. */
export const PATCH = 1;

export type FnName = "linear" | "rotate" | "square" | "sine" | "polar";
export type Pair = [number, number];

export interface State {
  fn: FnName;
  x: Pair;
  v: Pair;
}

interface Fn {
  /** The line(s) of PyTorch that make y from x, as the figure shows them. */
  code: string;
  /** The same code on the engine; x may be (2,) or (2, N): x[0] and x[1] are then rows. */
  run: (x: Tensor) => Tensor;
}

// Coordinates like 1 are JavaScript integers: the dtype says float32, as 1.0 does in Python.
const F32 = { dtype: "float32" } as const;

const A = [
  [1.5, 0.5],
  [-0.5, 1.0],
];

/** The functions offered, as gen_fixture.py writes them (the fixture keeps the code too). */
export const FUNCTIONS: Record<FnName, Fn> = {
  linear: {
    code: "A = torch.tensor([[1.5, 0.5], [-0.5, 1.0]])\ny = A @ x",
    run: (x) => tensor(A, F32).matmul(x),
  },
  rotate: {
    code: "y = torch.stack([x[0] - x[1], x[0] + x[1]])",
    run: (x) => stack([x.select(0, 0).sub(x.select(0, 1)), x.select(0, 0).add(x.select(0, 1))]),
  },
  square: {
    code: "y = torch.stack([x[0] ** 2 - x[1] ** 2, 2 * x[0] * x[1]])",
    run: (x) =>
      stack([
        x.select(0, 0).pow(2).sub(x.select(0, 1).pow(2)),
        x.select(0, 0).mul(2).mul(x.select(0, 1)),
      ]),
  },
  sine: {
    code: "y = torch.stack([torch.sin(x[0]) + x[1], x[0] * x[1]])",
    run: (x) =>
      stack([x.select(0, 0).sin().add(x.select(0, 1)), x.select(0, 0).mul(x.select(0, 1))]),
  },
  polar: {
    code: "y = torch.stack([x[0] * torch.cos(x[1]), x[0] * torch.sin(x[1])])",
    run: (x) =>
      stack([x.select(0, 0).mul(x.select(0, 1).cos()), x.select(0, 0).mul(x.select(0, 1).sin())]),
  },
};

export const FN_NAMES = Object.keys(FUNCTIONS) as FnName[];

/** One case of fixture.json (gen_fixture.py): what PyTorch printed for one state. */
export interface FixtureCase {
  fn: FnName;
  x: Pair;
  v: Pair;
  y: string;
  J: string;
  vJ: string;
  grad: string;
  rows: [string, string];
}

export interface Outcome {
  state: State;
  /** The program the figure runs, as Python. */
  code: string;
  /** What PyTorch prints for each tensor (the engine's repr). */
  x: string;
  y: string;
  J: string;
  v: string;
  vJ: string;
  grad: string;
  /** x.grad after y.backward(e1) and after y.backward(e2): the rows of J. */
  rows: [string, string];
  /** torch.equal(v @ J, x.grad), by the engine. */
  equal: boolean;
  /** For drawing: f(x), J's columns (J e1, J e2), and the grid lines around x and their images. */
  fx: Pair;
  columns: [Pair, Pair];
  gridIn: Pair[][];
  gridOut: Pair[][];
}

/** A coordinate as Python writes a float literal: 1.0, 0.25, -2.0. */
export function pyFloat(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

const onGrid = (n: number): boolean =>
  Number.isFinite(n) && Math.abs(n) <= LIMIT && Number.isInteger(n / STEP);

export function validState(s: State): boolean {
  return s.fn in FUNCTIONS && [...s.x, ...s.v].every(onGrid);
}

/** The nearest allowed coordinate: on the grid, within ±LIMIT. */
export function snap(n: number): number {
  const r = Math.round(n / STEP) * STEP;
  return Math.max(-LIMIT, Math.min(LIMIT, r)) + 0;
}

export function code({ fn, x, v }: State): string {
  return [
    `x = torch.tensor([${x.map(pyFloat).join(", ")}], requires_grad=True)`,
    FUNCTIONS[fn].code,
    `v = torch.tensor([${v.map(pyFloat).join(", ")}])`,
    "y.backward(v)",
  ].join("\n");
}

const pair = (t: Tensor): Pair => t.tolist() as Pair;

/** The grid lines through the patch around x: first those along x0, then those along x1. */
function gridLines(x: Pair): Pair[][] {
  const offsets: number[] = [];
  for (let k = -PATCH / STEP; k <= PATCH / STEP; k++) offsets.push(k * STEP);
  const samples: number[] = [];
  for (let k = -2 * (PATCH / STEP); k <= 2 * (PATCH / STEP); k++) samples.push((k * STEP) / 2);
  const along0 = offsets.map((o) => samples.map((s): Pair => [x[0] + s, x[1] + o]));
  const along1 = offsets.map((o) => samples.map((s): Pair => [x[0] + o, x[1] + s]));
  return [...along0, ...along1];
}

export function evaluate(state: State): Outcome {
  const f = FUNCTIONS[state.fn];
  const x = tensor(state.x, { ...F32, requiresGrad: true });
  const y = f.run(x);
  const yText = y.repr();
  // One VJP per output: e_i picks row i of J. retain_graph keeps the graph for the next pass,
  // and x.grad is cleared between them because backward adds into it.
  const rowTensors: Tensor[] = [];
  for (const e of [
    [1, 0],
    [0, 1],
  ]) {
    x.grad = null;
    y.backward(tensor(e, F32), true);
    rowTensors.push(x.grad as unknown as Tensor);
  }
  const J = stack(rowTensors);
  const v = tensor(state.v, F32);
  const vJ = v.matmul(J);
  x.grad = null;
  y.backward(v);
  const grad = x.grad as unknown as Tensor;
  // The grid: every sample point as a column of one (2, N) batch, f applied once, no graph.
  const lines = gridLines(state.x);
  const flat = lines.flat();
  const images = noGrad(() => {
    const batch = tensor([flat.map((p) => p[0]), flat.map((p) => p[1])], F32);
    return f.run(batch).tolist() as [number[], number[]];
  });
  let at = 0;
  const gridOut = lines.map((line) =>
    line.map((): Pair => {
      const p: Pair = [images[0][at] as number, images[1][at] as number];
      at++;
      return p;
    }),
  );
  const cols = J.t();
  return {
    state,
    code: code(state),
    x: x.repr(),
    y: yText,
    J: J.repr(),
    v: v.repr(),
    vJ: vJ.repr(),
    grad: grad.repr(),
    rows: [rowTensors[0]?.repr() ?? "", rowTensors[1]?.repr() ?? ""],
    equal: Boolean(vJ.eq(grad).all().item()),
    fx: noGrad(() => pair(y.detach())),
    columns: [pair(cols.select(0, 0)), pair(cols.select(0, 1))],
    gridIn: lines,
    gridOut,
  };
}

/** The figure's first state when the lesson names none. */
export const DEFAULT_STATE: State = { fn: "linear", x: [1, 0.5], v: [0.5, 1] };
