// The 32-bit Mersenne Twister exactly as PyTorch's CPU generator runs it
// (ATen's mt19937_engine): seeded from the low 32 bits of a uint64 seed, with the
// state refilled lazily on the first draw. Pure integer arithmetic on a Uint32Array;
// nothing here knows about tensors, dtypes or distributions.

/** Number of 32-bit words in the state vector. */
export const MT_N = 624;
const MT_M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** A plain copy of the engine's state, as PyTorch's `mt19937_data_pod`. */
export interface Mt19937State {
  /** The seed the engine was last seeded with (full 64 bits, as PyTorch keeps it). */
  seed: bigint;
  /** The 624 state words. */
  state: Uint32Array;
  /** Draws left before the state must be regenerated (1..624). */
  left: number;
  /** Index of the next state word to temper (0..624). */
  next: number;
}

export class Mt19937 {
  private readonly words = new Uint32Array(MT_N);
  private left = 1;
  private next = 0;
  private seedValue = 0n;

  constructor(seed: bigint = 5489n) {
    this.seed(seed);
  }

  /** Re-seeds from a uint64 seed; like ATen, only its low 32 bits enter the state. */
  seed(seed: bigint): void {
    this.seedValue = BigInt.asUintN(64, seed);
    const w = this.words;
    w[0] = Number(this.seedValue & 0xffffffffn);
    for (let j = 1; j < MT_N; j++) {
      const prev = w[j - 1] as number;
      // 1812433253 * (prev ^ (prev >> 30)) + j, modulo 2^32.
      w[j] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + j) >>> 0;
    }
    this.left = 1;
    this.next = 0;
  }

  /** The uint64 seed last given to `seed()`. */
  initialSeed(): bigint {
    return this.seedValue;
  }

  /** Next tempered 32-bit output, as an unsigned number in [0, 2^32). */
  nextUint32(): number {
    if (--this.left === 0) this.regenerate();
    let y = this.words[this.next++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  getState(): Mt19937State {
    return { seed: this.seedValue, state: this.words.slice(), left: this.left, next: this.next };
  }

  setState(s: Mt19937State): void {
    if (s.state.length !== MT_N || s.left < 1 || s.left > MT_N || s.next < 0 || s.next > MT_N) {
      throw new Error("Invalid mt19937 state");
    }
    this.words.set(s.state);
    this.seedValue = s.seed;
    this.left = s.left;
    this.next = s.next;
  }

  private regenerate(): void {
    const w = this.words;
    this.left = MT_N;
    this.next = 0;
    let k = 0;
    for (; k < MT_N - MT_M; k++) {
      w[k] = (w[k + MT_M] as number) ^ twist(w[k] as number, w[k + 1] as number);
    }
    for (; k < MT_N - 1; k++) {
      w[k] = (w[k + MT_M - MT_N] as number) ^ twist(w[k] as number, w[k + 1] as number);
    }
    w[MT_N - 1] = (w[MT_M - 1] as number) ^ twist(w[MT_N - 1] as number, w[0] as number);
  }
}

function twist(u: number, v: number): number {
  const mixed = (u & UPPER_MASK) | (v & LOWER_MASK);
  return (mixed >>> 1) ^ (v & 1 ? MATRIX_A : 0);
}
