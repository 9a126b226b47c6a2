// The torchlit suite: every benchmark case through the engine's public API on the CPU backend,
// including autograd for the MLP step (runBackward from index.ts).
import { runBackward, type Tensor, tensor, zeros } from "torchlit";
import { CASE, MATMUL_SIZES, MLP, N_ELEMS, SIDE } from "./cases.ts";
import { randomFloats, type Setup, type Suite } from "./harness.ts";

/** A float32 tensor of `shape` filled from the shared pseudo-random stream. */
function rand(shape: number[], seed: number, requiresGrad = false): Tensor {
  const t = zeros(shape);
  (t.v().buf as Float32Array).set(randomFloats(t.numel(), seed));
  if (requiresGrad) t.requiresGrad_(true);
  return t;
}

function binaryCase(f: (a: Tensor, b: Tensor) => Tensor, bShape: number[]): Setup {
  return () => {
    const a = rand([SIDE, SIDE], 1);
    const b = rand(bShape, 2);
    return { step: () => void f(a, b) };
  };
}

function mlpCase(): Setup {
  return () => {
    const x = rand([MLP.batch, MLP.features], 1);
    const target = rand([MLP.batch, MLP.out], 2);
    const w1 = rand([MLP.features, MLP.hidden], 3, true);
    const b1 = rand([MLP.hidden], 4, true);
    const w2 = rand([MLP.hidden, MLP.out], 5, true);
    const one = tensor(1);
    return {
      step: () => {
        const h = x.matmul(w1).add(b1).relu();
        const loss = h.matmul(w2).sub(target).square().mean();
        runBackward([loss], [one]);
        w1.grad = null;
        b1.grad = null;
        w2.grad = null;
      },
    };
  };
}

export function engineSuite(): Suite {
  const cases = new Map<string, Setup>([
    [CASE.add, binaryCase((a, b) => a.add(b), [SIDE, SIDE])],
    [CASE.broadcastAdd, binaryCase((a, b) => a.add(b), [SIDE])],
    [CASE.transposedAdd, binaryCase((a, b) => a.t().add(b), [SIDE, SIDE])],
    [
      CASE.sum,
      () => {
        const a = rand([N_ELEMS], 1);
        return { step: () => void a.sum() };
      },
    ],
  ]);
  for (const n of MATMUL_SIZES) {
    cases.set(CASE.matmul(n), () => {
      const a = rand([n, n], 1);
      const b = rand([n, n], 2);
      return { step: () => void a.matmul(b) };
    });
  }
  cases.set(CASE.mlp, mlpCase());
  return { name: "torchlit", detail: "CPU backend (float32 matmul: Wasm SIMD kernel)", cases };
}
