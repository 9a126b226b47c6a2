// The build's pre-compressed copies as a browser receives them from `npm start`'s server:
// Chromium asks for Brotli from http://localhost (a secure context, as https is; over plain http
// to another host it asks for gzip only), so the runtime's Wasm, standard library and scripts
// arrive Brotli-encoded, and Python still starts and runs a cell from them. (gzip, q-values and
// the caching headers: src/server/static-host.test.ts.)
import { expect, test } from "@playwright/test";

test("a lesson's runtime arrives Brotli-compressed and still runs the first cell", async ({
  page,
}) => {
  const encodings = new Map<string, string>();
  page.on("response", async (response) => {
    const name = new URL(response.url()).pathname.split("/").pop() ?? "";
    if (/^(pyodide\.asm\.wasm|python_stdlib\.zip|pyodide\.asm\.mjs)$/.test(name)) {
      encodings.set(name, (await response.allHeaders())["content-encoding"] ?? "identity");
    }
  });
  await page.goto("en/tensors/");
  const cell = page.locator("[data-tl-cell]").first();
  await cell.getByRole("button", { name: "Run", exact: true }).click();
  await expect(cell).toHaveAttribute("data-state", "ok", { timeout: 60_000 });
  expect(Object.fromEntries(encodings)).toEqual({
    "pyodide.asm.mjs": "br",
    "pyodide.asm.wasm": "br",
    "python_stdlib.zip": "br",
  });
});

test("the page itself is served compressed, and says it varies by encoding", async ({ page }) => {
  const response = await page.goto("en/tensors/");
  expect((await response?.allHeaders())?.["content-encoding"]).toBe("br");
  expect((await response?.allHeaders())?.vary).toBe("accept-encoding");
});
