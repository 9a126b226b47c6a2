// A bounded cache of one-element constant buffers keyed by (dtype, value), shared by the
// backends' `constant()`: a scalar operand (x + 1, x.mul(0.5)) reuses one buffer instead of
// allocating and filling a temporary each time. Holds no tensors and never writes a buffer twice.
import type { DType } from "../core/dtype.ts";

/** Distinct constants kept before the oldest are dropped (a loop over many values stays bounded). */
export const MAX_CONSTANTS = 1024;

export class ConstantCache<B> {
  private readonly map = new Map<string, B>();
  private readonly make: (dtype: DType, value: number) => B;
  private readonly drop: (buf: B) => void;

  constructor(make: (dtype: DType, value: number) => B, drop: (buf: B) => void = () => {}) {
    this.make = make;
    this.drop = drop;
  }

  get(dtype: DType, value: number): B {
    // -0 and 0 differ (1 / x), and every NaN is one key.
    const key = `${dtype}:${Object.is(value, -0) ? "-0" : String(value)}`;
    let buf = this.map.get(key);
    if (buf !== undefined) return buf;
    if (this.map.size >= MAX_CONSTANTS) {
      const [oldKey, old] = this.map.entries().next().value as [string, B];
      this.map.delete(oldKey);
      this.drop(old);
    }
    buf = this.make(dtype, value);
    this.map.set(key, buf);
    return buf;
  }

  get size(): number {
    return this.map.size;
  }

  /** Drops every constant (the GPU's emptyCache). */
  clear(): void {
    for (const b of this.map.values()) this.drop(b);
    this.map.clear();
  }
}
