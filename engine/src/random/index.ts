// Public surface of the random module: PyTorch 1.13's CPU generator and the fills,
// integer draws and initialisers built on it. The tensor core wires these to tensors;
// this folder imports nothing from the rest of the engine.

export {
  bernoulli_,
  exponential_,
  type FloatArray,
  normal_,
  normalScalar,
  uniform_,
  uniformFloat32,
  uniformFloat64,
} from "./distributions.ts";
export {
  DEFAULT_RNG_SEED,
  defaultGenerator,
  Generator,
  type GeneratorState,
  nonDeterministicSeed,
  toUint64Seed,
} from "./generator.ts";
export {
  type RandomTarget,
  random_,
  randomFromTo_,
  randomInt64,
  randperm,
  randpermNumbers,
} from "./integers.ts";
export { MT_N, Mt19937, type Mt19937State } from "./mt19937.ts";
export {
  calculateGain,
  dataLoaderEpoch,
  dataLoaderPermutations,
  kaimingUniform_,
  type LinearInit,
  linearInit,
  randomSamplerOrder,
  type ShuffleOptions,
  toBatches,
} from "./sampling.ts";
