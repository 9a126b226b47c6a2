// The WebGPU backend: Backend's kernels as WGSL compute passes on the reader's GPU.
// Data stays on the GPU; only read() copies back (asynchronously). float64 is refused,
// int64 lives as i32 with a range check on upload, and data-dependent errors (a bad gather
// index) are flagged on the GPU and raised by the next read, naming the op.
import type { DType, TypedArray } from "../../core/dtype.ts";
import { DTYPES } from "../../core/dtype.ts";
import type { BinaryOp, UnaryOp } from "../../core/elementwise-defs.ts";
import { runtimeError, TorchError } from "../../core/errors.ts";
import { contiguousStrides } from "../../core/shape.ts";
import type { ArgReduceOp, Backend, ReduceOp, View } from "../backend.ts";
import { ConstantCache } from "../constant-cache.ts";
import { budgets, formatSize, gpuBudgetMessage, markBudgetRefusal } from "../memory-budget.ts";
import type { GpuContext } from "./device.ts";
import {
  ERR_ZERODIV,
  ERROR_WORDS,
  gatherKernel,
  scatterKernel,
  sortKernel,
} from "./kernels-index.ts";
import { luFactorKernel, luSolveKernel } from "./kernels-linalg.ts";
import { INT_DIVIDES, type MapSpec, opExpr, planMap } from "./kernels-map.ts";
import { matmulKernel, TILE } from "./kernels-matmul.ts";
import { argReduceDispatch, argReduceKernel, reduceStep, scanKernel } from "./kernels-reduce.ts";
import { GpuRunner, WORKGROUP } from "./runner.ts";
import { float64Error, GPU_ITEMSIZE, type WgslScalar, wgslType, zero } from "./wgsl-types.ts";

/** A storage's memory on the GPU. */
export interface GpuBuffer {
  readonly buffer: GPUBuffer;
  readonly dtype: DType;
  readonly numel: number;
  released: boolean;
}

const gb = (v: View): GpuBuffer => v.buf as GpuBuffer;
const numel = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export { formatSize };

export class WebGpuBackend implements Backend {
  readonly device = "cuda" as const;
  readonly name: string;
  readonly runner: GpuRunner;
  private readonly ctx: GpuContext;
  private readonly errors: GPUBuffer;

  constructor(ctx: GpuContext) {
    this.ctx = ctx;
    this.name = ctx.adapterName;
    this.runner = new GpuRunner(ctx.device, (message) => this.outOfMemory(message));
    // device.ts's handler, registered first, has set ctx.lost by the time this one runs.
    ctx.device.lost.then(() => {
      for (const fail of [...this.pendingReads]) fail(null);
    });
    this.errors = ctx.device.createBuffer({
      size: ERROR_WORDS * 4,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
    });
  }

  /** Scalar operands: one small buffer per (dtype, value), written once, never by a kernel. */
  readonly constants = new ConstantCache<GpuBuffer>(
    (dtype, value) => {
      if (dtype === "float64") throw float64Error();
      const buffer = this.runner.acquire(4, true);
      const buf: GpuBuffer = { buffer, dtype, numel: 1, released: false };
      const words =
        dtype === "float32"
          ? new Float32Array([value])
          : dtype === "bool"
            ? new Uint32Array([value])
            : new Int32Array([value]);
      // A buffer acquired for writing has no recorded work, so this needs no flush for order.
      this.ctx.device.queue.writeBuffer(buf.buffer, 0, words.buffer, 0, 4);
      return buf;
    },
    (buf) => this.runner.release(buf.buffer),
  );

  constant(dtype: DType, value: number): GpuBuffer {
    if ((dtype === "int64" || dtype === "int32") && (value > 2147483647 || value < -2147483648))
      throw runtimeError(
        `value ${value} cannot be stored in a GPU int64 tensor: WebGPU holds int64 as int32 (range [-2147483648, 2147483647])`,
      );
    return this.constants.get(dtype, value);
  }

