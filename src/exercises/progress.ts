// The reader's progress: drafts and solved exercises, kept in localStorage under one key, and
// the export/import file. Pure functions over plain data plus a thin Storage adapter, so the
// merge rules are unit-tested in Node. It must never throw on a damaged store: it starts afresh.

/** What is kept for one exercise. */
export interface ExerciseProgress {
  /** The lesson slug, so the sidebar can mark lessons without knowing every exercise. */
  lesson: string;
  /** The reader's code, when they have edited it. */
  draft?: string;
  /** When the draft was saved (ms since epoch); the newer draft wins on import. */
  draftSavedAt?: number;
  /** Hash of the starter the draft was written against (to offer the new starter). */
  starterHash?: string;
  /** Once solved, always solved (import never unsolves). */
  solved: boolean;
  solvedAt?: number;
}

export type Progress = Record<string, ExerciseProgress>;

export interface ProgressFile {
  format: "torchlit-progress";
  version: 1;
  exportedAt: string;
  exercises: Progress;
}

export const STORAGE_KEY = "torchlit:progress:v1";
/** Fired on window after every write, so the sidebar and the progress page can refresh. */
export const CHANGE_EVENT = "torchlit:progress";

/** FNV-1a, hex: enough to notice that a starter changed. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const optional = (v: unknown, type: "string" | "number") => v === undefined || typeof v === type;

function validEntry(v: unknown): v is ExerciseProgress {
  return (
    isObject(v) &&
    typeof v.lesson === "string" &&
    typeof v.solved === "boolean" &&
    optional(v.draft, "string") &&
    optional(v.draftSavedAt, "number") &&
    optional(v.starterHash, "string") &&
    optional(v.solvedAt, "number")
  );
}

function validProgress(v: unknown): v is Progress {
  return isObject(v) && Object.values(v).every(validEntry);
}

export function readProgress(storage: Storage): Progress {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? "{}");
    return validProgress(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** Writes; false when the browser refused (private mode, quota), so the UI can say "not saved". */
export function writeProgress(storage: Storage, progress: Progress): boolean {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

export function updateExercise(
  storage: Storage,
  id: string,
  lesson: string,
  patch: Partial<ExerciseProgress>,
): boolean {
  const all = readProgress(storage);
  all[id] = { solved: false, ...all[id], ...patch, lesson };
  return writeProgress(storage, all);
}

export function exportProgress(progress: Progress, now: Date = new Date()): ProgressFile {
  return {
    format: "torchlit-progress",
    version: 1,
    exportedAt: now.toISOString(),
    exercises: progress,
  };
}

/** Parses an imported file; anything malformed or foreign is rejected whole, with a reason. */
export function parseProgressFile(
  text: string,
): { ok: true; file: ProgressFile } | { ok: false; reason: "not-json" | "foreign" | "malformed" } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not-json" };
  }
  if (!isObject(data) || data.format !== "torchlit-progress" || data.version !== 1)
    return { ok: false, reason: "foreign" };
  if (typeof data.exportedAt !== "string" || !validProgress(data.exercises))
    return { ok: false, reason: "malformed" };
  return { ok: true, file: data as unknown as ProgressFile };
}

function mergeEntry(mine: ExerciseProgress | undefined, theirs: ExerciseProgress) {
  if (!mine) return theirs;
  const theirsNewer = (theirs.draftSavedAt ?? -1) > (mine.draftSavedAt ?? -1);
  const draftFrom = theirsNewer && theirs.draft !== undefined ? theirs : mine;
  const solvedAt = [mine.solvedAt, theirs.solvedAt].filter((t) => t !== undefined) as number[];
  const merged: ExerciseProgress = {
    lesson: theirs.lesson || mine.lesson,
    solved: mine.solved || theirs.solved,
  };
  if (draftFrom.draft !== undefined) merged.draft = draftFrom.draft;
  if (draftFrom.draftSavedAt !== undefined) merged.draftSavedAt = draftFrom.draftSavedAt;
  if (draftFrom.starterHash !== undefined) merged.starterHash = draftFrom.starterHash;
  if (solvedAt.length > 0) merged.solvedAt = Math.min(...solvedAt);
  return merged;
}

/** Per exercise: the newer draft wins, solved stays solved. */
export function mergeProgress(mine: Progress, theirs: Progress): Progress {
  const out: Progress = { ...mine };
  for (const [id, entry] of Object.entries(theirs)) out[id] = mergeEntry(mine[id], entry);
  return out;
}

/** What an import would change, for the preview the reader confirms. */
export function previewMerge(mine: Progress, theirs: Progress) {
  const merged = mergeProgress(mine, theirs);
  const changed = (id: string) => JSON.stringify(merged[id]) !== JSON.stringify(mine[id]);
  const ids = Object.keys(theirs);
  return {
    added: ids.filter((id) => !mine[id]),
    updated: ids.filter((id) => mine[id] && changed(id)),
    unchanged: ids.filter((id) => mine[id] && !changed(id)),
    newlySolved: ids.filter((id) => merged[id]?.solved && !mine[id]?.solved),
  };
}
