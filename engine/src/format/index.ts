// Public surface of the printing module: Python number text, print options and
// repr(tensor). The tensor core and the Python runtime import from here only;
// this folder imports nothing else from the engine.

export type { ElementFormatter, ElementKind, FormatterOptions } from "./element-formatter.ts";
export { makeElementFormatter } from "./element-formatter.ts";
export type { PrintOptions, SetPrintoptionsArgs } from "./print-options.ts";
export {
  getPrintoptions,
  printOptions,
  resetPrintoptions,
  setPrintoptions,
} from "./print-options.ts";
export type { PyFormatSpec } from "./py-float.ts";
export {
  formatExponent,
  formatFixed,
  parsePyFormatSpec,
  pyFormat,
  pyIntStr,
  pyRepr,
  pyStr,
} from "./py-float.ts";
export type { FormatDtype, FormatTensorOptions, TensorPrintSource } from "./tensor-repr.ts";
export { formatTensor, pyScalarStr, reprDtype, reprSize, reprTuple } from "./tensor-repr.ts";
export type { TensorValues } from "./tensor-str.ts";
export { numelOf, valueGetter } from "./tensor-str.ts";
