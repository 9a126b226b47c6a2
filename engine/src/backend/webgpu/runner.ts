// Executes generated kernels: caches one pipeline per kernel source (shapes, strides and
// offsets travel in a small metadata buffer, so a new shape or a view never recompiles),
// records dispatches into one command encoder, and submits on a read or every N dispatches.
// Buffers come from a pool bucketed by power-of-two size. A buffer freed while the open encoder
// may still use it is at once reusable as a kernel output (passes run in recorded order), but
// not as a queue.writeBuffer target (a queue write runs before the unsubmitted passes) until
// the encoder is submitted.

export const WORKGROUP = 256;

type Pool = Map<number, GPUBuffer[]>;

const take = (pool: Pool, size: number): GPUBuffer | undefined => pool.get(size)?.pop();
const put = (pool: Pool, b: GPUBuffer): void => {
  const list = pool.get(b.size);
  if (list) list.push(b);
  else pool.set(b.size, [b]);
};

export class GpuRunner {
  readonly device: GPUDevice;
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  /** Each pipeline's bind group layout (getBindGroupLayout makes a new object per call). */
  private readonly layouts = new Map<GPUComputePipeline, GPUBindGroupLayout>();
  private encoder: GPUCommandEncoder | null = null;
  /** One compute pass holds consecutive dispatches (a pass per dispatch costs CPU time). */
  private pass: GPUComputePassEncoder | null = null;
  private dispatchesInEncoder = 0;
  /** Buffers freed since the last submit: reusable as kernel outputs, not as write targets. */
  private readonly dirty: Pool = new Map();
  /** Free buffers no unsubmitted command uses. */
  private readonly pool: Pool = new Map();
  /** GPU buffers created since start (tests assert the pool keeps this bounded). */
  buffersCreated = 0;
  private readonly maxGroups: number;
  /** Kernel dispatches since creation (tests assert the GPU really ran). */
  dispatches = 0;
  /** Bytes currently held by live storages. */
  liveBytes = 0;
  flushThreshold = 64;

  /** The first WebGPU error since the last read (a kernel that failed to compile or validate). */
  private uncaptured: string | null = null;

  constructor(device: GPUDevice) {
    this.device = device;
    this.maxGroups = device.limits.maxComputeWorkgroupsPerDimension;
    device.addEventListener("uncapturederror", (e) => {
      this.uncaptured ??= (e as GPUUncapturedErrorEvent).error.message;
    });
  }

  /** Raises (once) the WebGPU error that made earlier kernels do nothing, so no result is silently wrong. */
  raiseUncaptured(): void {
    const msg = this.uncaptured;
    if (msg === null) return;
    this.uncaptured = null;
    throw new Error(`WebGPU kernel failed: ${msg}`);
  }