  /** Drops pooled buffers and cached constants (torch.cuda.empty_cache()). */
  emptyCache(): void {
    this.constants.clear();
    this.runner.emptyCache();
  }

  private peakBytes = 0;

  /** The most memoryAllocated() has been since the start or the last reset. */
  maxMemoryAllocated(): number {
    return this.peakBytes;
  }

  /** Starts the peak over from what is allocated now (torch.cuda.reset_peak_memory_stats()). */
  resetPeakMemoryStats(): void {
    this.peakBytes = this.runner.liveBytes;
  }

  /** Bytes held by live tensors on this GPU (torch.cuda.memory_allocated()). */
  memoryAllocated(): number {
    return this.runner.liveBytes;
  }

  /** Bytes the GPU holds in all: live tensors, the free pool and constants (memory_reserved()). */
  memoryReserved(): number {
    return this.heldBytes + this.runner.pooledBytes + this.constants.size * 16;
  }

  /** Releases the device (tests and tools call this before exit; Dawn dislikes live devices at exit). */
  destroy(): void {
    this.emptyCache();
    this.ctx.device.destroy();
  }

  /** Destroys the device as a lost device would be; resolves once the loss is seen (tests). */
  async loseDevice(): Promise<void> {
    this.ctx.device.destroy();
    await this.ctx.device.lost;
  }

  get lostReason(): string | null {
    return this.ctx.lost;
  }

  /** Why GPU work is impossible once the device is lost (null while it is not). */
  get lostDescription(): string | null {
    return this.ctx.lost === null
      ? null
      : `the WebGPU device was lost (${this.ctx.lost}); GPU tensors are no longer available`;
  }

  /** Set when the device was given up because WebGPU ran out of memory. */
  private outOfMemoryCause: string | null = null;

  /**
   * WebGPU could not allocate a buffer. It says so only after the buffer was handed out, so
   * results computed since may be wrong: the device is given up, and every later use raises
   * torch.cuda.OutOfMemoryError (is_available() turns False; the CPU goes on).
   */
  private outOfMemory(message: string): void {
    if (this.ctx.lost !== null) return;
    this.outOfMemoryCause = message;
    this.ctx.lost = `out of memory: ${message}`;
    this.emptyCache();
    this.ctx.device.destroy();
  }

  /** Raises once the device is lost: nothing on it can be computed or read any more. */
  private checkLost(): void {
    const why = this.lostDescription;
    if (why === null) return;
    if (this.outOfMemoryCause !== null)
      throw new TorchError(
        "OutOfMemoryError",
        `CUDA out of memory. WebGPU could not allocate GPU memory (${this.outOfMemoryCause}); GPU tensors are no longer available`,
      );
    throw runtimeError(`CUDA error: ${why}`);
  }

  /** Reads waiting on the GPU: each is failed with the lost-device error if the device goes. */
  private readonly pendingReads = new Set<(e: unknown) => void>();

  /**
   * Awaits a read of GPU memory. A device lost before or while it waits makes the read fail with
   * the lost-device error (WebGPU may never settle a map after a loss).
   */
  private guardedRead<T>(read: () => Promise<T>): Promise<T> {
    this.checkLost();
    return new Promise<T>((resolve, reject) => {
      const fail = (e: unknown): void => {
        this.pendingReads.delete(fail);
        try {
          this.checkLost();
          reject(e);
        } catch (lost) {
          reject(lost);
        }
      };
      this.pendingReads.add(fail);
      read().then((v) => {
        this.pendingReads.delete(fail);
        resolve(v);
      }, fail);
    });
  }

  /** Bytes of the pool buckets live storages occupy (a buffer is its size's power of two). */
  private heldBytes = 0;

