// Progress storage and the export/import file: merge rules (the newer draft wins, solved stays
// solved), whole-file rejection of foreign or malformed files, and a damaged store.
import { describe, expect, it } from "vitest";
import {
  exportProgress,
  mergeProgress,
  parseProgressFile,
  previewMerge,
  readProgress,
  STORAGE_KEY,
  updateExercise,
} from "./progress.ts";

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe("mergeProgress(mine, theirs)", () => {
  it("keeps the newer draft of each exercise", () => {
    const mine = { a: { lesson: "memory", solved: false, draft: "old", draftSavedAt: 1 } };
    const theirs = { a: { lesson: "memory", solved: false, draft: "new", draftSavedAt: 2 } };
    expect(mergeProgress(mine, theirs).a?.draft).toBe("new");
    expect(mergeProgress(theirs, mine).a?.draft).toBe("new");
  });

  it("never unsolves an exercise", () => {
    const mine = { a: { lesson: "memory", solved: true, solvedAt: 5 } };
    const theirs = { a: { lesson: "memory", solved: false, draft: "x", draftSavedAt: 9 } };
    expect(mergeProgress(mine, theirs).a).toMatchObject({ solved: true, solvedAt: 5, draft: "x" });
  });

  it("adds exercises it did not have and previews the change", () => {
    const mine = { a: { lesson: "memory", solved: true } };
    const theirs = {
      a: { lesson: "memory", solved: true },
      b: { lesson: "tensors", solved: true },
    };
    expect(previewMerge(mine, theirs)).toEqual({
      added: ["b"],
      updated: [],
      unchanged: ["a"],
      newlySolved: ["b"],
    });
  });
});

describe("parseProgressFile(text)", () => {
  it("accepts its own export", () => {
    const file = exportProgress({ a: { lesson: "memory", solved: true } }, new Date(0));
    expect(parseProgressFile(JSON.stringify(file))).toEqual({ ok: true, file });
  });

  it("rejects a foreign or malformed file whole", () => {
    expect(parseProgressFile("{")).toEqual({ ok: false, reason: "not-json" });
    expect(parseProgressFile('{"format":"other","version":1}')).toMatchObject({
      reason: "foreign",
    });
    const bad = { ...exportProgress({}), exercises: { a: { lesson: "memory", solved: "yes" } } };
    expect(parseProgressFile(JSON.stringify(bad))).toMatchObject({ reason: "malformed" });
  });
});

describe("the localStorage store", () => {
  it("starts afresh from a damaged value", () => {
    expect(readProgress(memoryStorage({ [STORAGE_KEY]: "not json" }))).toEqual({});
  });

  it("records updates per exercise", () => {
    const storage = memoryStorage();
    updateExercise(storage, "a", "memory", { draft: "y += x", draftSavedAt: 1 });
    updateExercise(storage, "a", "memory", { solved: true });
    expect(readProgress(storage).a).toEqual({
      lesson: "memory",
      draft: "y += x",
      draftSavedAt: 1,
      solved: true,
    });
  });
});
