// Executes generated kernels: caches one pipeline per kernel source (shapes, strides and
// offsets travel in a small metadata buffer, so a new shape or a view never recompiles),
// records dispatches into one command encoder, and submits on a read or every N dispatches.
// Buffers come from a pool bucketed by power-of-two size. A buffer freed while the open encoder
// may still use it is at once reusable as a kernel output (passes run in recorded order), but
// not as a queue.writeBuffer target (a queue write runs before the unsubmitted passes) until
// the encoder is submitted. Per dispatch the host does little: metadata blocks go to one
// arena written once per submit and bound at a dynamic offset, and bind groups are cached by
// the buffers they bind.

export const WORKGROUP = 256;

/** A kernel's metadata binding is named M; it is bound into the arena at a dynamic offset. */
const BINDING =
  /@group\(0\) @binding\((\d+)\) var<(uniform|storage, read_write|storage, read)> (\w+)/g;
/** Dynamic offsets must be multiples of this (WebGPU's largest allowed offset alignment). */
const META_ALIGN = 256;
/** Bytes of the arena a kernel's metadata binding covers: its words must fit. */
export const META_WINDOW = 4096;
/** The metadata arena: blocks for this many bytes of dispatches, then a submit. */
const ARENA_BYTES = 65536;
/** Cached bind groups; past this many the cache starts afresh. */
const MAX_BIND_GROUPS = 4096;

interface Kernel {
  pipeline: GPUComputePipeline;
  layout: GPUBindGroupLayout;
  /** The layout's binding types, which bind groups share across pipelines. */
  signature: string;
  /** The binding of the metadata (M), or -1. */
  metaBinding: number;
}

type Pool = Map<number, GPUBuffer[]>;

const take = (pool: Pool, size: number): GPUBuffer | undefined => pool.get(size)?.pop();
const put = (pool: Pool, b: GPUBuffer): void => {
  const list = pool.get(b.size);
  if (list) list.push(b);
  else pool.set(b.size, [b]);
};

export class GpuRunner {
  readonly device: GPUDevice;
  /** Pipeline and layout per kernel source. */
  private readonly kernels = new Map<string, Kernel>();
  /** Bind group layouts by signature, so kernels with equal bindings share bind groups. */
  private readonly layouts = new Map<string, GPUBindGroupLayout>();
  /** Bind groups by signature and the ids of the buffers they bind. */
  private readonly bindGroups = new Map<string, GPUBindGroup>();
  private readonly bufferIds = new WeakMap<GPUBuffer, number>();
  private nextBufferId = 1;
  /** Metadata blocks of the recorded dispatches, copied to the GPU just before each submit. */
  private readonly arena: GPUBuffer;
  private readonly arenaWords = new Uint32Array(ARENA_BYTES / 4);
  private arenaUsed = 0;
  /** The arena offset of the block meta() staged for the next dispatch. */
  private readonly metaOffset = new Uint32Array(1);
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

  /**
   * `onOutOfMemory` hears a GPUOutOfMemoryError: WebGPU reports one asynchronously, after the
   * buffer it could not allocate was handed out (invalid), so the backend gives the device up.
   */
  constructor(device: GPUDevice, onOutOfMemory: (message: string) => void = () => {}) {
    this.device = device;
    this.maxGroups = device.limits.maxComputeWorkgroupsPerDimension;
    this.arena = device.createBuffer({
      size: ARENA_BYTES,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    });
    device.addEventListener("uncapturederror", (e) => {
      const error = (e as GPUUncapturedErrorEvent).error;
      if (error.constructor.name === "GPUOutOfMemoryError") onOutOfMemory(error.message);
      else this.uncaptured ??= error.message;
    });
  }

  /** Raises (once) the WebGPU error that made earlier kernels do nothing, so no result is silently wrong. */
  raiseUncaptured(): void {
    const msg = this.uncaptured;
    if (msg === null) return;
    this.uncaptured = null;
    throw new Error(`WebGPU kernel failed: ${msg}`);
  }