  /**
   * Refuses an allocation that would take what the GPU holds past budgets.gpuBytes. As
   * PyTorch's caching allocator does when cudaMalloc fails, the pool of free buffers is released
   * first and only what live tensors hold is refused.
   */
  private checkBudget(bytes: number): void {
    const size = this.runner.bucketSize(bytes);
    if (this.heldBytes + this.runner.pooledBytes + size <= budgets.gpuBytes) return;
    this.emptyCache();
    const reserved = this.heldBytes + this.runner.pooledBytes;
    if (reserved + size <= budgets.gpuBytes) return;
    throw markBudgetRefusal(
      new TorchError("OutOfMemoryError", gpuBudgetMessage(bytes, this.runner.liveBytes, reserved)),
    );
  }

  alloc(dtype: DType, n: number): GpuBuffer {
    this.checkLost();
    if (dtype === "float64") throw float64Error();
    const bytes = Math.max(n, 1) * GPU_ITEMSIZE;
    const largest = this.ctx.device.limits.maxStorageBufferBindingSize;
    if (bytes > largest) {
      // Nothing was allocated, so the GPU stays usable (a real out-of-memory loses the device).
      throw new TorchError(
        "OutOfMemoryError",
        `CUDA out of memory. Tried to allocate ${formatSize(bytes)} (GPU 0; the largest buffer WebGPU gives on this adapter is ${formatSize(largest)})`,
      );
    }
    this.checkBudget(bytes);
    this.runner.liveBytes += bytes;
    this.heldBytes += this.runner.bucketSize(bytes);
    if (this.runner.liveBytes > this.peakBytes) this.peakBytes = this.runner.liveBytes;
    return { buffer: this.runner.acquire(bytes), dtype, numel: n, released: false };
  }

  free(b: unknown): void {
    const buf = b as GpuBuffer;
    if (buf.released) return;
    buf.released = true;
    const bytes = Math.max(buf.numel, 1) * GPU_ITEMSIZE;
    this.runner.liveBytes -= bytes;
    this.heldBytes -= this.runner.bucketSize(bytes);
    this.runner.release(buf.buffer);
  }

  upload(b: unknown, data: TypedArray): void {
    this.checkLost();
    const buf = b as GpuBuffer;
    let words: Float32Array | Int32Array | Uint32Array;
    if (buf.dtype === "float32")
      words = data instanceof Float32Array ? data : Float32Array.from(data);
    else if (buf.dtype === "bool") words = Uint32Array.from(data);
    else {
      words = new Int32Array(data.length);
      for (let i = 0; i < data.length; i++) {
        const v = data[i] as number;
        if (v > 2147483647 || v < -2147483648) {
          throw runtimeError(
            `value ${v} cannot be stored in a GPU int64 tensor: WebGPU holds int64 as int32 (range [-2147483648, 2147483647])`,
          );
        }
        words[i] = v;
      }
    }
    if (words.length === 0) return;
    // Queue writes run before unsubmitted dispatches: submit those first to keep program order.
    if (this.runner.hasPending) this.runner.flush();
    this.ctx.device.queue.writeBuffer(
      buf.buffer,
      0,
      words.buffer,
      words.byteOffset,
      words.byteLength,
    );
  }

  readSync(): null {
    return null;
  }

  async read(v: View): Promise<TypedArray> {
    const n = numel(v.shape);
    const out = new DTYPES[v.dtype].array(n);
    if (n === 0) return out;
    const tmp = this.alloc(v.dtype, n);
    const contiguous: View = {
      buf: tmp,
      dtype: v.dtype,
      shape: v.shape,
      strides: contiguousStrides(v.shape),
      offset: 0,
    };
    this.copy(v, contiguous);
    const [bytes, err] = await this.guardedRead(() =>
      Promise.all([
        this.runner.readBytes(tmp.buffer, 0, n * GPU_ITEMSIZE),
        this.runner.readBytes(this.errors, 0, ERROR_WORDS * 4),
      ]),
    ).finally(() => this.free(tmp));
    this.runner.raiseUncaptured();
    this.raiseFlagged(new Uint32Array(err));
    const words =
      v.dtype === "float32"
        ? new Float32Array(bytes)
        : v.dtype === "bool"
          ? new Uint32Array(bytes)
          : new Int32Array(bytes);
    for (let i = 0; i < n; i++) out[i] = words[i] as number;
    return out;
  }

