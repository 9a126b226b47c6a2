// The benchmark's case list, shared by every suite so rows line up: names, sizes and the
// floating-point work of each (for GFLOP/s). Suites implement each case with their own API.

export const N_ELEMS = 1000 * 1000;
export const SIDE = 1000;
export const MATMUL_SIZES = [128, 256, 512, 1024] as const;
export const MLP = { batch: 256, features: 256, hidden: 256, out: 256 } as const;

export const CASE = {
  add: "add [1000,1000] + [1000,1000]",
  broadcastAdd: "broadcast add [1000,1000] + [1000]",
  transposedAdd: "add x.t() + y (non-contiguous)",
  sum: "sum of 1M",
  matmul: (n: number) => `matmul ${n}x${n} @ ${n}x${n}`,
  mlp: "MLP 256x256 fwd+bwd",
} as const;

/** Floating-point operations per run, for the cases where GFLOP/s is reported. */
export const FLOPS = new Map<string, number>(MATMUL_SIZES.map((n) => [CASE.matmul(n), 2 * n ** 3]));
