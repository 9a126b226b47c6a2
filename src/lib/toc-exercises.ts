// Starlight's "On this page" lists a lesson's Markdown headings only; an exercise's heading is
// rendered by <Exercise>, so short lessons listed just "Overview". This adds each exercise where
// it stands in the lesson: it reads the lesson's MDX source for headings and <Exercise id=…/>
// tags in order, pairs the headings with Starlight's entries (same order, same levels), and
// places each exercise one level under the heading before it. Used by src/route-data.ts.

/** Starlight's table-of-contents entry. */
export interface TocItem {
  depth: number;
  slug: string;
  text: string;
  children: TocItem[];
}

type Event = { kind: "heading"; depth: number } | { kind: "exercise"; id: string };

/** The lesson's headings (outside code fences) and exercise tags, in source order. */
export function lessonEvents(body: string): Event[] {
  const events: Event[] = [];
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
    for (const m of line.matchAll(/<Exercise\s+id=["']([^"']+)["']/g))
      events.push({ kind: "exercise", id: m[1] as string });
  }
  return events;
}

/**
 * Starlight's `items` (its first entry is the page title, the rest nested headings) with an
 * entry per exercise in `body`; `label(id)` gives an exercise's entry text. The headings are
 * Starlight's own; only exercise entries are new (slug `exercise-<id>`, as Exercise.astro sets).
 */
export function withExercises(
  items: TocItem[],
  body: string,
  levels: { min: number; max: number },
  label: (id: string) => string,
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
  const events = lessonEvents(body).filter(
    (e) => e.kind === "exercise" || (e.depth >= levels.min && e.depth <= levels.max),
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
      inject(out, { depth, slug: `exercise-${e.id}`, text: label(e.id), children: [] });
    }
  }
  return out;
}
