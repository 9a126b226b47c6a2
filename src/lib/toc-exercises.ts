// Starlight's "On this page" lists a lesson's Markdown headings only; an exercise's heading is
// rendered by <Exercise> and a figure's caption by its widget, so short lessons listed just
// "Overview". This adds each exercise and figure where it stands in the lesson: it reads the
// lesson's MDX source for headings, <Exercise id=…/> and figure tags in order, pairs the
// headings with Starlight's entries (same order, same levels), and places each exercise or
// figure one level under the heading before it. Used by src/route-data.ts.
import { widgetAnchor } from "./remark-components.ts";

/** Starlight's table-of-contents entry. */
export interface TocItem {
  depth: number;
  slug: string;
  text: string;
  children: TocItem[];
}

/** An entry of the lesson's own: an exercise by id, or the `n`-th (0-based) figure of a tag. */
export type Entry = { kind: "exercise"; id: string } | { kind: "figure"; name: string; n: number };
type Event = { kind: "heading"; depth: number } | Entry;

/** The id an entry's element has in the page (Exercise.astro's heading, a widget's `anchor`). */
export function entrySlug(e: Entry): string {
  return e.kind === "exercise" ? `exercise-${e.id}` : widgetAnchor(e.name, e.n);
}

/**
 * The lesson's headings (outside code fences), exercise tags and the tags of `figures` (tag
 * names), in source order.
 */
export function lessonEvents(body: string, figures: readonly string[] = []): Event[] {
  const events: Event[] = [];
  const seen = new Map<string, number>();
  const tags = new RegExp(
    `<(?:Exercise\\s+id=["']([^"']+)["']${figures.map((f) => `|(${f})\\b`).join("")})`,
    "g",
  );
  let fence: string | null = null;
  for (const line of body.split("\n")) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      const mark = f[1] as string;
      if (fence === null) fence = mark;
      else if (mark.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = /^(#{1,6})\s+\S/.exec(line);
    if (h) events.push({ kind: "heading", depth: (h[1] as string).length });
    for (const m of line.matchAll(tags)) {
      if (m[1] !== undefined) {
        events.push({ kind: "exercise", id: m[1] });
        continue;
      }
      const name = m.slice(2).find((g) => g !== undefined) as string;
      const n = seen.get(name) ?? 0;
      seen.set(name, n + 1);
      events.push({ kind: "figure", name, n });
    }
  }
  return events;
}

/**
 * Starlight's `items` (its first entry is the page title, the rest nested headings) with an
 * entry per exercise and per figure (tags named in `figures`) in `body`; `label(entry)` gives
 * its text. The headings are Starlight's own; only the new entries are added, with the ids
 * `entrySlug` gives (as Exercise.astro and the remark step's widget anchors set them).
 */
export function withExercises(
  items: TocItem[],
  body: string,
  levels: { min: number; max: number },
  label: (entry: Entry) => string,
  figures: readonly string[] = [],
): TocItem[] {
  const [title, ...rest] = items;
  if (!title) return items;
  const flat: TocItem[] = [];
  const walk = (list: TocItem[]) => {
    for (const item of list) {
      flat.push({ ...item, children: [] });
      walk(item.children);
    }
  };
  walk(rest);
  const events = lessonEvents(body, figures).filter(
    (e) => e.kind !== "heading" || (e.depth >= levels.min && e.depth <= levels.max),
  );
  // If the source and Starlight disagree on the headings, leave the contents as they are.
  if (events.filter((e) => e.kind === "heading").length !== flat.length) return items;
  const out: TocItem[] = [{ ...title, children: [] }];
  const inject = (list: TocItem[], item: TocItem): void => {
    const last = list.at(-1);
    if (!last || last.depth >= item.depth) list.push(item);
    else inject(last.children, item);
  };
  let next = 0;
  let under = 1;
  for (const e of events) {
    if (e.kind === "heading") {
      const heading = flat[next++] as TocItem;
      under = heading.depth;
      inject(out, heading);
    } else {
      const depth = Math.min(Math.max(under + 1, levels.min), levels.max);
      inject(out, { depth, slug: entrySlug(e), text: label(e), children: [] });
    }
  }
  return out;
}
