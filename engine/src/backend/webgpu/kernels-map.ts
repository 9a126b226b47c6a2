// WGSL for elementwise kernels (copy, fill, unary, binary, where), generated from the engine's
// one op table. A kernel is specialised by op, dtypes, layout (strided by rank, flat, or vec4),
// and which inputs alias the output or broadcast one element; shapes, strides, offsets and
// scalar parameters arrive in a metadata buffer at run time, so a new shape never recompiles.
import { type BinaryOp, binaryDef, unaryDef } from "../../core/elementwise-defs.ts";
import { ERR_ZERODIV } from "./kernels-index.ts";
import { MATH_PRELUDE } from "./kernels-math.ts";
import { convert, type WgslScalar } from "./wgsl-types.ts";

/** Integer ops that raise ZeroDivisionError on a zero divisor (flagged on the GPU). */
export const INT_DIVIDES: ReadonlySet<BinaryOp> = new Set(["floor_divide", "remainder", "fmod"]);

const PRELUDE = `
fn tl_floordiv(a: i32, b: i32) -> i32 {
  let q = a / b;
  return select(q, q - 1i, (a % b != 0i) && ((a < 0i) != (b < 0i)));
}
fn tl_rem(a: i32, b: i32) -> i32 {
  let r = a % b;
  return select(r, r + b, (r != 0i) && ((r < 0i) != (b < 0i)));
}
`;

/**
 * Threads per workgroup of every elementwise kernel, one element (or vec4) each. On
 * SwiftShader a 128-thread group with no loop measured as fast as any grid-stride or unrolled
 * variant, and tfjs-webgpu's choice agrees.
 */
export const MAP_WORKGROUP = 128;

/**
 * How a kernel finds its elements. "strided": shape and strides come from the metadata and
 * each thread turns its linear index into offsets with a div/mod per dim. "flat": every
 * operand walks with stride 1 (offset + i) or is one broadcast element (stride 0), so there is
 * no index arithmetic. "vec4": flat, with four elements per thread loaded as vec4s (n and the
 * offsets of stride-1 operands are multiples of 4). Which layout a call gets is decided by
 * planMap from the coalesced strides; shapes and offsets still travel in the metadata.
 */
export type MapLayout = "strided" | "flat" | "vec4";

export interface MapSpec {
  /** Storage types of the inputs, in binding order. */
  inputs: readonly WgslScalar[];
  output: WgslScalar;
  outputIsBool: boolean;
  /** The type the expression computes in. */
  compute: WgslScalar;
  /** WGSL expression over the input names (x, or a and b, or c, a and b) and p0, p1. */
  expr: string;
  /** Input names, in binding order. */
  names: readonly string[];
  /** Binds the error buffer and flags a zero second operand (integer division). */
  zeroCheck?: boolean;
}

/** A spec with its layout decided (by planMap). */
export interface MapKernelSpec extends MapSpec {
  layout: MapLayout;
  /** Strided layout: the rank of the coalesced shape. */
  rank: number;
  /** aliased[k]: input k is the output buffer (in-place), so it is read from Y. */
  aliased: readonly boolean[];
  /** Flat and vec4 layouts: broadcast[k]: input k is one element (stride 0). */
  broadcast: readonly boolean[];
  /** Flat and vec4 layouts: every offset is 0, so the metadata's offsets are not read. */
  zeroOffsets: boolean;
}

/** Where an operand's elements are: offset and strides over the output's shape. */
export interface MapOperand {
  offset: number;
  strides: readonly number[];
}

export interface MapPlan {
  source: string;
  /** The metadata buffer's u32 words. */
  words: number[];
  groups: number;
}

const f32 = new Float32Array(1);
const f32u = new Uint32Array(f32.buffer);
/** The bits of x as a float32 (one shared scratch word: this runs on every dispatch). */
const f32bits = (x: number): number => {
  f32[0] = x;
  return f32u[0] as number;
};

/**
 * Picks the layout for one call and builds its metadata. Metadata words: [n, p0 bits, p1 bits,
 * offY, offIn...], then for the strided layout shape[rank], stridesY[rank], stridesIn[k][rank].
 * In the vec4 layout n and the offsets of stride-1 operands count vec4s.
 */
