// The code cell's reader-facing texts in each locale. The cell component serializes the page's
// set into a data attribute, so the client script carries no dictionary of its own.

export interface CellStrings {
  run: string;
  runAbove: string;
  restart: string;
  running: string;
  loading: string;
  ready: string;
  failedToLoad: string;
  done: string;
  error: string;
  /** Shown after a timeout; {s} is the limit in seconds. */
  timeout: string;
  restarted: string;
  /** Shown once the namespace was reset by the Restart control. */
  wasReset: string;
  editHint: string;
  envDependent: string;
  /** Between the start and the end of a long output; {n} is the number of lines left out. */
  outputHidden: string;
  /** For formatting numbers in this language. */
  locale: string;
}

const en: CellStrings = {
  run: "Run",
  runAbove: "Run all above",
  restart: "Restart",
  running: "Running…",
  loading: "Loading Python…",
  ready: "Python is ready",
  failedToLoad: "Python could not load",
  done: "Done",
  error: "Error",
  timeout:
    "Stopped after {s} s: the code was still running (an endless loop?). Python was restarted, so this page's variables were reset; run the cells above again.",
  restarted:
    "Python was restarted, so this page's variables were reset; run the cells above again.",
  wasReset: "Variables cleared",
  editHint: "Python code cell: click or press Enter to edit, Shift+Enter to run",
  envDependent: "Output depends on your machine",
  outputHidden: "[… {n} lines not shown: a long output keeps its beginning and its end …]",
  locale: "en",
};

const zhCN: CellStrings = {
  run: "运行",
  runAbove: "运行上方全部",
  restart: "重启",
  running: "运行中…",
  loading: "正在加载 Python…",
  ready: "Python 已就绪",
  failedToLoad: "Python 加载失败",
  done: "完成",
  error: "出错",
  timeout:
    "运行 {s} 秒后被停止：代码仍在运行（死循环？）。Python 已重启，本页的变量已被清空，请重新运行上方的单元格。",
  restarted: "Python 已重启，本页的变量已被清空，请重新运行上方的单元格。",
  wasReset: "变量已清空",
  editHint: "Python 代码单元格：单击或按 Enter 编辑，Shift+Enter 运行",
  envDependent: "输出因机器而异",
  outputHidden: "[… 省略了 {n} 行：输出太长时只保留开头和结尾 …]",
  locale: "zh-CN",
};

/** The strings for a BCP 47 language tag; English unless it is Chinese. */
export function cellStrings(lang: string | undefined): CellStrings {
  return lang?.toLowerCase().startsWith("zh") ? zhCN : en;
}
