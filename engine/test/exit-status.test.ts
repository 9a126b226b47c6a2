import { describe, expect, it } from "vitest";
import { exitStatus } from "../src/runtime/exit-status.ts";

describe("exitStatus", () => {
  it("reads os._exit's status from Emscripten's exit error", () => {
    expect(exitStatus(new Error("Program terminated with exit(4)"))).toBe(4);
    expect(exitStatus("Exit: Program terminated with exit(0)")).toBe(0);
    expect(exitStatus(new Error("Program terminated with exit(-1)"))).toBe(-1);
  });

  it("is null for any other error", () => {
    expect(exitStatus(new Error("RangeError: Maximum call stack size exceeded"))).toBeNull();
    expect(exitStatus(undefined)).toBeNull();
  });
});
