// Public entry of the torchlit engine: the PyTorch-named TypeScript API.
// Everything outside engine/ imports from here (or from "torchlit/testing").
// Importing this module attaches every op to Tensor.prototype.
import "./ops/copy.ts";
import "./ops/views.ts";
import "./ops/tensor-math.ts";
import "./ops/reduce.ts";
import "./ops/select.ts";
import "./ops/gather-scatter.ts";
import "./ops/linalg.ts";
import "./ops/linalg-lu.ts";
import "./ops/indexing.ts";
import "./ops/random-ops.ts";
import "./ops/repr.ts";

import type { InitOptions } from "./backend/webgpu/device.ts";

export { type AdapterNameParts, adapterName } from "./backend/webgpu/device.ts";

import type { GpuStatus } from "./backend/webgpu/index.ts";
import * as functional from "./nn/functional.ts";
import { FUNCTIONAL_OPS } from "./nn/functional-ops.ts";

export {
  BackwardNeedsAwait,
  backwardNeedsAwait,
  runBackward,
  runBackwardAsync,
} from "./autograd/engine.ts";
export type { GradOptions, RemovableHandle } from "./autograd/grad.ts";
export * as autograd from "./autograd/grad.ts";
export { enableGrad, isGradEnabled, noGrad, setGradEnabled } from "./autograd/grad-mode.ts";
export type { Edge, GradHook, Node, NodeHook } from "./autograd/node.ts";
export type { Backend, View } from "./backend/backend.ts";
export {
  budgetStats,
  budgets,
  collectGarbage,
  isBudgetRefusal,
} from "./backend/memory-budget.ts";
export { registerBackend } from "./backend/registry.ts";
export type { DeviceType } from "./backend/storage.ts";
export {
  allocStats,
  limits,
  measureAllocations,
  resetAllocStats,
  trackCollectedStorages,
} from "./backend/storage.ts";
export type { DType, Scalar, TypedArray } from "./core/dtype.ts";
export {
  canCast,
  getDefaultDtype,
  PyFloat,
  promoteTypes,
  resultType,
  setDefaultDtype,
} from "./core/dtype.ts";
export type { PyErrorType } from "./core/errors.ts";
export { TorchError } from "./core/errors.ts";
export type { HostReadable } from "./core/host-reads.ts";
export {
  beginReplay,
  HostReadNeeded,
  readNeededBy,
  resolveReads,
  withoutReplay,
  withReplayedReads,
} from "./core/host-reads.ts";
export {
  type BroadcastMismatch,
  broadcastGeometry,
  inferSize,
  type ViewMismatch,
  viewGeometry,
} from "./core/shape.ts";
export { DataLoader, type DataLoaderOptions, defaultCollate } from "./data/dataloader.ts";
export { type Dataset, TensorDataset } from "./data/dataset.ts";
export {
  getPrintoptions,
  pyRepr,
  pyStr,
  reprDtype,
  reprSize,
  resetPrintoptions,
  setPrintoptions,
} from "./format/index.ts";
export * as init from "./nn/init.ts";
export { broadcast_shapes, broadcast_tensors } from "./ops/broadcast.ts";
export {
  arange,
  empty,
  empty_like,
  eye,
  full,
  full_like,
  linspace,
  ones,
  ones_like,
  tensor,
  zeros,
  zeros_like,
} from "./ops/creation.ts";
export { binary, unary } from "./ops/elementwise.ts";
export {
  argsort,
  cat,
  concat,
  flip,
  type IndexSpec,
  index_select,
  masked_select,
  type NestedIndex,
  nonzero,
  roll,
  type SliceSpec,
  sort,
  stack,
  take,
  topk,
  tril,
  triu,
  type UniqueOptions,
  unique,
  whereNonzero,
} from "./ops/indexing.ts";
export * as linalg from "./ops/linalg-namespace.ts";
export { type ManifestOp, type OpManifest, opManifest } from "./ops/op-manifest.ts";
export {
  default_generator,
  Generator,
  initial_seed,
  manual_seed,
  multinomial,
  normal,
  type RandomOptions,
  rand,
  rand_like,
  randint,
  randint_like,
  randn,
  randn_like,
  randperm,
  seed,
} from "./ops/random-ops.ts";
export { where } from "./ops/tensor-math.ts";
export { Adam, type AdamOptions, AdamW } from "./optim/adam.ts";
export { Optimizer, type OptionValue, type ParamGroup, reprOptimizer } from "./optim/optimizer.ts";
export { SGD, type SGDOptions } from "./optim/sgd.ts";
export { Tensor } from "./tensor.ts";

export type { GpuStatus, InitOptions };

/**
 * torch.nn.functional: the module's layers, activations and losses, and the activations that are
 * op-table kernels (F.silu), made from the table.
 */
export const F = { ...functional, ...FUNCTIONAL_OPS };

/**
 * Turns on the WebGPU backend as device "cuda" (PyTorch's name, so lessons read as CUDA code).
 * The backend's modules load on first call; resolves to the status, with the reason when no GPU.
 */
export async function initWebGPU(opts?: InitOptions): Promise<GpuStatus> {
  const webgpu = await import("./backend/webgpu/index.ts");
  return webgpu.initWebGPU(opts);
}

export const version = "0.1.0";
