// The code cell's reader-facing texts in each locale. The cell component serializes the page's
// set into a data attribute, so the client script carries no dictionary of its own.

export interface CellStrings {
  run: string;
  runAbove: string;
  restart: string;
  running: string;
  /** A run waiting for the runs before it. */
  queued: string;
  loading: string;
  ready: string;
  failedToLoad: string;
  done: string;
  error: string;
  /** Shown after a timeout; {s} is the limit in seconds. */
  timeout: string;
  restarted: string;
  /** The worker ended by itself: Python exited ({code}), crashed, or its worker was closed. */
  exited: string;
  crashedStack: string;
  crashed: string;
  died: string;
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
  queued: "Waiting for the cell that runs before it…",
  loading: "Loading Python…",
  ready: "Python is ready",
  failedToLoad: "Python could not load",
  done: "Done",
  error: "Error",
  timeout:
    "Stopped after {s} s: the code was still running (an endless loop?). Python was restarted, so this page's variables were reset; run the cells above again.",
  restarted:
    "Python was restarted, so this page's variables were reset; run the cells above again.",
  exited:
    "Python ended with exit status {code}: os._exit() ends the Python process at once, here as on your computer. Python was restarted, so this page's variables were reset; run the cells above again.",
  crashedStack:
    "Python crashed: the recursion went deeper than the browser's stack allows (raising sys.setrecursionlimit() lets it try). Python was restarted, so this page's variables were reset; run the cells above again.",
  crashed:
    "Python crashed inside the browser. Python was restarted, so this page's variables were reset; run the cells above again.",
  died: "Python stopped: its worker was closed (js.close() does this). Python was restarted, so this page's variables were reset; run the cells above again.",
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
  queued: "等待前面的单元格运行完…",
  loading: "正在加载 Python…",
  ready: "Python 已就绪",
  failedToLoad: "Python 加载失败",
  done: "完成",
  error: "出错",
  timeout:
    "运行 {s} 秒后被停止：代码仍在运行（死循环？）。Python 已重启，本页的变量已被清空，请重新运行上方的单元格。",
  restarted: "Python 已重启，本页的变量已被清空，请重新运行上方的单元格。",
  exited:
    "Python 以退出状态 {code} 结束：os._exit() 会立即结束 Python 进程，这里和在你自己的电脑上一样。Python 已重启，本页的变量已被清空，请重新运行上方的单元格。",
  crashedStack:
    "Python 崩溃了：递归深度超出了浏览器的栈所能容纳的范围（调大 sys.setrecursionlimit() 就会让它一直递归下去）。Python 已重启，本页的变量已被清空，请重新运行上方的单元格。",
  crashed: "Python 在浏览器中崩溃了。Python 已重启，本页的变量已被清空，请重新运行上方的单元格。",
  died: "Python 停止了：它所在的 worker 被关闭了（js.close() 就会这样）。Python 已重启，本页的变量已被清空，请重新运行上方的单元格。",
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
