// Helpers for tests of code built on the engine (fixtures, tolerances).
export {};
