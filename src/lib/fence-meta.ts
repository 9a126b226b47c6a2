// The meta words a lesson's ```python fence may carry, read in one place by the remark step
// (what becomes a runnable cell), the notebook export and the lesson-cell check:
//   env-dependent  output varies by machine (GPU, id(), timings): run, but not compared
//   static         highlighted as Python, never run (other frameworks' code, sketches)

export interface FenceFlags {
  envDependent: boolean;
  static: boolean;
}

const word = (meta: string, w: string) => new RegExp(`(^|\\s)${w}(\\s|$)`).test(meta);

export function fenceFlags(meta: string | null | undefined): FenceFlags {
  const m = meta ?? "";
  return { envDependent: word(m, "env-dependent"), static: word(m, "static") };
}

/** Whether a fence with this language and meta is a runnable lesson cell. */
export function isRunnableFence(lang: string | null | undefined, meta: string | null | undefined) {
  return lang === "python" && !fenceFlags(meta).static;
}
