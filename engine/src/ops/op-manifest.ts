// The op manifest: the elementwise table (core/elementwise-defs.ts) with each op's gradient
// node, as plain data. The Python package builds its bindings from it at import time
// (`_torchlit.opManifest`), the fixture generator reads its JSON copy
// (engine/fixtures/op-manifest.json, written by scripts/write-op-manifest.ts and checked by
// test/op-manifest.test.ts), and the completeness tests walk it.

import {
  BINARY,
  type BinaryDef,
  type DtypeRule,
  opApi,
  UNARY,
  type UnaryDef,
} from "../core/elementwise-defs.ts";
import { BGRADS, type NotDifferentiable, UGRADS } from "./elementwise.ts";

export interface ManifestOp {
  readonly name: string;
  readonly rule: DtypeRule;
  /** Tensor.name and torch.name. */
  readonly method: boolean;
  /** Tensor.name_. */
  readonly inplace: boolean;
  /** torch.name(..., out=): through the kernel ("engine"), computed and copied ("copy"), or none. */
  readonly out: "engine" | "copy" | null;
  /** torch.nn.functional.name: its scalar parameters (keyword, default) and inplace=. */
  readonly functional: {
    readonly params: readonly (readonly [string, number])[];
    readonly inplace: boolean;
  } | null;
  /** A kernel without a public name of its own: the public op that reaches it. */
  readonly via: string | null;
  /** PyTorch's grad_fn node for a floating result, or null (then `notDifferentiable` says why). */
  readonly gradFn: string | null;
  readonly notDifferentiable: string | null;
}

export interface OpManifest {
  readonly unary: readonly ManifestOp[];
  readonly binary: readonly ManifestOp[];
}

function entry(
  name: string,
  def: UnaryDef | BinaryDef,
  grad: { readonly node: string } | NotDifferentiable,
): ManifestOp {
  const api = opApi(def);
  return {
    name,
    rule: def.rule,
    method: api.method === true,
    inplace: api.inplace === true,
    out: api.out ?? null,
    functional: api.functional ?? null,
    via: def.via ?? null,
    gradFn: "node" in grad ? grad.node : null,
    notDifferentiable: "notDifferentiable" in grad ? grad.notDifferentiable : null,
  };
}

export const opManifest: OpManifest = {
  unary: Object.entries(UNARY).map(([name, def]) =>
    entry(name, def, UGRADS[name as keyof typeof UGRADS]),
  ),
  binary: Object.entries(BINARY).map(([name, def]) =>
    entry(name, def, BGRADS[name as keyof typeof BGRADS]),
  ),
};
