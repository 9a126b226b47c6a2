// The exercise component's and the progress page's UI strings in both site languages. Feedback
// texts are not here: they live in content/exercises/feedback.json with the checks' ids.

const en = {
  exercise: "Exercise",
  given: "Given (runs before your code)",
  editorLabel: "Your code",
  run: "Run",
  check: "Check",
  reset: "Reset",
  resetConfirm: "Replace your code with the starter? Your current code will be lost.",
  hint: "Hint",
  noMoreHints: "No more hints",
  showSolution: "Show solution",
  solutionConfirm: "Show the solution? Trying once more is how it sticks.",
  loading: "Starting Python…",
  running: "Running…",
  checking: "Checking…",
  output: "Output",
  saved: "Saved in this browser",
  unsaved: "Not saved yet",
  notSaved: "Not saved: this browser refuses to store data",
  solved: "Solved",
  starterChanged: "This exercise's starter code changed since you saved your draft.",
  keepDraft: "Keep my draft",
  useStarter: "Use the new starter",
  noRuntime: "Python is not available on this page yet.",
  progressTitle: "Your progress",
  notebook: "Download as Jupyter notebook (.ipynb)",
  exportProgress: "Export progress",
  importProgress: "Import progress",
  importPreview:
    "Importing will add {added}, update {updated} and leave {unchanged} exercises as they are ({solved} newly solved).",
  importConfirm: "Import",
  importCancel: "Cancel",
  importDone: "Progress imported.",
  importRejected: "This file is not a Torchlit progress file; nothing was imported.",
  statusSolved: "solved",
  statusDraft: "draft",
  statusNone: "not started",
  solvedMark: "(has solved exercises)",
};

export type ExerciseStrings = typeof en;

const zh: ExerciseStrings = {
  exercise: "练习",
  given: "预设代码（在你的代码之前运行）",
  editorLabel: "你的代码",
  run: "运行",
  check: "检查",
  reset: "重置",
  resetConfirm: "用初始代码替换你的代码？当前代码将会丢失。",
  hint: "提示",
  noMoreHints: "没有更多提示了",
  showSolution: "查看答案",
  solutionConfirm: "确定查看答案吗？再试一次才记得牢。",
  loading: "正在启动 Python…",
  running: "运行中…",
  checking: "检查中…",
  output: "输出",
  saved: "已保存在此浏览器中",
  unsaved: "尚未保存",
  notSaved: "未保存：此浏览器拒绝存储数据",
  solved: "已完成",
  starterChanged: "自你保存草稿以来，本题的初始代码已经更新。",
  keepDraft: "保留我的草稿",
  useStarter: "使用新的初始代码",
  noRuntime: "此页面暂时无法运行 Python。",
  progressTitle: "学习进度",
  notebook: "下载为 Jupyter 笔记本（.ipynb）",
  exportProgress: "导出进度",
  importProgress: "导入进度",
  importPreview:
    "导入将新增 {added} 道、更新 {updated} 道、保持 {unchanged} 道练习不变（新完成 {solved} 道）。",
  importConfirm: "导入",
  importCancel: "取消",
  importDone: "进度已导入。",
  importRejected: "这不是 Torchlit 的进度文件；没有导入任何内容。",
  statusSolved: "已完成",
  statusDraft: "草稿",
  statusNone: "未开始",
  solvedMark: "（有已完成的练习）",
};

/** Strings for a page language ("zh-CN", "zh-cn", "en", …); English is the fallback. */
export function exerciseStrings(lang: string | undefined): ExerciseStrings {
  return lang?.toLowerCase().startsWith("zh") ? zh : en;
}

/** "zh" or "en": the key into bilingual exercise texts. */
export function textLang(lang: string | undefined): "zh" | "en" {
  return lang?.toLowerCase().startsWith("zh") ? "zh" : "en";
}