  /**
   * Waits for all recorded work and raises any error a kernel flagged on the GPU
   * (torch.cuda.synchronize()).
   */
  async synchronize(): Promise<void> {
    const err = await this.guardedRead(() =>
      this.runner.readBytes(this.errors, 0, ERROR_WORDS * 4),
    );
    this.runner.raiseUncaptured();
    this.raiseFlagged(new Uint32Array(err));
  }

  /** Raises (with PyTorch's text) and clears the first error a kernel recorded. */
  private raiseFlagged(e: Uint32Array): void {
    if (e[0] === 0) return;
    this.ctx.device.queue.writeBuffer(this.errors, 0, new Uint32Array(ERROR_WORDS));
    if (e[0] === ERR_ZERODIV) throw runtimeError("ZeroDivisionError");
    const index = new Int32Array(e.buffer)[1] as number;
    throw runtimeError(`index ${index} is out of bounds for dimension ${e[2]} with size ${e[3]}`);
  }

  // ---- elementwise ----

  private map(
    spec: MapSpec,
    inputs: readonly View[],
    dst: View,
    params: readonly number[] = [],
  ): void {
    if (numel(dst.shape) === 0) return;
    const aliased = inputs.map((v) => gb(v).buffer === gb(dst).buffer);
    const plan = planMap(spec, dst.shape, dst, inputs, aliased, params);
    const buffers = inputs.filter((_, i) => !aliased[i]).map((v) => gb(v).buffer);
    buffers.push(gb(dst).buffer, this.runner.meta(Uint32Array.from(plan.words)));
    if (spec.zeroCheck) buffers.push(this.errors);
    this.runner.dispatch(plan.source, buffers, plan.groups);
  }

  fill(dst: View, value: number): void {
    const t = wgslType(dst.dtype);
    const expr = t === "f32" ? "p0" : t === "i32" ? "i32(p0)" : "select(0u, 1u, p0 != 0.0)";
    this.map({ inputs: [], output: t, outputIsBool: false, compute: t, expr, names: [] }, [], dst, [
      value,
    ]);
  }

  copy(src: View, dst: View): void {
    const s = wgslType(src.dtype);
    const d = wgslType(dst.dtype);
    this.map(
      {
        inputs: [s],
        output: d,
        outputIsBool: dst.dtype === "bool",
        compute: s,
        expr: "a",
        names: ["a"],
      },
      [src],
      dst,
    );
  }

  unary(op: UnaryOp, src: View, dst: View, params: readonly number[]): void {
    const s = wgslType(src.dtype);
    const { expr, compute } = opExpr("unary", op, s);
    this.map(
      {
        inputs: [s],
        output: wgslType(dst.dtype),
        outputIsBool: dst.dtype === "bool",
        compute,
        expr,
        names: ["x"],
      },
      [src],
      dst,
      params,
    );
  }

  binary(op: BinaryOp, a: View, b: View, dst: View): void {
    const s = wgslType(a.dtype);
    const { expr, compute } = opExpr("binary", op, s);
    this.map(
      {
        inputs: [s, wgslType(b.dtype)],
        output: wgslType(dst.dtype),
        outputIsBool: dst.dtype === "bool",
        compute,
        expr,
        names: ["a", "b"],
        zeroCheck: compute === "i32" && INT_DIVIDES.has(op),
      },
      [a, b],
      dst,
    );
  }