  /** The size of the pool bucket (the buffer) that holds `bytes`. */
  bucketSize(bytes: number): number {
    return Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(bytes, 4))));
  }

  /**
   * A storage buffer of at least `bytes` bytes, from the pool when one is free. `forWrite`: the
   * caller fills it with queue.writeBuffer before the next submit, so only a buffer no
   * unsubmitted command uses will do.
   */
  acquire(bytes: number, forWrite = false): GPUBuffer {
    const size = this.bucketSize(bytes);
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
    // Cached bind groups may bind the destroyed buffers.
    this.bindGroups.clear();
  }

  /**
   * Stages a kernel's metadata (u32 words; f32 parameters are bit-cast by the caller) for the
   * next dispatch, and returns the buffer to pass as its M binding: the arena, which that
   * dispatch binds at this block's offset. Call it right before the dispatch that reads it.
   */
  meta(words: Uint32Array): GPUBuffer {
    if (words.byteLength > META_WINDOW)
      throw new Error(`kernel metadata of ${words.length} words exceeds ${META_WINDOW / 4}`);
    if (this.arenaUsed + META_WINDOW > ARENA_BYTES) this.flush();
    this.arenaWords.set(words, this.arenaUsed / 4);
    this.metaOffset[0] = this.arenaUsed;
    this.arenaUsed += Math.max(1, Math.ceil(words.byteLength / META_ALIGN)) * META_ALIGN;
    return this.arena;
  }

  /**
   * The pipeline for a kernel source, with an explicit layout read off its bindings: the
   * metadata binding takes a dynamic offset, and kernels with the same binding types share a
   * layout (and so bind groups).
   */
  private kernel(source: string): Kernel {
    let k = this.kernels.get(source);
    if (k !== undefined) return k;
    const entries: GPUBindGroupLayoutEntry[] = [];
    let metaBinding = -1;
    for (const [, binding, kind, name] of source.matchAll(BINDING)) {
      const dynamic = name === "M";
      if (dynamic) metaBinding = Number(binding);
      const type: GPUBufferBindingType =
        kind === "uniform" ? "uniform" : kind === "storage, read" ? "read-only-storage" : "storage";
      entries.push({
        binding: Number(binding),
        visibility: GPUShaderStage.COMPUTE,
        buffer: { type, hasDynamicOffset: dynamic },
      });
    }
    const signature = entries
      .map((e) => `${e.binding}:${e.buffer?.type}${e.buffer?.hasDynamicOffset ? "+" : ""}`)
      .join(",");
    let layout = this.layouts.get(signature);
    if (layout === undefined) {
      layout = this.device.createBindGroupLayout({ entries });
      this.layouts.set(signature, layout);
    }
    const pipeline = this.device.createComputePipeline({
      layout: this.device.createPipelineLayout({ bindGroupLayouts: [layout] }),
      compute: { module: this.device.createShaderModule({ code: source }), entryPoint: "main" },
    });
    k = { pipeline, layout, signature, metaBinding };
    this.kernels.set(source, k);
    return k;
  }

  private bufferId(b: GPUBuffer): number {
    let id = this.bufferIds.get(b);
    if (id === undefined) {
      id = this.nextBufferId++;
      this.bufferIds.set(b, id);
    }
    return id;
  }

  /** A bind group for the kernel's layout and these buffers, from the cache when it has one. */
  private bindGroup(k: Kernel, buffers: readonly GPUBuffer[]): GPUBindGroup {
    let key = k.signature;
    for (const b of buffers) key += `|${this.bufferId(b)}`;
    let bind = this.bindGroups.get(key);
    if (bind === undefined) {
      if (this.bindGroups.size >= MAX_BIND_GROUPS) this.bindGroups.clear();
      bind = this.device.createBindGroup({
        layout: k.layout,
        entries: buffers.map((buffer, binding) => ({
          binding,
          resource: binding === k.metaBinding ? { buffer, size: META_WINDOW } : { buffer },
        })),
      });
      this.bindGroups.set(key, bind);
    }
    return bind;
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
    const k = this.kernel(source);
    const bind = this.bindGroup(k, buffers);
    if (this.encoder === null) this.encoder = this.device.createCommandEncoder();
    if (this.pass === null) this.pass = this.encoder.beginComputePass();
    this.pass.setPipeline(k.pipeline);
    if (k.metaBinding >= 0) this.pass.setBindGroup(0, bind, this.metaOffset, 0, 1);
    else this.pass.setBindGroup(0, bind);
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
      // A queue write runs before the submit that follows it: the blocks are in place when
      // these dispatches run, and the next encoder's blocks wait for these to finish.
      if (this.arenaUsed > 0)
        this.device.queue.writeBuffer(this.arena, 0, this.arenaWords.buffer, 0, this.arenaUsed);
      this.device.queue.submit([this.encoder.finish()]);
      this.encoder = null;
      this.dispatchesInEncoder = 0;
    }
    this.arenaUsed = 0;
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
