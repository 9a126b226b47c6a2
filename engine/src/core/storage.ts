// Storages: the eager source of truth for tensor data. A storage owns one backend buffer,
// a version counter shared by every view of it, and a fake base address for data_ptr().
// The allocation accounting here lets tests tell a view (no new storage) from a copy.
import type { Backend, BackendBuffer } from "../backend/backend.ts";
import { DTYPES, type DType } from "./dtype.ts";
import { runtimeError } from "./errors.ts";

export type DeviceType = "cpu" | "cuda";

export interface AllocStats {
  /** Storages created since start (or since resetAllocStats). */
  storagesCreated: number;
  /** Bytes of all storages created since start, counted as PyTorch would (itemsize x numel). */
  bytesAllocated: number;
  liveStorages: number;
  liveBytes: number;
  peakLiveBytes: number;
}

export const allocStats: AllocStats = {
  storagesCreated: 0,
  bytesAllocated: 0,
  liveStorages: 0,
  liveBytes: 0,
  peakLiveBytes: 0,
};

export function resetAllocStats(): void {
  allocStats.storagesCreated = 0;
  allocStats.bytesAllocated = 0;
  allocStats.peakLiveBytes = allocStats.liveBytes;
}

/** Runs fn and reports how many storages and bytes it allocated. */
export function measureAllocations<T>(fn: () => T): { result: T; storages: number; bytes: number } {
  const s0 = allocStats.storagesCreated;
  const b0 = allocStats.bytesAllocated;
  const result = fn();
  return {
    result,
    storages: allocStats.storagesCreated - s0,
    bytes: allocStats.bytesAllocated - b0,
  };
}

/** Upper bound on one allocation, so a typo like torch.zeros(10**6, 10**6) fails cleanly. */
export const limits = { maxAllocationBytes: 2 ** 31 };

let nextId = 1;
// Addresses start at a plausible heap address and are spaced so storages never overlap.
let nextAddress = 0x5600_0000_0000;

// Backstop for storages nobody disposed: frees device memory when the storage is collected.
// CPU buffers are ordinary garbage; GPU buffers must go back to the backend's pool.
const finalizer = new FinalizationRegistry<{
  backend: Backend;
  buffer: BackendBuffer;
  tracked: boolean;
  bytes: number;
}>((held) => {
  held.backend.free(held.buffer);
  if (!held.tracked) return;
  allocStats.liveStorages--;
  allocStats.liveBytes -= held.bytes;
});

export class Storage {
  readonly id: number;
  readonly dtype: DType;
  readonly numel: number;
  readonly backend: Backend;
  readonly address: number;
  buffer: BackendBuffer;
  /** Bumped by every in-place write through any view; autograd compares it with saved versions. */
  version = 0;
  disposed = false;
  /** Kernel temporaries (scalar operands, dtype casts) are not counted: PyTorch makes none. */
  readonly tracked: boolean;

  constructor(backend: Backend, dtype: DType, numel: number, tracked = true) {
    const bytes = numel * DTYPES[dtype].itemsize;
    if (bytes > limits.maxAllocationBytes) {
      throw runtimeError(
        `[enforce fail at alloc_cpu.cpp:75] . DefaultCPUAllocator: can't allocate memory: you tried to allocate ${bytes} bytes. Error code 12 (Cannot allocate memory)`,
      );
    }
    this.id = nextId++;
    this.dtype = dtype;
    this.numel = numel;
    this.backend = backend;
    this.address = nextAddress;
    nextAddress += Math.ceil((bytes + 64) / 64) * 64;
    this.buffer = backend.alloc(dtype, numel);
    this.tracked = tracked;
    if (backend.device !== "cpu")
      finalizer.register(this, { backend, buffer: this.buffer, tracked, bytes }, this);
    if (!tracked) return;
    allocStats.storagesCreated++;
    allocStats.bytesAllocated += bytes;
    allocStats.liveStorages++;
    allocStats.liveBytes += bytes;
    if (allocStats.liveBytes > allocStats.peakLiveBytes)
      allocStats.peakLiveBytes = allocStats.liveBytes;
  }

  get nbytes(): number {
    return this.numel * DTYPES[this.dtype].itemsize;
  }

  /** Releases the backend buffer now; later use raises. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    finalizer.unregister(this);
    this.backend.free(this.buffer);
    if (!this.tracked) return;
    allocStats.liveStorages--;
    allocStats.liveBytes -= this.nbytes;
  }
}
