// The TensorFlow.js suites: the same cases on tfjs's pure-JS CPU backend and on
// @tensorflow/tfjs-backend-wasm, loaded from the package's own .wasm files (no network).
// Each step runs in tf.tidy so intermediate tensors are released as they would be in an app.
import { createRequire } from "node:module";
import { dirname } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { getThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { CASE, MATMUL_SIZES, MLP, N_ELEMS, SIDE } from "./cases.ts";
import { randomFloats, type Setup, type Suite } from "./harness.ts";

const rand = (shape: number[], seed: number): tf.Tensor =>
  tf.tensor(
    randomFloats(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
    shape,
  );

/** Builds inputs under `backend`, times `run` inside tidy, disposes inputs afterwards. */
function tfCase(backend: string, make: () => tf.Tensor[], run: (xs: tf.Tensor[]) => void): Setup {
  return () => {
    tf.setBackend(backend);
    const xs = make();
    return {
      step: () => tf.tidy(() => void run(xs)),
      teardown: () => {
        for (const x of xs) x.dispose();
      },
    };
  };
}

function suite(backend: string, name: string, detail: string): Suite {
  const c = (make: () => tf.Tensor[], run: (xs: tf.Tensor[]) => void) => tfCase(backend, make, run);
  const two = (bShape: number[]) => () => [rand([SIDE, SIDE], 1), rand(bShape, 2)];
  const cases = new Map<string, Setup>([
    [CASE.add, c(two([SIDE, SIDE]), ([a, b]) => tf.add(a as tf.Tensor, b as tf.Tensor))],
    [CASE.broadcastAdd, c(two([SIDE]), ([a, b]) => tf.add(a as tf.Tensor, b as tf.Tensor))],
    [
      CASE.transposedAdd,
      c(two([SIDE, SIDE]), ([a, b]) => tf.add(tf.transpose(a as tf.Tensor), b as tf.Tensor)),
    ],
    [
      CASE.sum,
      c(
        () => [rand([N_ELEMS], 1)],
        ([a]) => tf.sum(a as tf.Tensor),
      ),
    ],
  ]);
  for (const n of MATMUL_SIZES) {
    cases.set(
      CASE.matmul(n),
      c(
        () => [rand([n, n], 1), rand([n, n], 2)],
        ([a, b]) => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D),
      ),
    );
  }
  cases.set(CASE.mlp, () => {
    tf.setBackend(backend);
    const x = rand([MLP.batch, MLP.features], 1) as tf.Tensor2D;
    const target = rand([MLP.batch, MLP.out], 2);
    const w1 = tf.variable(rand([MLP.features, MLP.hidden], 3));
    const b1 = tf.variable(rand([MLP.hidden], 4));
    const w2 = tf.variable(rand([MLP.hidden, MLP.out], 5));
    const loss = () =>
      tf.tidy(() => {
        const h = tf.relu(tf.add(tf.matMul(x, w1 as tf.Variable<tf.Rank.R2>), b1));
        return tf.mean(tf.square(tf.sub(tf.matMul(h, w2 as tf.Variable<tf.Rank.R2>), target)));
      }) as tf.Scalar;
    return {
      step: () => {
        const { value, grads } = tf.variableGrads(loss, [w1, b1, w2]);
        value.dispose();
        for (const g of Object.values(grads)) g.dispose();
      },
      teardown: () => {
        for (const t of [x, target, w1, b1, w2]) t.dispose();
      },
    };
  });
  return { name, detail, cases };
}

export function tfjsCpuSuite(): Suite {
  return suite("cpu", "tfjs-cpu", `@tensorflow/tfjs ${tf.version.tfjs}, "cpu" backend`);
}

/** Registers and initialises the Wasm backend; reports which binary (SIMD, threads) it chose. */
export async function tfjsWasmSuite(): Promise<Suite> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
  setWasmPaths(`${dist}/`);
  await tf.setBackend("wasm");
  await tf.ready();
  const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
  const threads = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
  const variant = `tfjs-backend-wasm${threads ? "-threaded" : ""}${simd ? "-simd" : ""}.wasm`;
  return suite(
    "wasm",
    "tfjs-wasm",
    `@tensorflow/tfjs-backend-wasm ${tf.version.tfjs}, ${variant}, ${getThreadsCount()} thread(s)`,
  );
}
