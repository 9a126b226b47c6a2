// allclose for comparing engine output with reference values (PyTorch fixtures): the same rule
// as torch.allclose, |a - e| <= atol + rtol * |e|, with infinities matched by sign and NaN
// matched to NaN when equalNan. Pure arithmetic: it imports nothing from the engine.

export interface CloseOptions {
  rtol?: number;
  atol?: number;
  equalNan?: boolean;
}

/** Whether one actual value is close to one expected value. */
export function isClose(actual: number, expected: number, opts: CloseOptions = {}): boolean {
  const { rtol = 1.3e-6, atol = 1e-5, equalNan = true } = opts;
  if (Number.isNaN(actual) || Number.isNaN(expected))
    return equalNan && Number.isNaN(actual) && Number.isNaN(expected);
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
}

/**
 * Compares two flat sequences; returns null when they match, else a message naming the first
 * mismatch. Defaults are PyTorch's float32 tolerances (rtol 1.3e-6, atol 1e-5).
 */
export function allclose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  opts: CloseOptions = {},
): string | null {
  if (actual.length !== expected.length)
    return `length ${actual.length} differs from expected ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (!isClose(a, e, opts)) return `element ${i}: got ${a}, expected ${e}`;
  }
  return null;
}
