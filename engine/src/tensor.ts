// The Tensor: a strided view (shape, strides, offset) onto a Storage, plus autograd state.
// Only metadata, reads and autograd bookkeeping live here; every op is defined in ops/ and
// attached to the prototype there, so this file stays small and ops stay beside their gradients.

import { runBackward } from "./autograd/engine.ts";
import { isGradEnabled } from "./autograd/grad-mode.ts";
import { type Edge, Node } from "./autograd/node.ts";
import { refreshView } from "./autograd/view-history.ts";
import type { View } from "./backend/backend.ts";
import { backendFor } from "./backend/registry.ts";
import { type DeviceType, Storage } from "./backend/storage.ts";
import { castValue, DTYPES, type DType, isFloating, type TypedArray } from "./core/dtype.ts";
import { runtimeError, valueError } from "./core/errors.ts";
import { hostRead } from "./core/host-reads.ts";
import { contiguousStrides, isContiguous, numelOf, wrapDim } from "./core/shape.ts";

export class Tensor {
  // Replaced only by setData (`x.data = y`); fixed otherwise.
  storage: Storage;
  shape: readonly number[];
  strides: readonly number[];
  offset: number;
  /** The tensor whose storage this one views, if it was made by a view op. */
  readonly base: Tensor | null;
  grad: Tensor | null = null;
  #gradFn: Node | null = null;
  /** Which output of gradFn this tensor is. */
  outputNr = 0;
  private leafRequiresGrad = false;
  private gradAccumulator: Node | null = null;
  retainsGrad = false;

  /**
   * The node that made this tensor (PyTorch's grad_fn). A view whose base has since been
   * rewritten in place answers with its regenerated AsStridedBackward0, as PyTorch's accessor
   * does, rather than the node it was made with.
   */
  get gradFn(): Node | null {
    if (this.base !== null) refreshView(this);
    return this.#gradFn;
  }
  set gradFn(node: Node | null) {
    this.#gradFn = node;
  }

  constructor(
    storage: Storage,
    shape: readonly number[],
    strides: readonly number[],
    offset: number,
    base: Tensor | null = null,
  ) {
    this.storage = storage;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
    this.base = base;
  }

  /** A new, uninitialised, contiguous tensor. */
  static empty(
    shape: readonly number[],
    dtype: DType,
    device: DeviceType = "cpu",
    tracked = true,
  ): Tensor {
    const storage = new Storage(backendFor(device), dtype, numelOf(shape), tracked);
    return new Tensor(storage, [...shape], contiguousStrides(shape), 0);
  }

  /** Wraps host data (copied) as a contiguous tensor. */
  static fromArray(
    data: ArrayLike<number>,
    shape: readonly number[],
    dtype: DType,
    device: DeviceType = "cpu",
  ): Tensor {
    const t = Tensor.empty(shape, dtype, device);
    const host = new DTYPES[dtype].array(t.storage.numel);
    // A Float64Array does not truncate for int64 as Int32Array does for int32: do it here (and
    // drop -0). Huge values are kept as given: 2^63 is how JSON spells INT64_MAX in a double.
    const int64 = dtype === "int64";
    for (let i = 0; i < host.length; i++) {
      const v = data[i] as number;
      host[i] = int64 ? (Number.isFinite(v) ? Math.trunc(v) + 0 : castValue(v, dtype)) : v;
    }
    t.storage.backend.upload(t.storage.buffer, host);
    return t;
  }

  get dtype(): DType {
    return this.storage.dtype;
  }
  get deviceType(): DeviceType {
    return this.storage.backend.device;
  }
  /** Device as PyTorch prints it: "cpu" or "cuda:0". */
  get device(): string {
    return this.deviceType === "cpu" ? "cpu" : "cuda:0";
  }
  get ndim(): number {
    return this.shape.length;
  }
  dim(): number {
    return this.shape.length;
  }
  numel(): number {
    return numelOf(this.shape);
  }
  size(dim?: number): number | readonly number[] {
    return dim === undefined ? this.shape : (this.shape[wrapDim(dim, this.ndim)] as number);
  }
  stride(dim?: number): number | readonly number[] {
    return dim === undefined ? this.strides : (this.strides[wrapDim(dim, this.ndim)] as number);
  }
  storageOffset(): number {
    return this.offset;
  }
  elementSize(): number {
    return DTYPES[this.dtype].itemsize;
  }
  /** Address of the first element: the storage's base address plus offset x element size. */
  dataPtr(): number {
    return this.storage.address + this.offset * this.elementSize();
  }
  isContiguous(): boolean {
    return isContiguous(this.shape, this.strides);
  }
  isView(): boolean {
    return this.base !== null;
  }
  /**
   * A version counter of its own, for `x.data` (PyTorch gives it a new one, so in-place writes
   * through it are not seen by autograd); null for every other tensor.
   */
  ownVersion: { value: number } | null = null;
  private versionCell(): { value: number } | null {
    return this.ownVersion ?? this.base?.versionCell() ?? null;
  }
  /** Version counter shared with every view of the same storage (x.data's and its views apart). */
  get version(): number {
    return this.versionCell()?.value ?? this.storage.version;
  }
  /** Marks an in-place write (bumps the shared version counter). */
  bumpVersion(): void {
    const cell = this.versionCell();
    if (cell !== null) cell.value++;
    else this.storage.version++;
  }
  legacyTypeName(): string {
    return DTYPES[this.dtype].legacyName;
  }

