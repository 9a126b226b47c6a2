// Public entry of the torchlit engine: the PyTorch-named TypeScript API.
// Everything outside engine/ imports from here (or from "torchlit/testing").
export const version = "0.1.0";