export function planMap(
  spec: MapSpec,
  shape: readonly number[],
  dst: MapOperand,
  inputs: readonly MapOperand[],
  aliased: readonly boolean[],
  params: readonly number[],
): MapPlan {
  const n = shape.reduce((a, b) => a * b, 1);
  const c = coalesce(
    shape,
    [dst, ...inputs].map((v) => v.strides),
  );
  const [dstStrides, ...inStrides] = c.strides as [number[], ...number[][]];
  // One element: every stride is irrelevant, so the op is flat.
  const flat =
    n === 1 ||
    (c.shape.length === 1 &&
      dstStrides[0] === 1 &&
      inStrides.every((st) => st[0] === 1 || st[0] === 0));
  const broadcast = inStrides.map((st) => n > 1 && st[0] === 0);
  const vec4 =
    flat &&
    n % 4 === 0 &&
    dst.offset % 4 === 0 &&
    inputs.every((v, k) => (broadcast[k] ? !aliased[k] : v.offset % 4 === 0));
  const layout: MapLayout = vec4 ? "vec4" : flat ? "flat" : "strided";
  const q = vec4 ? 4 : 1;
  const words = [
    n / q,
    f32bits(params[0] ?? 0),
    f32bits(params[1] ?? 0),
    dst.offset / q,
    ...inputs.map((v, k) => (broadcast[k] ? v.offset : v.offset / q)),
  ];
  if (layout === "strided") {
    words.push(...c.shape);
    for (const st of c.strides) words.push(...st);
  }
  const zeroOffsets =
    layout !== "strided" && dst.offset === 0 && inputs.every((v) => v.offset === 0);
  const source = mapKernel({
    ...spec,
    layout,
    rank: c.shape.length,
    aliased,
    broadcast,
    zeroOffsets,
  });
  return { source, words, groups: Math.ceil(n / q / MAP_WORKGROUP) };
}

/**
 * Merges adjacent dims that every operand walks as one (stride[d-1] = stride[d] * shape[d]) and
 * drops size-1 dims, so a contiguous or scalar-broadcast op runs as rank 1. Rank 0 becomes [1]
 * with stride 0.
 */
export function coalesce(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  shape.forEach((size, d) => {
    if (size === 1) return;
    const last = outShape.length - 1;
    const merge =
      last >= 0 &&
      strides.every((st, k) => (outStrides[k] as number[])[last] === (st[d] as number) * size);
    if (merge) outShape[last] = (outShape[last] as number) * size;
    else outShape.push(size);
    strides.forEach((st, k) => {
      const o = outStrides[k] as number[];
      if (merge) o[last] = st[d] as number;
      else o.push(st[d] as number);
    });
  });
  if (outShape.length === 0) return { shape: [1], strides: strides.map(() => [0]) };
  return { shape: outShape, strides: outStrides };
}

/** WGSL source for a spec, memoised. */
export function mapKernel(s: MapKernelSpec): string {
  // Memoised by spec: building the source (prelude included) per op, and hashing a fresh
  // string for the pipeline cache, cost more host time than the dispatch itself.
  const key = `${s.inputs}|${s.output}|${s.outputIsBool}|${s.compute}|${s.expr}|${s.names}|${s.layout}|${s.layout === "strided" ? s.rank : `${s.broadcast}|${s.zeroOffsets}`}|${s.aliased}|${s.zeroCheck === true}`;
  let src = sources.get(key);
  if (src === undefined) {
    src = buildMapKernel(s);
    sources.set(key, src);
  }
  return src;
}

const sources = new Map<string, string>();