  get isLeaf(): boolean {
    return this.gradFn === null;
  }
  get requiresGrad(): boolean {
    return this.gradFn !== null || this.leafRequiresGrad;
  }
  set requiresGrad(flag: boolean) {
    if (this.gradFn !== null) {
      if (flag) return;
      throw runtimeError(
        "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
      );
    }
    if (flag && !isFloating(this.dtype))
      throw runtimeError("only Tensors of floating point dtype can require gradients");
    this.leafRequiresGrad = flag;
  }
  requiresGrad_(flag = true): this {
    this.requiresGrad = flag;
    return this;
  }
  retainGrad(): void {
    if (!this.requiresGrad)
      throw runtimeError("can't retain_grad on Tensor that has requires_grad=False");
    if (this.gradFn === null || this.retainsGrad) return;
    this.retainsGrad = true;
    if (this.gradFn.retained === null) this.gradFn.retained = new Map();
    this.gradFn.retained.set(this.outputNr, new WeakRef(this));
  }

  /**
   * tensor.backward(gradient, retain_graph, create_graph): accumulates d(self)/d(leaf) into the
   * leaves' .grad. A non-scalar needs `gradient` (the weights of torch.autograd.backward).
   */
  backward(gradient?: Tensor | null, retainGraph?: boolean, createGraph = false): void {
    if (!this.requiresGrad)
      throw runtimeError("element 0 of tensors does not require grad and does not have a grad_fn");
    let g = gradient ?? null;
    if (g === null) {
      if (this.numel() !== 1)
        throw runtimeError("grad can be implicitly created only for scalar outputs");
      g = Tensor.empty(this.shape, this.dtype, this.deviceType);
      this.storage.backend.fill(g.v(), 1);
    } else if (
      g.shape.length !== this.shape.length ||
      g.shape.some((s, i) => s !== this.shape[i])
    ) {
      throw runtimeError(
        `Mismatch in shape: grad_output[0] has a shape of torch.Size([${g.shape.join(", ")}]) and output[0] has a shape of torch.Size([${this.shape.join(", ")}]).`,
      );
    }
    runBackward([this], [g], { retainGraph: retainGraph ?? createGraph, createGraph });
  }

  /** The edge a gradient for this tensor flows along, or null if it needs none. */
  gradEdge(): Edge | null {
    if (this.gradFn !== null) return { node: this.gradFn, inputNr: this.outputNr };
    if (!this.leafRequiresGrad) return null;
    if (this.gradAccumulator === null)
      this.gradAccumulator = new Node("AccumulateGrad", [], null, 1, this);
    return { node: this.gradAccumulator, inputNr: 0 };
  }

  /** The strided window kernels read and write. */
  v(): View {
    if (this.storage.disposed) throw runtimeError("Tensor used after dispose()");
    return {
      buf: this.storage.buffer,
      dtype: this.dtype,
      shape: this.shape,
      strides: this.strides,
      offset: this.offset,
    };
  }

  /** Reads the values in row-major order (a copy), on any device. */
  async data(): Promise<TypedArray> {
    return this.storage.backend.read(this.v());
  }
  /**
   * Reads synchronously. On a device that cannot (WebGPU) this is core/host-reads.ts's replayed
   * read: it raises HostReadNeeded unless run inside resolveReads (or Python's call()).
   */
  dataSync(): TypedArray {
    return this.storage.backend.readSync(this.v()) ?? hostRead(this);
  }
  /** Nested arrays of numbers (booleans for bool tensors), like PyTorch's tolist(). */
  tolist(): unknown {
    const flat = this.dataSync();
    const isBool = this.dtype === "bool";
    const build = (d: number, off: number): unknown => {
      if (d === this.ndim) return isBool ? flat[off] !== 0 : flat[off];
      const n = this.shape[d] as number;
      const step = numelOf(this.shape.slice(d + 1));
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = build(d + 1, off + i * step);
      return out;
    };
    return build(0, 0);
  }
  item(): number | boolean {
    if (this.numel() !== 1)
      throw valueError("only one element tensors can be converted to Python scalars");
    const v = this.dataSync()[0] as number;
    return this.dtype === "bool" ? v !== 0 : v;
  }

  /**
   * `x.data = src`: this tensor takes src's storage, shape, strides and offset (dtype and device
   * with them) and keeps its identity, version counter and autograd state, as PyTorch's
   * set_data does: graphs that hold it, optimizers and hooks see the new values.
   */
  setData(src: Tensor): void {
    const version = this.version;
    this.storage = src.storage;
    this.shape = src.shape;
    this.strides = src.strides;
    this.offset = src.offset;
    // Its own counter, continued: what was saved of it stays valid.
    this.ownVersion = { value: version };
  }

  /** Releases this tensor's storage now (all views of it become unusable). */
  dispose(): void {
    this.storage.dispose();
  }
  /** `using t = ...` disposes t when the block ends (explicit resource management). */
  [Symbol.dispose](): void {
    this.storage.dispose();
  }

  /** Records a graph node for outputs computed from inputs, when grad mode and inputs need it. */
  static needsGrad(inputs: readonly (Tensor | null | undefined)[]): boolean {
    if (!isGradEnabled()) return false;
    for (const t of inputs) if (t?.requiresGrad) return true;
    return false;
  }
}
