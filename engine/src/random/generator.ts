// torch.Generator for the CPU: an mt19937 engine plus the cached second Box-Muller
// sample, with PyTorch's seeding, 32/64-bit draws and state copies. The distributions
// live in their own modules and only call random()/random64() and the normal caches.
// This module must not import the tensor core.

import { Mt19937, type Mt19937State } from "./mt19937.ts";

/** The seed PyTorch's default CPU generator is created with before any manual_seed. */
export const DEFAULT_RNG_SEED = 67280421310721n;

/** An opaque snapshot of a Generator, for `get_state()` / `set_state()`. */
export interface GeneratorState {
  readonly engine: Mt19937State;
  readonly nextFloatNormalSample: number | null;
  readonly nextDoubleNormalSample: number | null;
}

/** Converts a Python-style integer seed to PyTorch's uint64 (negative seeds wrap). */
export function toUint64Seed(seed: number | bigint): bigint {
  if (typeof seed === "number") {
    if (!Number.isInteger(seed)) throw new TypeError(`seed must be an integer, got ${seed}`);
    return BigInt.asUintN(64, BigInt(seed));
  }
  return BigInt.asUintN(64, seed);
}

/**
 * A full 64-bit seed from the platform's entropy source, as c10's
 * getNonDeterministicRandom reads /dev/urandom for CPU generators.
 */
export function nonDeterministicSeed(): bigint {
  const words = new Uint32Array(2);
  globalThis.crypto.getRandomValues(words);
  return (BigInt(words[0] as number) << 32n) | BigInt(words[1] as number);
}

export class Generator {
  private readonly engine: Mt19937;
  /** Cached second value of the last float Box-Muller pair (`next_float_normal_sample`). */
  nextFloatNormalSample: number | null = null;
  /** Cached second value of the last double Box-Muller pair (`next_double_normal_sample`). */
  nextDoubleNormalSample: number | null = null;

  constructor(seed: number | bigint = DEFAULT_RNG_SEED) {
    this.engine = new Mt19937(toUint64Seed(seed));
  }

  /** `Generator.manual_seed(seed)`: reseeds the engine and drops both normal caches. */
  manualSeed(seed: number | bigint): this {
    this.nextFloatNormalSample = null;
    this.nextDoubleNormalSample = null;
    this.engine.seed(toUint64Seed(seed));
    return this;
  }

  /** `Generator.initial_seed()`: the uint64 seed last set. */
  initialSeed(): bigint {
    return this.engine.initialSeed();
  }

  /** `Generator.seed()`: reseeds from a non-deterministic source and returns that seed. */
  seed(): bigint {
    const s = nonDeterministicSeed();
    this.manualSeed(s);
    return s;
  }

  /** One 32-bit draw (`CPUGeneratorImpl::random`), in [0, 2^32). */
  random(): number {
    return this.engine.nextUint32();
  }

  /**
   * One 64-bit draw (`CPUGeneratorImpl::random64`): the first 32-bit draw is the high
   * word, the second the low word. Hot loops should call random() twice instead.
   */
  random64(): bigint {
    const hi = this.engine.nextUint32();
    const lo = this.engine.nextUint32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  getState(): GeneratorState {
    return {
      engine: this.engine.getState(),
      nextFloatNormalSample: this.nextFloatNormalSample,
      nextDoubleNormalSample: this.nextDoubleNormalSample,
    };
  }

  setState(state: GeneratorState): this {
    this.engine.setState(state.engine);
    this.nextFloatNormalSample = state.nextFloatNormalSample;
    this.nextDoubleNormalSample = state.nextDoubleNormalSample;
    return this;
  }

  /** An independent generator in the same state (`clone_impl`). */
  clone(): Generator {
    return new Generator().setState(this.getState());
  }
}

/**
 * The process-wide generator behind `torch.manual_seed` and every call without
 * `generator=`. PyTorch 1.13 seeds it from /dev/urandom at startup (torch.initial_seed()
 * differs per process); only `new Generator()` starts from DEFAULT_RNG_SEED.
 */
export const defaultGenerator = new Generator(nonDeterministicSeed());
