// Progress storage and the export/import file: merge rules (the newer draft wins, solved stays
// solved), rejection of foreign, newer or unreadable files with the reason, entry-by-entry
// import, and a damaged store that is quarantined, never overwritten, and exported.
import { describe, expect, it } from "vitest";
import {
  exportProgress,
  mergeProgress,
  parseProgressFile,
  previewMerge,
  QUARANTINE_KEY,
  readProgress,
  readQuarantine,
  readStore,
  STORAGE_KEY,
  unreadableText,
  updateExercise,
  writeProgress,
} from "./progress.ts";

/** A Storage in memory; `quota` (characters over all keys) makes setItem throw as browsers do. */
function memoryStorage(initial: Record<string, string> = {}, quota = Infinity): Storage {
  const data = new Map(Object.entries(initial));
  const used = () => [...data.values()].reduce((n, v) => n + v.length, 0);
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => {
      if (used() - (data.get(k)?.length ?? 0) + v.length > quota)
        throw new DOMException("quota", "QuotaExceededError");
      data.set(k, v);
    },
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
    expect(parseProgressFile(JSON.stringify(file))).toEqual({ ok: true, file, skipped: 0 });
  });

  it("rejects a file that is not JSON, not ours, or from a newer version, saying which", () => {
    expect(parseProgressFile("{")).toEqual({ ok: false, reason: "not-json" });
    expect(parseProgressFile('{"format":"other","version":1}')).toMatchObject({
      reason: "foreign",
    });
    const newer = { ...exportProgress({}), version: 2 };
    expect(parseProgressFile(JSON.stringify(newer))).toEqual({ ok: false, reason: "newer" });
    const noList = { ...exportProgress({}), exercises: [] };
    expect(parseProgressFile(JSON.stringify(noList))).toMatchObject({ reason: "malformed" });
  });

  it("imports the valid entries of a file with a bad one, and counts what it skipped", () => {
    const text = `{"format":"torchlit-progress","version":1,"exportedAt":"x","exercises":{
      "a":{"lesson":"memory","solved":true},"b":{"lesson":"memory","solved":"yes"},
      "__proto__":{"lesson":"memory","solved":true},"constructor":{"lesson":"m","solved":true}}}`;
    const parsed = parseProgressFile(text);
    expect(parsed).toMatchObject({ ok: true, skipped: 3 });
    if (!parsed.ok) throw new Error("rejected");
    expect(Object.keys(parsed.file.exercises)).toEqual(["a"]);
    expect(Object.getPrototypeOf(parsed.file.exercises)).toBe(Object.prototype);
    expect(previewMerge({}, parsed.file.exercises).added).toEqual(["a"]);
  });
});

describe("the localStorage store", () => {
  it("reads nothing from a value that is not JSON, and keeps that value", () => {
    const storage = memoryStorage({ [STORAGE_KEY]: "not json" });
    expect(readStore(storage)).toEqual({ progress: {}, unreadable: "not json" });
    expect(updateExercise(storage, "a", "memory", { draft: "x", draftSavedAt: 1 })).toBe(true);
    expect(readQuarantine(storage).map((r) => r.raw)).toEqual(["not json"]);
    expect(readProgress(storage).a?.draft).toBe("x");
  });

  it("keeps the valid entries beside a malformed one, and quarantines only that one", () => {
    const stored = {
      good: { lesson: "memory", solved: true, draft: "y += x", draftSavedAt: 1 },
      bad: { lesson: "memory", solved: "yes" },
    };
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify(stored) });
    expect(readProgress(storage)).toEqual({ good: stored.good });
    updateExercise(storage, "other", "tensors", { draft: "z", draftSavedAt: 2 });
    expect(readProgress(storage).good).toEqual(stored.good);
    expect(readProgress(storage).other?.draft).toBe("z");
    expect(JSON.parse(readQuarantine(storage)[0]?.raw ?? "")).toEqual({ bad: stored.bad });
    expect(unreadableText(storage)).toContain('"solved":"yes"');
  });

  it("writes nothing when even the quarantine cannot be saved", () => {
    const damaged = "x".repeat(50);
    const storage = memoryStorage({ [STORAGE_KEY]: damaged }, 60);
    expect(writeProgress(storage, { a: { lesson: "memory", solved: true } })).toBe(false);
    expect(storage.getItem(STORAGE_KEY)).toBe(damaged);
    expect(storage.getItem(QUARANTINE_KEY)).toBeNull();
  });

  it("reports a full store as not saved", () => {
    const storage = memoryStorage({}, 10);
    expect(updateExercise(storage, "a", "memory", { draft: "a long draft", draftSavedAt: 1 })).toBe(
      false,
    );
  });

  it("never unsolves, and never drops another tab's entries", () => {
    const storage = memoryStorage();
    updateExercise(storage, "a", "memory", { solved: true, solvedAt: 3 });
    // A tab that loaded before "a" was solved saves its stale view of "a" and its own "b".
    updateExercise(storage, "a", "memory", { solved: false, draft: "old", draftSavedAt: 4 });
    updateExercise(storage, "b", "memory", { draft: "mine", draftSavedAt: 5 });
    expect(readProgress(storage).a).toMatchObject({ solved: true, solvedAt: 3, draft: "old" });
    expect(readProgress(storage).b?.draft).toBe("mine");
  });

  it("exports what it can read and the unreadable part", () => {
    const storage = memoryStorage({ [STORAGE_KEY]: "{broken" });
    const file = exportProgress(readProgress(storage), new Date(0), unreadableText(storage));
    expect(file).toMatchObject({ exercises: {}, unreadable: "{broken" });
    expect(parseProgressFile(JSON.stringify(file))).toMatchObject({ ok: true, skipped: 0 });
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
