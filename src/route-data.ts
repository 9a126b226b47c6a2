// Starlight route middleware (astro.config.mjs `routeMiddleware`): adds a lesson's exercises and
// interactive figures to its "On this page" contents (src/lib/toc-exercises.ts).
import { defineRouteMiddleware } from "@astrojs/starlight/route-data";
import { exerciseById } from "./exercises/load.ts";
import { textLang, ui } from "./i18n/strings.ts";
import { WIDGETS } from "./lib/remark-components.ts";
import { withExercises } from "./lib/toc-exercises.ts";

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const body = route.entry.body;
  const figures = Object.keys(WIDGETS);
  if (!route.toc || !body || !["Exercise", ...figures].some((tag) => body.includes(`<${tag}`)))
    return;
  const t = ui(route.lang);
  const lang = textLang(route.lang);
  const widgetTitle = (name: string): string =>
    (t.widgets as Record<string, { title: string }>)[WIDGETS[name] as string]?.title ?? name;
  route.toc.items = withExercises(
    route.toc.items,
    body,
    { min: route.toc.minHeadingLevel, max: route.toc.maxHeadingLevel },
    (e) =>
      e.kind === "exercise"
        ? t.exercise.exercise.replace("{title}", exerciseById(e.id).title[lang])
        : t.exercise.figure.replace("{title}", widgetTitle(e.name)),
    figures,
  );
});