function buildMapKernel(s: MapKernelSpec): string {
  const k = s.inputs.length;
  const v4 = s.layout === "vec4";
  const vec = (t: WgslScalar) => (v4 ? `vec4<${t}>` : t);
  const bindings: string[] = [];
  let b = 0;
  s.inputs.forEach((t, i) => {
    if (s.aliased[i]) return;
    const elem = s.broadcast[i] ? t : vec(t);
    bindings.push(`@group(0) @binding(${b++}) var<storage, read> I${i}: array<${elem}>;`);
  });
  bindings.push(`@group(0) @binding(${b++}) var<storage, read_write> Y: array<${vec(s.output)}>;`);
  const words = 4 + k + (s.layout === "strided" ? s.rank * (k + 2) : 0);
  bindings.push(
    `@group(0) @binding(${b++}) var<uniform> M: array<vec4<u32>, ${Math.ceil(words / 4)}>;`,
  );
  if (s.zeroCheck)
    bindings.push(`@group(0) @binding(${b++}) var<storage, read_write> E: array<atomic<u32>>;`);
  // One element's computation, from the inputs in the compute type to the stored value.
  const params = s.names.map((name) => `${name}: ${s.compute}`).join(", ");
  const zeroCheck = s.zeroCheck
    ? `if (${s.names[1]} == ${s.compute}(0)) { _ = atomicCompareExchangeWeak(&E[0], 0u, ${ERR_ZERODIV}u); }\n  `
    : "";
  const elem = `fn tl_elem(${params}${k > 0 ? ", " : ""}p0: f32, p1: f32) -> ${s.output} {
  ${zeroCheck}let v = ${s.expr};
  return ${convert("v", s.compute, s.output, s.outputIsBool)};
}`;
  const lines =
    s.layout === "strided" ? stridedOffsets(s.rank, k) : flatOffsets(s.broadcast, k, s.zeroOffsets);
  const src = (i: number) => (s.aliased[i] ? "Y" : `I${i}`);
  const call = (arg: (i: number) => string) =>
    `tl_elem(${s.inputs.map((t, i) => `${convert(arg(i), t, s.compute)}, `).join("")}p0, p1)`;
  if (!v4) {
    lines.push(`  Y[oy] = ${call((i) => `${src(i)}[o${i}]`)};`);
  } else {
    // Four scalar calls per thread: the table's expressions are scalar WGSL.
    s.inputs.forEach((_, i) => {
      lines.push(`  let l${i} = ${src(i)}[o${i}];`);
    });
    const lanes = ["x", "y", "z", "w"].map((c) =>
      call((i) => (s.broadcast[i] ? `l${i}` : `l${i}.${c}`)),
    );
    lines.push(`  Y[oy] = vec4<${s.output}>(\n    ${lanes.join(",\n    ")});`);
  }
  return `${bindings.join("\n")}
${PRELUDE}
${MATH_PRELUDE}
${elem}
@compute @workgroup_size(${MAP_WORKGROUP})
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nw: vec3<u32>) {
  let i = gid.x + gid.y * nw.x * ${MAP_WORKGROUP}u;
  if (i >= ${m(0)}) { return; }
  let p0 = bitcast<f32>(${m(1)});
  let p1 = bitcast<f32>(${m(2)});
${lines.join("\n")}
}
`;
}

/** Offsets oy, o0.. of linear index i: a div/mod per dim of the metadata's shape. */
function stridedOffsets(r: number, k: number): string[] {
  const shapeAt = 4 + k;
  const strideAt = (operand: number) => shapeAt + r + operand * r; // operand 0 = Y
  const lines: string[] = ["  var rem = i;", `  var oy = ${m(3)};`];
  for (let i = 0; i < k; i++) lines.push(`  var o${i} = ${m(4 + i)};`);
  // Rank 1 (a coalesced op with a non-unit stride): no div/mod.
  if (r === 1) {
    lines.push(`  oy = oy + i * ${m(strideAt(0))};`);
    for (let i = 0; i < k; i++) lines.push(`  o${i} = o${i} + i * ${m(strideAt(i + 1))};`);
    return lines;
  }
  for (let d = r - 1; d >= 0; d--) {
    lines.push(`  { let size = ${m(shapeAt + d)}; let c = rem % size; rem = rem / size;`);
    lines.push(`    oy = oy + c * ${m(strideAt(0) + d)};`);
    for (let i = 0; i < k; i++) lines.push(`    o${i} = o${i} + c * ${m(strideAt(i + 1) + d)};`);
    lines.push("  }");
  }
  return lines;
}

/**
 * Offsets of the flat layouts: offset + i, or the offset alone for a broadcast element. With
 * every offset zero the index is i itself, which lets SwiftShader see that neighbouring
 * threads touch neighbouring elements and load them together (a runtime offset measured ~30%
 * slower on a 1M add).
 */
function flatOffsets(broadcast: readonly boolean[], k: number, zeroOffsets: boolean): string[] {
  const at = (slot: number, scalar: boolean) =>
    zeroOffsets ? (scalar ? "0u" : "i") : `${m(slot)}${scalar ? "" : " + i"}`;
  const lines = [`  let oy = ${at(3, false)};`];
  for (let i = 0; i < k; i++) lines.push(`  let o${i} = ${at(4 + i, broadcast[i] as boolean)};`);
  return lines;
}

/** WGSL for metadata word `i`: M is a uniform array of vec4s (uniform arrays are 16-byte strided). */
const m = (i: number): string => `M[${i >> 2}][${i & 3}]`;

/** The expression and compute type for a table op on a given compute storage type. */
export function opExpr(
  kind: "unary" | "binary",
  op: string,
  compute: WgslScalar,
): { expr: string; compute: WgslScalar } {
  const def = kind === "unary" ? unaryDef(op) : binaryDef(op);
  if (!def) throw new Error(`no WGSL for ${kind} op ${op}`);
  if (compute === "i32" && def.wgslInt !== undefined) return { expr: def.wgslInt, compute: "i32" };
  return { expr: def.wgsl, compute: "f32" };
}
