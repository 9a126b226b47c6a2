// The reader's progress: drafts and solved exercises, kept in localStorage under one key, and
// the export/import file. Pure functions over plain data plus a thin Storage adapter, so the
// merge rules are unit-tested in Node. It must never throw on a damaged store and never write
// over what it could not read: unreadable entries are copied to a quarantine key first, kept
// there, shown to the reader and exported with the rest.

/** What is kept for one exercise. */
export interface ExerciseProgress {
  /** The lesson slug, so the sidebar can mark lessons without knowing every exercise. */
  lesson: string;
  /** The reader's code (or a predict exercise's answer), when they have edited it. */
  draft?: string;
  /** When the draft was saved (ms since epoch); the newer draft wins on import and across tabs. */
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
  /**
   * What this browser had saved but could not read (a damaged store, quarantined entries), as
   * text, so an export never drops it. Ignored on import.
   */
  unreadable?: string;
}

export const STORAGE_KEY = "torchlit:progress:v1";
/** Where unreadable saved progress is kept (JSON: a list of { at, raw } records), never erased. */
export const QUARANTINE_KEY = "torchlit:progress:quarantine";
/** Fired on window after every write, so the sidebar and the progress page can refresh. */
export const CHANGE_EVENT = "torchlit:progress";
/** The file format version this code writes; a file with a higher one is from a newer Torchlit. */
export const FILE_VERSION = 1;

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
/** Ids that would change an object's prototype or shadow its methods: never stored. */
const unsafeId = (id: string) => id === "__proto__" || id === "constructor" || id === "prototype";

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

/** Splits a parsed value into its valid entries and the rest, entry by entry. */
export function splitEntries(value: unknown): {
  valid: Progress;
  invalid: Record<string, unknown>;
  unsafe: number;
} {
  const valid: Progress = {};
  const invalid: Record<string, unknown> = {};
  let unsafe = 0;
  if (!isObject(value)) return { valid, invalid, unsafe };
  for (const [id, entry] of Object.entries(value)) {
    if (unsafeId(id)) unsafe++;
    else if (validEntry(entry)) valid[id] = entry;
    else invalid[id] = entry;
  }
  return { valid, invalid, unsafe };
}

/** What the store holds: the readable progress, and the text of whatever could not be read. */
export interface StoreState {
  progress: Progress;
  /** The unreadable part (whole value or entries) as text; null when everything was readable. */
  unreadable: string | null;
}

export function readStore(storage: Storage): StoreState {
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return { progress: {}, unreadable: null };
  }
  if (raw === null) return { progress: {}, unreadable: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { progress: {}, unreadable: raw };
  }
  if (!isObject(parsed)) return { progress: {}, unreadable: raw };
  const { valid, invalid } = splitEntries(parsed);
  const bad = Object.keys(invalid).length > 0;
  return { progress: valid, unreadable: bad ? JSON.stringify(invalid) : null };
}

export function readProgress(storage: Storage): Progress {
  return readStore(storage).progress;
}

interface QuarantineRecord {
  at: number;
  raw: string;
}

/** Everything quarantined so far, oldest first. */
export function readQuarantine(storage: Storage): QuarantineRecord[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(QUARANTINE_KEY) ?? "[]");
    return Array.isArray(parsed) ? (parsed as QuarantineRecord[]) : [];
  } catch {
    return [];
  }
}

/** Appends to the quarantine; false when the browser refused (then nothing may be overwritten). */
function quarantine(storage: Storage, raw: string, now: number): boolean {
  const records = readQuarantine(storage);
  if (records.some((r) => r.raw === raw)) return true;
  try {
    storage.setItem(QUARANTINE_KEY, JSON.stringify([...records, { at: now, raw }]));
    return true;
  } catch {
    return false;
  }
}

/** The unreadable text kept by this browser (quarantine plus what the store holds now), or null. */
export function unreadableText(storage: Storage): string | null {
  const parts = readQuarantine(storage).map((r) => r.raw);
  const now = readStore(storage).unreadable;
  if (now !== null && !parts.includes(now)) parts.push(now);
  return parts.length > 0 ? parts.join("\n") : null;
}

/**
 * Writes; false when the browser refused (private mode, quota), so the UI can say "not saved".
 * Whatever the store holds that could not be read is quarantined first; if even that fails,
 * nothing is written.
 */
export function writeProgress(storage: Storage, progress: Progress, now = Date.now()): boolean {
  const { unreadable } = readStore(storage);
  if (unreadable !== null && !quarantine(storage, unreadable, now)) return false;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the store afresh, changes one entry and writes it back, so a save never drops what
 * another tab wrote to other exercises meanwhile; an exercise once solved stays solved.
 */
export function updateExercise(
  storage: Storage,
  id: string,
  lesson: string,
  patch: Partial<ExerciseProgress>,
): boolean {
  if (unsafeId(id)) return false;
  const all = readProgress(storage);
  const before = all[id];
  const entry: ExerciseProgress = { solved: false, ...before, ...patch, lesson };
  if (before?.solved) {
    entry.solved = true;
    if (before.solvedAt !== undefined) entry.solvedAt = before.solvedAt;
  }
  all[id] = entry;
  return writeProgress(storage, all);
}

export function exportProgress(
  progress: Progress,
  now: Date = new Date(),
  unreadable: string | null = null,
): ProgressFile {
  return {
    format: "torchlit-progress",
    version: FILE_VERSION,
    exportedAt: now.toISOString(),
    exercises: progress,
    ...(unreadable !== null ? { unreadable } : {}),
  };
}

export type ParsedFile =
  | { ok: true; file: ProgressFile; skipped: number }
  | { ok: false; reason: "not-json" | "foreign" | "newer" | "malformed" };

/**
 * Parses an imported file. Not JSON, not ours, or from a newer format version: rejected whole,
 * saying which. Entries that do not read as progress are skipped and counted (so are ids such as
 * `__proto__`); the valid ones import.
 */
export function parseProgressFile(text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not-json" };
  }
  if (!isObject(data) || data.format !== "torchlit-progress")
    return { ok: false, reason: "foreign" };
  if (typeof data.version === "number" && data.version > FILE_VERSION)
    return { ok: false, reason: "newer" };
  if (
    data.version !== FILE_VERSION ||
    typeof data.exportedAt !== "string" ||
    !isObject(data.exercises)
  )
    return { ok: false, reason: "malformed" };
  const { valid, invalid, unsafe } = splitEntries(data.exercises);
  const file: ProgressFile = {
    format: "torchlit-progress",
    version: FILE_VERSION,
    exportedAt: data.exportedAt,
    exercises: valid,
  };
  return { ok: true, file, skipped: Object.keys(invalid).length + unsafe };
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
  for (const [id, entry] of Object.entries(theirs)) {
    if (!unsafeId(id)) out[id] = mergeEntry(mine[id], entry);
  }
  return out;
}

/** What an import would change, for the preview the reader confirms. */
export function previewMerge(mine: Progress, theirs: Progress) {
  const merged = mergeProgress(mine, theirs);
  const changed = (id: string) => JSON.stringify(merged[id]) !== JSON.stringify(mine[id]);
  const ids = Object.keys(theirs).filter((id) => !unsafeId(id));
  return {
    added: ids.filter((id) => !mine[id]),
    updated: ids.filter((id) => mine[id] && changed(id)),
    unchanged: ids.filter((id) => mine[id] && !changed(id)),
    newlySolved: ids.filter((id) => merged[id]?.solved && !mine[id]?.solved),
  };
}
