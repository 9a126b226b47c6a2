// The site reaches the engine through its package name, as every consumer must.
import { version } from "torchlit";
import { describe, expect, it } from "vitest";

describe("the torchlit package", () => {
  it("resolves by name from the site", () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
