// The course outline shown in Starlight's sidebar, following the seed outline's sections.
// Lesson slugs are fixed forever (URLs never change); only labels and order may evolve.
// Labels are English with zh-CN translations; Starlight localises the links per locale.

/** Lesson slugs in course order; each has a page in every locale under content/docs/<locale>/. */
export const lessonSlugs = [
  "pytorch",
  "environment",
  "tensors",
  "broadcasting",
  "memory",
  "numpy",
  "gpu",
  "gradient-descent",
  "autograd",
  "jacobian",
  "linear-regression",
] as const;

export type LessonSlug = (typeof lessonSlugs)[number];

interface Section {
  label: string;
  translations: { "zh-CN": string };
  lessons: LessonSlug[];
}

/** The seed outline's sections (2.1–2.4), then the capstone, and the lessons each one holds. */
export const sections: Section[] = [
  {
    label: "Introduction to PyTorch",
    translations: { "zh-CN": "PyTorch介绍" },
    lessons: ["pytorch"],
  },
  { label: "Environment Setup", translations: { "zh-CN": "环境配置" }, lessons: ["environment"] },
  {
    label: "Data Operations",
    translations: { "zh-CN": "数据操作" },
    lessons: ["tensors", "broadcasting", "memory", "numpy", "gpu"],
  },
  {
    label: "Gradient Descent",
    translations: { "zh-CN": "梯度下降" },
    lessons: ["gradient-descent", "autograd", "jacobian"],
  },
  { label: "Capstone", translations: { "zh-CN": "综合练习" }, lessons: ["linear-regression"] },
];

/** Starlight sidebar groups; Starlight prefixes each slug with the current locale. */
export const sidebar = [
  ...sections.map(({ label, translations, lessons }) => ({
    label,
    translations,
    items: lessons.map((slug) => ({ slug })),
  })),
  // The reader's saved exercises (content/docs/<locale>/progress.mdx), after the course.
  { label: "Your progress", translations: { "zh-CN": "学习进度" }, slug: "progress" },
  // The course's terms (content/docs/<locale>/glossary.mdx); lessons link their first use here.
  { label: "Glossary", translations: { "zh-CN": "术语表" }, slug: "glossary" },
];
