// Executes generated kernels: caches one pipeline per kernel source (shapes, strides and
// offsets travel in a small metadata buffer, so a new shape or a view never recompiles),
// records dispatches into one command encoder, and submits on a read or every N dispatches.
// Buffers come from a pool bucketed by size and return to it only after the submission that
// used them has completed.

export const WORKGROUP = 256;

interface Pending {
  buffers: GPUBuffer[];
}

export class GpuRunner {
  readonly device: GPUDevice;
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  private encoder: GPUCommandEncoder | null = null;
  private dispatchesInEncoder = 0;
  /** Buffers freed since the last submit: reusable once that submit completes. */
  private freedSinceSubmit: GPUBuffer[] = [];
  private readonly pool = new Map<number, GPUBuffer[]>();
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

  /** A storage buffer of at least `bytes` bytes, from the pool when one is free. */
  acquire(bytes: number): GPUBuffer {
    const size = this.bucket(bytes);
    const list = this.pool.get(size);
    const reused = list?.pop();
    if (reused) return reused;
    return this.device.createBuffer({
      size,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
    });
  }

  /** Returns a buffer to the pool after the work recorded so far has finished with it. */
  release(buf: GPUBuffer): void {
    this.freedSinceSubmit.push(buf);
  }

  /** Drops pooled buffers (torch.cuda.empty_cache()). */
  emptyCache(): void {
    for (const list of this.pool.values()) for (const b of list) b.destroy();
    this.pool.clear();
  }

  /** A read-only metadata buffer holding u32 words (f32 parameters are bit-cast by the caller). */
  meta(words: Uint32Array): GPUBuffer {
    const buf = this.acquire(words.byteLength);
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

  /** Workgroup grid for `groups` workgroups, 2-D past the per-dimension limit. */
  grid(groups: number): [number, number] {
    if (groups <= this.maxGroups) return [Math.max(groups, 1), 1];
    const x = this.maxGroups;
    return [x, Math.ceil(groups / x)];
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
    const bind = this.device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    if (this.encoder === null) this.encoder = this.device.createCommandEncoder();
    const pass = this.encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bind);
    pass.dispatchWorkgroups(x, y);
    pass.end();
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
    this.encoder.copyBufferToBuffer(src, srcOffset, dst, dstOffset, bytes);
  }

  /** Whether dispatches are recorded but not yet submitted. */
  get hasPending(): boolean {
    return this.encoder !== null;
  }

  /** Submits recorded work; freed buffers go back to the pool once it completes. */
  flush(): Promise<void> {
    const freed = this.freedSinceSubmit;
    this.freedSinceSubmit = [];
    if (this.encoder !== null) {
      this.device.queue.submit([this.encoder.finish()]);
      this.encoder = null;
      this.dispatchesInEncoder = 0;
    }
    const done = this.device.queue.onSubmittedWorkDone();
    const pending: Pending = { buffers: freed };
    done.then(() => {
      for (const b of pending.buffers) {
        const list = this.pool.get(b.size) ?? [];
        list.push(b);
        this.pool.set(b.size, list);
      }
    });
    return done;
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