  where(cond: View, a: View, b: View, dst: View): void {
    const t = wgslType(dst.dtype);
    this.map(
      {
        inputs: ["u32", wgslType(a.dtype), wgslType(b.dtype)],
        output: t,
        outputIsBool: false,
        compute: t,
        expr: `select(b, a, c != ${zero(t)})`,
        names: ["c", "a", "b"],
      },
      [cond, a, b],
      dst,
    );
  }

  // ---- reductions ----

  reduce(op: ReduceOp, src: View, dst: View): void {
    const outerRank = dst.shape.length;
    const t = wgslType(src.dtype);
    const pd: DType = t === "f32" ? "float32" : t === "i32" ? "int32" : "bool";
    // Each step folds slices of the reduced elements; a step with several slices per output
    // writes partials, which the next step reduces (see reduceStep).
    let from = src;
    for (;;) {
      const step = reduceStep(
        op,
        t,
        wgslType(dst.dtype),
        dst.dtype === "bool",
        from,
        outerRank,
        dst.offset,
      );
      const partials = step.slices > 1 ? this.alloc(pd, numel(dst.shape) * step.slices) : null;
      const out = partials === null ? gb(dst).buffer : partials.buffer;
      const meta = this.runner.meta(Uint32Array.from(step.words));
      this.runner.dispatch(step.source, [gb(from).buffer, out, meta], step.groups);
      if (from !== src) this.free(from.buf);
      if (partials === null) return;
      from = {
        buf: partials,
        dtype: pd,
        shape: [...dst.shape, step.slices],
        strides: [...contiguousStrides(dst.shape).map((s) => s * step.slices), 1],
        offset: 0,
      };
    }
  }

  argReduce(op: ArgReduceOp, src: View, values: View | null, indices: View): void {
    const outerRank = src.shape.length - 1;
    const outer = numel(src.shape.slice(0, outerRank));
    const n = src.shape[outerRank] as number;
    const t = wgslType(src.dtype);
    const words = [
      outer,
      n,
      values ? values.offset : 0,
      src.offset,
      ...src.shape.slice(0, outerRank),
      ...src.strides.slice(0, outerRank),
    ];
    words.push(n, src.strides[outerRank] as number, indices.offset);
    const buffers = [gb(src).buffer, gb(indices).buffer, this.runner.meta(Uint32Array.from(words))];
    if (values) buffers.push(gb(values).buffer);
    const { perRow, groups } = argReduceDispatch(outer, n);
    this.runner.dispatch(
      argReduceKernel(op, t, values !== null, outerRank, perRow),
      buffers,
      groups,
    );
  }

  cumulative(op: "cumsum" | "cumprod", src: View, dst: View): void {
    const r = src.shape.length - 1;
    const rows = numel(src.shape.slice(0, r));
    const words = [
      rows,
      0,
      dst.offset,
      src.offset,
      ...src.shape.slice(0, r),
      ...src.strides.slice(0, r),
      ...dst.strides.slice(0, r),
    ];
    words.push(src.shape[r] as number, src.strides[r] as number, dst.strides[r] as number);
    const kernel = scanKernel(op, wgslType(src.dtype), wgslType(dst.dtype), r);
    this.runner.dispatch(
      kernel,
      [gb(src).buffer, gb(dst).buffer, this.runner.meta(Uint32Array.from(words))],
      Math.ceil(rows / 64),
    );
  }

  // ---- matmul ----

  matmul(a: View, b: View, dst: View): void {
    const [B, M, K] = a.shape as [number, number, number];
    const N = b.shape[2] as number;
    const tilesX = Math.ceil(N / TILE);
    const tiles = Math.ceil(M / TILE) * tilesX;
    const words = [M, N, K, a.offset, ...a.strides, b.offset, ...b.strides, dst.offset, tilesX];
    const kernel = matmulKernel(wgslType(a.dtype), wgslType(b.dtype), wgslType(dst.dtype));
    this.runner.dispatch2d(
      kernel,
      [gb(a).buffer, gb(b).buffer, gb(dst).buffer, this.runner.meta(Uint32Array.from(words))],
      tiles,
      B,
    );
  }

