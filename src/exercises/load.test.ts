// The loader refuses what would show wrongly on the page: here, Markdown in a title (a heading
// and a progress-page entry render it as plain text, so backticks would show raw).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadExercises } from "./load.ts";

const content = join(process.cwd(), "content", "exercises");
let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of one real exercise and the shared catalogue, its exercise.json edited by `edit`. */
function copyWith(folder: string, edit: (meta: { title: { en: string; zh: string } }) => void) {
  dir = mkdtempSync(join(tmpdir(), "tl-exercises-"));
  cpSync(join(content, "feedback.json"), join(dir, "feedback.json"));
  cpSync(join(content, folder), join(dir, folder), { recursive: true });
  const file = join(dir, folder, "exercise.json");
  const meta = JSON.parse(readFileSync(file, "utf8"));
  edit(meta);
  writeFileSync(file, JSON.stringify(meta));
  return dir;
}

describe("the exercise loader", () => {
  it("loads a valid folder", () => {
    const ex = loadExercises(copyWith("81-autograd-predict-accumulate", () => {}));
    expect(ex.map((e) => e.id)).toEqual(["autograd-predict-accumulate"]);
  });

  it("refuses Markdown in a title, naming the file and the language", () => {
    const d = copyWith("81-autograd-predict-accumulate", (m) => {
      m.title.en = "`.grad` after three backward passes";
    });
    expect(() => loadExercises(d)).toThrow(/exercise\.json: title\.en: plain text only/);
  });
});
