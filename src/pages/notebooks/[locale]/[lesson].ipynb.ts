// Build-time endpoint: every lesson of every locale as a Jupyter notebook, e.g.
// /notebooks/en/tensors.ipynb, to run under real PyTorch. The lesson page links here
// (src/components/starlight/PageTitle.astro). No logic of its own: see src/exercises/notebook.ts.

import { getCollection } from "astro:content";
import type { APIRoute, GetStaticPaths } from "astro";
import { allExercises } from "../../../exercises/load.ts";
import { lessonNotebook } from "../../../exercises/notebook.ts";
import { lessonSlugs } from "../../../sidebar.ts";

export const getStaticPaths = (async () => {
  const docs = await getCollection("docs");
  return docs.flatMap((entry) => {
    const [locale, lesson] = entry.id.split("/");
    if (!locale || !lesson || !(lessonSlugs as readonly string[]).includes(lesson)) return [];
    return [
      { params: { locale, lesson }, props: { title: entry.data.title, body: entry.body ?? "" } },
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => {
  const { title, body } = props as { title: string; body: string };
  const notebook = lessonNotebook({
    title,
    body,
    lang: params.locale === "zh-cn" ? "zh" : "en",
    exercises: allExercises(),
  });
  return new Response(`${JSON.stringify(notebook, null, 1)}\n`, {
    headers: { "Content-Type": "application/x-ipynb+json" },
  });
};