  // ---- indexing ----

  gather(src: View, dim: number, index: View, dst: View): void {
    this.runner.dispatch(
      gatherKernel(wgslType(src.dtype), index.shape.length),
      [
        gb(src).buffer,
        gb(index).buffer,
        gb(dst).buffer,
        this.indexMeta(dim, index, dst, src),
        this.errors,
      ],
      Math.ceil(numel(index.shape) / WORKGROUP),
    );
  }

  scatter(dst: View, dim: number, index: View, src: View, reduce: "none" | "add"): void {
    this.runner.dispatch(
      scatterKernel(wgslType(dst.dtype), index.shape.length, reduce === "add"),
      [
        gb(dst).buffer,
        gb(index).buffer,
        gb(src).buffer,
        this.indexMeta(dim, index, src, dst),
        this.errors,
      ],
      Math.ceil(numel(index.shape) / WORKGROUP),
    );
  }

  /**
   * gather's and scatter's metadata (kernels-index.ts): [n, dim, target's size along dim,
   * offsets of index, walked, target, index's shape, strides of index, walked, target]. Each
   * thread walks index and `walked` together; `target` is indexed along dim.
   */
  private indexMeta(dim: number, index: View, walked: View, target: View): GPUBuffer {
    const words = [
      numel(index.shape),
      dim,
      target.shape[dim] as number,
      index.offset,
      walked.offset,
      target.offset,
      ...index.shape,
      ...index.strides,
      ...walked.strides,
      ...target.strides,
    ];
    return this.runner.meta(Uint32Array.from(words));
  }

  sort(src: View, descending: boolean, values: View, indices: View): void {
    const r = src.shape.length - 1;
    const rows = numel(src.shape.slice(0, r));
    const words = [
      rows,
      src.shape[r] as number,
      src.offset,
      values.offset,
      indices.offset,
      ...src.shape.slice(0, r),
    ];
    words.push(
      ...src.strides.slice(0, r),
      ...values.strides.slice(0, r),
      ...indices.strides.slice(0, r),
    );
    words.push(
      src.strides[r] as number,
      values.strides[r] as number,
      indices.strides[r] as number,
      descending ? 1 : 0,
    );
    this.runner.dispatch(
      sortKernel(wgslType(src.dtype), r),
      [
        gb(src).buffer,
        gb(values).buffer,
        gb(indices).buffer,
        this.runner.meta(Uint32Array.from(words)),
      ],
      Math.ceil(rows / 64),
    );
  }

  // ---- linalg (kernels-linalg.ts) ----

  luFactor(src: View, lu: View, pivots: View, info: View): void {
    const [B, n] = src.shape as [number, number];
    if (B === 0) return;
    const s = src.strides;
    const words = [B, n, src.offset, ...s, lu.offset, pivots.offset, ...pivots.strides];
    words.push(info.offset, info.strides[0] as number);
    const buffers = [gb(src), gb(lu), gb(pivots), gb(info)].map((g) => g.buffer);
    buffers.push(this.runner.meta(Uint32Array.from(words)));
    this.runner.dispatch(luFactorKernel(), buffers, Math.ceil(B / 64));
  }

  luSolve(lu: View, pivots: View, b: View, dst: View, transpose: boolean): void {
    const [B, n, k] = b.shape as [number, number, number];
    if (B * n * k === 0) return;
    const words = [B, n, k, lu.offset, pivots.offset, ...pivots.strides, b.offset, ...b.strides];
    words.push(dst.offset, ...dst.strides, transpose ? 1 : 0);
    const buffers = [gb(lu), gb(pivots), gb(b), gb(dst)].map((g) => g.buffer);
    buffers.push(this.runner.meta(Uint32Array.from(words)));
    this.runner.dispatch(luSolveKernel(), buffers, Math.ceil((B * k) / 64));
  }
}

export type { WgslScalar };
