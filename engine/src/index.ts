// Public entry of the torchlit engine: the PyTorch-named TypeScript API.
// Everything outside engine/ imports from here (or from "torchlit/testing").
// Importing this module attaches every op to Tensor.prototype.
import "./ops/copy.ts";
import "./ops/views.ts";
import "./ops/tensor-math.ts";
import "./ops/reduce.ts";
import "./ops/gather-scatter.ts";
import "./ops/linalg.ts";

export { Tensor, registerBackend } from "./tensor.ts";
export type { DType, TypedArray, Scalar } from "./core/dtype.ts";
export { PyFloat, getDefaultDtype, setDefaultDtype, promoteTypes, resultType } from "./core/dtype.ts";
export { TorchError } from "./core/errors.ts";
export type { PyErrorType } from "./core/errors.ts";
export { allocStats, measureAllocations, resetAllocStats, limits } from "./core/storage.ts";
export type { DeviceType } from "./core/storage.ts";
export type { Backend, View } from "./backend/backend.ts";
export { noGrad, enableGrad, isGradEnabled, setGradEnabled } from "./autograd/grad-mode.ts";
export { runBackward } from "./autograd/engine.ts";
export { arange, empty, empty_like, eye, full, full_like, linspace, ones, ones_like, tensor, zeros, zeros_like } from "./ops/creation.ts";
export { where } from "./ops/tensor-math.ts";
export { binary, unary } from "./ops/elementwise.ts";

export const version = "0.1.0";
