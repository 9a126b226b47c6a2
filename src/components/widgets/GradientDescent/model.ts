// The gradient-descent figure's model: it runs the program the figure shows with the engine.
// The data come from torch.manual_seed(0); each method (batch, mini-batch, stochastic) starts
// from the same p with torch.manual_seed(1), draws its examples with torch.randperm, and steps
// with the engine's torch.optim.SGD (momentum as PyTorch defines it) on gradients from the
// engine's autograd. The contours are the same loss_fn evaluated by the engine on a grid of p.
// Nothing shown is computed here by hand.
import { manual_seed, noGrad, randn, randperm, SGD, stack, type Tensor, tensor } from "torchlit";

/** How many examples every surface's data has (`n` in the program). */
export const N = 32;

export type SurfaceName = "bowl" | "wells" | "regression";
export type MethodName = "batch" | "mini-batch" | "stochastic";
export const METHODS: MethodName[] = ["batch", "mini-batch", "stochastic"];
/** The mini-batch sizes offered (stochastic is always 1, batch always n). */
export const BATCH_SIZES = [2, 4, 8, 16];
export const MAX_STEPS = 100;
/** The learning rates and momenta a reader may type (the program runs any of them). */
export const LR_RANGE: [number, number] = [0.001, 2];
export const MOMENTUM_RANGE: [number, number] = [0, 0.99];

export interface Settings {
  surface: SurfaceName;
  lr: number;
  batchSize: number;
  momentum: number;
  steps: number;
}

type Pair = [number, number];

interface Surface {
  /** The line(s) that make `d` after torch.manual_seed(0) and n = N, as the program shows them. */
  data: string;
  /** loss_fn's body, as the program shows it. */
  loss: string;
  /** The same on the engine. */
  makeData: () => Tensor;
  /**
   * loss_fn on the engine for p = (p0, p1): 0-d tensors for a step (mean over all of d, as
   * `.mean()`), or (G, 1) columns for the contour grid (the mean over each row).
   */
  lossOf: (p0: Tensor, p1: Tensor, d: Tensor, grid: boolean) => Tensor;
  start: Pair;
  /** The part of the (p0, p1) plane drawn: [min, max] of each coordinate. */
  extent: [Pair, Pair];
  /** The names of p0 and p1 on the axes. */
  axes: [string, string];
}

const F32 = { dtype: "float32" } as const;
const mean = (t: Tensor, grid: boolean): Tensor => (grid ? t.mean(-1) : t.mean());
const col = (d: Tensor, i: number): Tensor => d.select(1, i);

/** The surfaces offered, as gen_fixture.py writes them (the fixture keeps the program too). */
export const SURFACES: Record<SurfaceName, Surface> = {
  bowl: {
    data: "d = 0.5 * torch.randn(n, 2)",
    loss: "    return (2.5 * (p[0] - d[:, 0]) ** 2 + 0.25 * (p[1] - d[:, 1]) ** 2).mean()",
    makeData: () => randn([N, 2]).mul(0.5),
    lossOf: (p0, p1, d, grid) =>
      mean(
        p0
          .sub(col(d, 0))
          .pow(2)
          .mul(2.5)
          .add(p1.sub(col(d, 1)).pow(2).mul(0.25)),
        grid,
      ),
    start: [-2, 1.5],
    extent: [
      [-2.5, 2.5],
      [-2, 2],
    ],
    axes: ["p[0]", "p[1]"],
  },
  wells: {
    data: "d = 0.2 * torch.randn(n, 2)",
    loss:
      "    q0, q1 = p[0] - d[:, 0], p[1] - d[:, 1]\n" +
      "    return ((q0 ** 2 - 1) ** 2 + 0.3 * (q0 + 1) ** 2 + 0.5 * q1 ** 2).mean()",
    makeData: () => randn([N, 2]).mul(0.2),
    lossOf: (p0, p1, d, grid) => {
      const q0 = p0.sub(col(d, 0));
      const q1 = p1.sub(col(d, 1));
      return mean(
        q0.pow(2).sub(1).pow(2).add(q0.add(1).pow(2).mul(0.3)).add(q1.pow(2).mul(0.5)),
        grid,
      );
    },
    start: [1.6, 1.5],
    extent: [
      [-2, 2],
      [-2, 2],
    ],
    axes: ["p[0]", "p[1]"],
  },
  regression: {
    data: "x = torch.randn(n)\nd = torch.stack([x, 2 * x + 1 + 0.5 * torch.randn(n)], 1)",
    loss: "    return ((p[0] * d[:, 0] + p[1] - d[:, 1]) ** 2).mean()",
    makeData: () => {
      const x = randn([N]);
      return stack(
        [
          x,
          x
            .mul(2)
            .add(1)
            .add(randn([N]).mul(0.5)),
        ],
        1,
      );
    },
    lossOf: (p0, p1, d, grid) => mean(p0.mul(col(d, 0)).add(p1).sub(col(d, 1)).pow(2), grid),
    start: [-2, -2],
    extent: [
      [-3, 5],
      [-3, 5],
    ],
    axes: ["w = p[0]", "b = p[1]"],
  },
};

export const SURFACE_NAMES = Object.keys(SURFACES) as SurfaceName[];

