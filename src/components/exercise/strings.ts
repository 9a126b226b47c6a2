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
  importRejectedNewer:
    "This progress file comes from a newer version of Torchlit and cannot be read here; nothing was imported.",
  importSkipped: "{n} entries of the file could not be read and will be skipped.",
  importNotWritten:
    "Nothing was imported: this browser refused to store the progress (its storage may be full).",
  damagedStore:
    "Part of the progress saved in this browser could not be read. It has been kept as it was, and Export progress includes it.",
  notSavedExport: "Export now",
  statusSolved: "solved",
  statusDraft: "draft",
  statusNone: "not started",
  solvedMark: "(has solved exercises)",
  theCell: "The cell",
  yourPrediction: "Your prediction: what happens when the cell runs?",
  typePrediction: "It prints:",
  checkPrediction: "Check my prediction",
  cellPrinted: "What the cell printed when it ran:",
  cpuOnly: "This exercise runs on the CPU even with GPU chosen:",
  outputHidden: "[… {n} lines not shown: a long output keeps its beginning and its end …]",
  locale: "en",
  exited:
    "Python ended with exit status {code}: os._exit() ends the Python process at once. Python was restarted.",
  crashedStack:
    "Python crashed: the recursion went deeper than the browser's stack allows (raising sys.setrecursionlimit() lets it try). Python was restarted.",
  crashed: "Python crashed inside the browser. Python was restarted.",
  died: "Python stopped: its worker was closed (js.close() does this). Python was restarted.",
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
  importRejectedNewer: "这个进度文件来自更新版本的 Torchlit，这里无法读取；没有导入任何内容。",
  importSkipped: "文件中有 {n} 条记录无法读取，将被跳过。",
  importNotWritten: "没有导入任何内容：此浏览器拒绝保存进度（存储空间可能已满）。",
  damagedStore: "此浏览器中保存的部分进度无法读取。它已原样保留，“导出进度”会包含这部分内容。",
  notSavedExport: "立即导出",
  statusSolved: "已完成",
  statusDraft: "草稿",
  statusNone: "未开始",
  solvedMark: "（有已完成的练习）",
  theCell: "单元格代码",
  yourPrediction: "你的预测：运行这个单元格会发生什么？",
  typePrediction: "它会打印：",
  checkPrediction: "检查我的预测",
  cellPrinted: "单元格实际运行的输出：",
  cpuOnly: "即使选择了 GPU，本练习也在 CPU 上运行：",
  outputHidden: "[… 省略了 {n} 行：输出太长时只保留开头和结尾 …]",
  locale: "zh-CN",
  exited: "Python 以退出状态 {code} 结束：os._exit() 会立即结束 Python 进程。Python 已重启。",
  crashedStack:
    "Python 崩溃了：递归深度超出了浏览器的栈所能容纳的范围（调大 sys.setrecursionlimit() 就会让它一直递归下去）。Python 已重启。",
  crashed: "Python 在浏览器中崩溃了。Python 已重启。",
  died: "Python 停止了：它所在的 worker 被关闭了（js.close() 就会这样）。Python 已重启。",
};

/** Strings for a page language ("zh-CN", "zh-cn", "en", …); English is the fallback. */
export function exerciseStrings(lang: string | undefined): ExerciseStrings {
  return lang?.toLowerCase().startsWith("zh") ? zh : en;
}

/** "zh" or "en": the key into bilingual exercise texts. */
export function textLang(lang: string | undefined): "zh" | "en" {
  return lang?.toLowerCase().startsWith("zh") ? "zh" : "en";
}