  private bucket(bytes: number): number {
    return Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(bytes, 4))));
  }

  /**
   * A storage buffer of at least `bytes` bytes, from the pool when one is free. `forWrite`: the
   * caller fills it with queue.writeBuffer before the next submit, so only a buffer no
   * unsubmitted command uses will do.
   */
  acquire(bytes: number, forWrite = false): GPUBuffer {
    const size = this.bucket(bytes);
    const reused = (forWrite ? undefined : take(this.dirty, size)) ?? take(this.pool, size);
    if (reused) return reused;
    this.buffersCreated++;
    return this.device.createBuffer({
      size,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
    });
  }

  /** Returns a buffer to the pool after the work recorded so far has finished with it. */
  release(buf: GPUBuffer): void {
    // Dirty even with no encoder open: a metadata buffer is written before the dispatch that
    // reads it is recorded, and a second write to it must not overtake that dispatch.
    put(this.dirty, buf);
  }

  /** Bytes of free buffers waiting in the pool for reuse. */
  get pooledBytes(): number {
    let n = 0;
    for (const p of [this.pool, this.dirty]) for (const [size, list] of p) n += size * list.length;
    return n;
  }

  /** Buffers waiting in the pool. */
  get pooledBuffers(): number {
    let n = 0;
    for (const p of [this.pool, this.dirty]) for (const list of p.values()) n += list.length;
    return n;
  }

  /**
   * Destroys every free buffer (torch.cuda.empty_cache()). Recorded work is submitted first; a
   * destroyed buffer stays valid for work already submitted.
   */
  emptyCache(): void {
    this.flush();
    for (const list of this.pool.values()) for (const b of list) b.destroy();
    this.pool.clear();
  }

  /** A read-only metadata buffer holding u32 words (f32 parameters are bit-cast by the caller). */
  meta(words: Uint32Array): GPUBuffer {
    const buf = this.acquire(words.byteLength, true);
    this.device.queue.writeBuffer(
      buf,
      0,
      words.buffer as ArrayBuffer,
      words.byteOffset,
      words.byteLength,
    );
    this.release(buf);
    return buf;
  }

  pipeline(source: string): GPUComputePipeline {
    let p = this.pipelines.get(source);
    if (!p) {
      const module = this.device.createShaderModule({ code: source });
      p = this.device.createComputePipeline({
        layout: "auto",
        compute: { module, entryPoint: "main" },
      });
      this.pipelines.set(source, p);
    }
    return p;
  }

  /**
   * Workgroup grid for `groups` workgroups, 2-D past the per-dimension limit: rows as even as
   * possible, since every surplus workgroup is still launched (and costs a software adapter
   * nearly as much as a busy one). Kernels linearise it as x + y * num_workgroups.x.
   */
  grid(groups: number): [number, number] {
    if (groups <= this.maxGroups) return [Math.max(groups, 1), 1];
    const y = Math.ceil(groups / this.maxGroups);
    return [Math.ceil(groups / y), y];
  }

  /** A dispatch of `groups` workgroups, laid out 2-D past the per-dimension limit. */
  dispatch(source: string, buffers: readonly GPUBuffer[], groups: number): void {
    if (groups === 0) return;
    const [x, y] = this.grid(groups);
    this.dispatch2d(source, buffers, x, y);
  }

  /** A dispatch with an explicit 2-D grid (x groups, y groups), e.g. matmul tiles by batch. */
  dispatch2d(source: string, buffers: readonly GPUBuffer[], x: number, y: number): void {
    if (x === 0 || y === 0) return;
    const pipeline = this.pipeline(source);
    let layout = this.layouts.get(pipeline);
    if (layout === undefined) {
      layout = pipeline.getBindGroupLayout(0);
      this.layouts.set(pipeline, layout);
    }
    const bind = this.device.createBindGroup({
      layout,
      entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    if (this.encoder === null) this.encoder = this.device.createCommandEncoder();
    if (this.pass === null) this.pass = this.encoder.beginComputePass();
    this.pass.setPipeline(pipeline);
    this.pass.setBindGroup(0, bind);
    this.pass.dispatchWorkgroups(x, y);
    this.dispatches++;
    this.dispatchesInEncoder++;
    if (this.dispatchesInEncoder >= this.flushThreshold) this.flush();
  }

  /** Records a buffer-to-buffer copy in the current encoder. */
  copyBuffer(
    src: GPUBuffer,
    srcOffset: number,
    dst: GPUBuffer,
    dstOffset: number,
    bytes: number,
  ): void {
    if (this.encoder === null) this.encoder = this.device.createCommandEncoder();
    this.endPass();
    this.encoder.copyBufferToBuffer(src, srcOffset, dst, dstOffset, bytes);
  }

  /** Whether dispatches are recorded but not yet submitted. */
  get hasPending(): boolean {
    return this.encoder !== null;
  }

  /** Submits recorded work; freed buffers go back to the pool once it completes. */
  private endPass(): void {
    this.pass?.end();
    this.pass = null;
  }

  flush(): Promise<void> {
    this.endPass();
    if (this.encoder !== null) {
      this.device.queue.submit([this.encoder.finish()]);
      this.encoder = null;
      this.dispatchesInEncoder = 0;
    }
    // Queue writes issued from now on run after the submitted passes, so every freed buffer is
    // clean again.
    for (const list of this.dirty.values()) for (const b of list) put(this.pool, b);
    this.dirty.clear();
    return this.device.queue.onSubmittedWorkDone();
  }

  /** Copies `bytes` from a storage buffer to the host. */
  async readBytes(src: GPUBuffer, offset: number, bytes: number): Promise<ArrayBuffer> {
    const size = Math.max(4, Math.ceil(bytes / 4) * 4);
    const staging = this.device.createBuffer({
      size,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    this.copyBuffer(src, offset, staging, 0, size);
    await this.flush();
    await staging.mapAsync(GPUMapMode.READ);
    const out = staging.getMappedRange().slice(0, bytes);
    staging.unmap();
    staging.destroy();
    return out;
  }
}
