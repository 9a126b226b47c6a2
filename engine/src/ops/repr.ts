// repr(tensor) through the printing module: gathers what format/ needs (values in logical
// order, device, autograd suffixes) and hands it over. Synchronous on the CPU; on a device
// that reads asynchronously, use reprAsync.
import { getDefaultDtype } from "../core/dtype.ts";
import { formatTensor } from "../format/index.ts";
import { Tensor } from "../tensor.ts";

declare module "../tensor.ts" {
  interface Tensor {
    /** Exactly what PyTorch's repr(t) / print(t) writes. */
    repr(): string;
    reprAsync(): Promise<string>;
    /** Set by the Python layer for nn.Parameter ("Parameter containing:"). */
    isParameter?: boolean;
  }
}

function source(t: Tensor, values: ArrayLike<number>) {
  return {
    shape: t.shape,
    dtype: t.dtype,
    values,
    device: t.device,
    requiresGrad: t.requiresGrad,
    gradFnName: t.gradFn ? t.gradFn.name : null,
    isParameter: t.isParameter === true,
  };
}

const options = () => ({ defaultDtype: getDefaultDtype() as "float32" | "float64" });

Tensor.prototype.repr = function (this: Tensor) {
  return formatTensor(source(this, this.dataSync()), options());
};
Tensor.prototype.reprAsync = async function (this: Tensor) {
  return formatTensor(source(this, await this.data()), options());
};
Tensor.prototype.toString = function (this: Tensor) {
  return this.repr();
};