/** A number as Python writes a float literal: 1.0, 0.25, 0.001. */
export function pyFloat(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

function prelude(s: SurfaceName): string {
  const f = SURFACES[s];
  return `import torch\n\ntorch.manual_seed(0)\nn = ${N}\n${f.data}\n\n\ndef loss_fn(p, d):\n${f.loss}\n`;
}

/** The program the figure runs, as PyTorch code: paste it into a cell to get the same numbers. */
export function code(st: Settings): string {
  const [a, b] = SURFACES[st.surface].start;
  return `${prelude(st.surface)}

for name, batch_size in [("batch", n), ("mini-batch", ${st.batchSize}), ("stochastic", 1)]:
    torch.manual_seed(1)
    p = torch.tensor([${pyFloat(a)}, ${pyFloat(b)}], requires_grad=True)
    opt = torch.optim.SGD([p], lr=${pyFloat(st.lr)}, momentum=${pyFloat(st.momentum)})
    for step in range(${st.steps}):
        batch = d[torch.randperm(n)[:batch_size]]
        opt.zero_grad()
        loss_fn(p, batch).backward()
        opt.step()
    print(name, p)
`;
}

const inRange = (n: number, [lo, hi]: [number, number]): boolean =>
  Number.isFinite(n) && n >= lo && n <= hi;

export function validSettings(s: Settings): boolean {
  return (
    s.surface in SURFACES &&
    inRange(s.lr, LR_RANGE) &&
    inRange(s.momentum, MOMENTUM_RANGE) &&
    BATCH_SIZES.includes(s.batchSize) &&
    Number.isInteger(s.steps) &&
    s.steps >= 1 &&
    s.steps <= MAX_STEPS
  );
}

/** One case of fixture.json (gen_fixture.py); a float32 value that is not finite is a string. */
export interface FixtureCase extends Settings {
  code: string;
  printed: string[];
  runs: Record<
    MethodName,
    { path: [number | string, number | string][]; loss: (number | string)[] }
  >;
}

export interface Run {
  method: MethodName;
  /** Examples per step: n, the mini-batch size, 1. */
  batchSize: number;
  /** p before the first step and after each step (float32 values; NaN and ±Infinity kept). */
  path: Pair[];
  /** loss_fn(p, d) over all n examples at each point of the path. */
  loss: number[];
  /** p at each point as PyTorch prints it (a detached copy, so without requires_grad). */
  text: string[];
  /** The line the program prints for this method: `name tensor([...], requires_grad=True)`. */
  printed: string;
}

export interface Outcome {
  settings: Settings;
  code: string;
  runs: Run[];
}

let cached: { surface: SurfaceName; d: Tensor } | null = null;

/** The surface's data, made as the program makes it (torch.manual_seed(0), then the draws). */
export function dataOf(surface: SurfaceName): Tensor {
  if (cached?.surface !== surface) {
    manual_seed(0);
    cached = { surface, d: SURFACES[surface].makeData() };
  }
  return cached.d;
}

function runMethod(st: Settings, method: MethodName, d: Tensor): Run {
  const f = SURFACES[st.surface];
  const b = method === "batch" ? N : method === "mini-batch" ? st.batchSize : 1;
  manual_seed(1);
  const p = tensor(f.start, { ...F32, requiresGrad: true });
  const opt = new SGD([p], { lr: st.lr, momentum: st.momentum });
  const lossAt = (q: Tensor): Tensor => f.lossOf(q.select(0, 0), q.select(0, 1), d, false);
  const path: Pair[] = [];
  const loss: number[] = [];
  const text: string[] = [];
  const record = (): void =>
    noGrad(() => {
      const q = p.detach().clone();
      path.push(q.tolist() as Pair);
      loss.push(lossAt(q).item() as number);
      text.push(q.repr());
    });
  record();
  for (let step = 0; step < st.steps; step++) {
    const batch = d.index([randperm(N).narrow(0, 0, b)]);
    opt.zero_grad();
    f.lossOf(p.select(0, 0), p.select(0, 1), batch, false).backward();
    opt.step();
    record();
  }
  return { method, batchSize: b, path, loss, text, printed: `${method} ${p.repr()}` };
}

export function evaluate(st: Settings): Outcome {
  const d = dataOf(st.surface);
  return { settings: st, code: code(st), runs: METHODS.map((m) => runMethod(st, m, d)) };
}

export interface Grid {
  /** Grid size: nx columns along p0, ny rows along p1, row-major from (min p0, min p1). */
  nx: number;
  ny: number;
  values: number[];
}

/** The full-data loss on an nx × ny grid over the surface's extent, computed by the engine. */
export function lossGrid(surface: SurfaceName, nx = 61, ny = 49): Grid {
  const f = SURFACES[surface];
  const d = dataOf(surface);
  const [[x0, x1], [y0, y1]] = f.extent;
  const p0: number[] = [];
  const p1: number[] = [];
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      p0.push(x0 + ((x1 - x0) * i) / (nx - 1));
      p1.push(y0 + ((y1 - y0) * j) / (ny - 1));
    }
  const values = noGrad(
    () =>
      f
        .lossOf(tensor(p0, F32).unsqueeze(1), tensor(p1, F32).unsqueeze(1), d, true)
        .tolist() as number[],
  );
  return { nx, ny, values };
}

/** The figure's first state when the lesson names none. */
export const DEFAULT_SETTINGS: Settings = {
  surface: "bowl",
  lr: 0.1,
  batchSize: 8,
  momentum: 0,
  steps: 30,
};
