// Indexing and the ops that rearrange data, gathered in one entry: importing this module
// attaches x[...] (index), x[...] = v (indexPut_), index_select/fill/add/put, masked_select,
// masked_scatter, take, nonzero, sort/argsort/topk/unique, repeat/flip/roll/tril/triu, and exports
// the functional forms.
// The work lives in index-*.ts, join.ts and sort.ts; this file only wires them together.
import "./index-get.ts";
import "./index-put.ts";
import "./join.ts";
import "./sort.ts";

export { index_select, masked_select, nonzero, take, whereNonzero } from "./index-get.ts";
export type { IndexSpec, NestedIndex, SliceSpec } from "./index-spec.ts";
export { cat, concat, flip, roll, stack, tril, triu } from "./join.ts";
export { argsort, sort, topk, type UniqueOptions, unique } from "./sort.ts";
