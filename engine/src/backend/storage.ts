// Storages: the eager source of truth for tensor data. A storage owns one backend buffer,
// a version counter shared by every view of it, and a fake base address for data_ptr().
// The allocation accounting here lets tests tell a view (no new storage) from a copy.
import { DTYPES, type DType } from "../core/dtype.ts";
import { runtimeError } from "../core/errors.ts";
import type { Backend, BackendBuffer, DeviceType } from "./backend.ts";
import {
  budgetStats,
  budgets,
  COUNTED_CPU_BYTES,
  cpuBudgetMessage,
  markBudgetRefusal,
} from "./memory-budget.ts";

export type { DeviceType };

export interface AllocStats {
  /** Storages created since start (or since resetAllocStats). */
  storagesCreated: number;
  /** Bytes of all storages created since start, counted as PyTorch would (itemsize x numel). */
  bytesAllocated: number;
  /** Storages neither disposed nor garbage-collected. A collected CPU storage leaves the count
   * only if it was created while trackCollectedStorages(true) was on; otherwise it stays
   * counted until disposed (memory-budget.ts's count of CPU storages of 1 MiB or more is the
   * one that always sees collections). GPU storages always leave it when collected. */
  liveStorages: number;
  /** Bytes of the live storages, with the same rule. */
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

/** What a storage's release needs, kept apart from the storage so the finalizer can run it. */
interface Release {
  backend: Backend;
  /** GPU buffers go back to the backend's pool; CPU buffers are ordinary garbage (null here,
   * so the registry does not pin their memory until the callback runs). */
  buffer: BackendBuffer | null;
  tracked: boolean;
  bytes: number;
  /** Counted in budgetStats.cpuBytes (a CPU storage of at least COUNTED_CPU_BYTES). */
  budgeted: boolean;
  /** Whether a collection (not only dispose) takes it out of allocStats. */
  statsOnCollect: boolean;
  done: boolean;
}

function releaseStorage(r: Release, collected = false): void {
  if (r.done) return;
  r.done = true;
  if (r.buffer !== null) r.backend.free(r.buffer);
  if (r.budgeted) budgetStats.cpuBytes -= r.bytes;
  if (r.budgeted || r.buffer !== null) budgetStats.releases++;
  if (!r.tracked || (collected && !r.statsOnCollect)) return;
  allocStats.liveStorages--;
  allocStats.liveBytes -= r.bytes;
}

let trackCollections = false;

/**
 * A debug switch: while on, new CPU storages are registered with the finalizer, so that
 * liveStorages/liveBytes drop when they are collected (tests use it to show that temporaries are
 * released). Off by default because a registry entry per storage costs time: registered objects
 * outlive V8's minor collections, and a small-tensor training loop in TS ran about 1.8x slower.
 */
export function trackCollectedStorages(on: boolean): void {
  trackCollections = on;
}

// Backstop for storages nobody disposed: frees device memory when the storage is collected and
// keeps liveStorages/liveBytes honest (CPU storages too, while trackCollectedStorages is on).
// No unregister token: dispose() marks the release done instead, as tokens cost several times
// more per allocation, and every op allocates.
const finalizer = new FinalizationRegistry<Release>((r) => releaseStorage(r, true));

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
  private readonly release: Release;

  constructor(backend: Backend, dtype: DType, numel: number, tracked = true) {
    const bytes = numel * DTYPES[dtype].itemsize;
    // The CPU allocator's limit; a GPU backend checks its own (its alloc raises CUDA's error).
    const cpu = backend.device === "cpu";
    if (cpu && bytes > limits.maxAllocationBytes) {
      throw runtimeError(
        `[enforce fail at alloc_cpu.cpp:75] . DefaultCPUAllocator: can't allocate memory: you tried to allocate ${bytes} bytes. Error code 12 (Cannot allocate memory)`,
      );
    }
    // The page's total: counted are CPU storages of 1 MiB or more, which the finalizer lets go
    // of when collected (the GPU backend's alloc keeps its own budget).
    const budgeted = cpu && bytes >= COUNTED_CPU_BYTES;
    if (budgeted && budgetStats.cpuBytes + bytes > budgets.cpuBytes)
      throw markBudgetRefusal(runtimeError(cpuBudgetMessage(bytes)));
    this.id = nextId++;
    this.dtype = dtype;
    this.numel = numel;
    this.backend = backend;
    this.address = nextAddress;
    nextAddress += Math.ceil((bytes + 64) / 64) * 64;
    this.buffer = backend.alloc(dtype, numel);
    this.tracked = tracked;
    this.release = {
      backend,
      buffer: cpu ? null : this.buffer,
      tracked,
      bytes,
      budgeted,
      statsOnCollect: !cpu || trackCollections,
      done: false,
    };
    if (budgeted) budgetStats.cpuBytes += bytes;
    if (!cpu || budgeted || (tracked && trackCollections)) finalizer.register(this, this.release);
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
    releaseStorage(this.release);
  }
}
