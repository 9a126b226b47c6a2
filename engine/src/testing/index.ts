// Helpers for tests of code built on the engine (fixtures, tolerances).
export { allclose, type CloseOptions, isClose } from "./allclose.ts";
