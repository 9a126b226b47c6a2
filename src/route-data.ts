// Starlight route middleware (astro.config.mjs `routeMiddleware`): adds a lesson's exercises to
// its "On this page" contents (src/lib/toc-exercises.ts).
import { defineRouteMiddleware } from "@astrojs/starlight/route-data";
import { exerciseById } from "./exercises/load.ts";
import { textLang, ui } from "./i18n/strings.ts";
import { withExercises } from "./lib/toc-exercises.ts";

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const body = route.entry.body;
  if (!route.toc || !body?.includes("<Exercise")) return;
  const t = ui(route.lang).exercise;
  const lang = textLang(route.lang);
  route.toc.items = withExercises(
    route.toc.items,
    body,
    { min: route.toc.minHeadingLevel, max: route.toc.maxHeadingLevel },
    (id) => `${t.exercise}: ${exerciseById(id).title[lang]}`,
  );
});
