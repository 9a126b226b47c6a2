// The English table of our components' reader-facing texts: code cells, the device toggle,
// exercises with the progress page, and widgets. Its shape is `UiStrings`, which every other
// language's table must match key for key. Starlight's own UI strings are not here (they live
// in content/i18n/<lang>.json), nor are exercise feedback texts (content/exercises/feedback.json).
import type { GpuProblem } from "../runtime/host-types.ts";
import { stopTextsEn } from "../runtime/messages.ts";

export const en = {
  /**
   * The code cell's texts. CodeCell.astro serializes the page's set into a data attribute, so
   * the client script carries no dictionary of its own.
   */
  cell: {
    run: "Run",
    runAbove: "Run all above",
    restart: "Restart",
    running: "Running…",
    /** A run waiting for the runs before it. */
    queued: "Waiting for the cell that runs before it…",
    loading: "Loading Python…",
    /** While Pyodide's files download; {p} is the percentage of their bytes received. */
    loadingPercent: "Loading Python… {p}%",
    /** Once the files are in and Python itself starts. */
    startingPython: "Starting Python…",
    /** Once Python runs and `import torch` is under way. */
    loadingTorch: "Starting PyTorch…",
    ready: "Python is ready",
    failedToLoad: "Python could not load",
    done: "Done",
    error: "Error",
    /** Stops the cell's run (shown while it is queued or running). */
    stop: "Stop",
    /** Time since the run started; {s} is whole seconds. */
    elapsed: "{s} s",
    /** After the time limit or the reader's Stop (src/runtime/messages.ts). */
    ...stopTextsEn,
    restarted:
      "Python was restarted, so this page's variables were reset; run the cells above again.",
    /** The worker ended by itself: Python exited ({code}), crashed, or its worker was closed. */
    exited:
      "Python ended with exit status {code}: os._exit() ends the Python process at once, here as on your computer. Python was restarted, so this page's variables were reset; run the cells above again.",
    crashedStack:
      "Python crashed: the recursion went deeper than the browser's stack allows (raising sys.setrecursionlimit() lets it try). Python was restarted, so this page's variables were reset; run the cells above again.",
    crashed:
      "Python crashed inside the browser. Python was restarted, so this page's variables were reset; run the cells above again.",
    died: "Python stopped: its worker was closed (js.close() does this). Python was restarted, so this page's variables were reset; run the cells above again.",
    /** Shown once the namespace was reset by the Restart control. */
    wasReset: "Variables cleared",
    editHint: "Python code cell: click or press Enter to edit, Shift+Enter to run",
    envDependent: "Output depends on your machine",
    /** After a NameError for a name that a cell above defines; {name} is the name. */
    definedAbove:
      "{name} is defined in a cell above that has not run in this session: the cells of a page share one Python session, in the order you run them.",
    /** Between the start and the end of a long output; {n} is the number of lines left out. */
    outputHidden: "[… {n} lines not shown: a long output keeps its beginning and its end …]",
    /** For formatting numbers in this language. */
    locale: "en",
  },

  /**
   * The device toggle's texts. DeviceToggle.astro serializes the page's set into a data
   * attribute, so the client script carries no dictionary of its own.
   */
  device: {
    /** The radio group's label. */
    legend: "Run code on",
    cpu: "CPU",
    gpu: "GPU",
    /** While the worker asks the browser for a GPU. */
    checking: "Looking for a GPU…",
    /** Once a GPU answered; {adapter} is the WebGPU adapter's name. */
    onGpu: "New tensors can go to the GPU (device='cuda'): {adapter}",
    /** The page itself sees no WebGPU (checked without asking for an adapter). */
    noWebGpu: "GPU unavailable: this browser has no WebGPU, so code runs on the CPU.",
    /** The worker found no usable GPU; {reason} is one of `reasons`. */
    unavailable: "GPU unavailable, so code runs on the CPU: {reason}",
    /**
     * Why the worker found no GPU, by kind (src/runtime/gpu-problem.ts); {detail} is the
     * browser's own words (an exception's message), which stay untranslated.
     */
    reasons: {
      "no-webgpu": "this browser has no WebGPU",
      "no-jspi":
        "this browser cannot pause Python while the GPU works (WebAssembly JSPI is missing)",
      "no-adapter": "WebGPU found no suitable GPU adapter",
      "device-lost": "the GPU stopped working (the WebGPU device was lost: {detail})",
      failed: "WebGPU could not start: {detail}",
    } satisfies Record<GpuProblem, string>,
  },

  /**
   * The exercise component's and the progress page's texts (the Sidebar and PageTitle
   * overrides use `solvedMark` and `notebook`). Exercise.astro serializes the set for its client.
   */
  exercise: {
    /** An exercise's heading (also in "On this page"); {title} is its title. */
    exercise: "Exercise: {title}",
    /** An interactive figure's entry in "On this page"; {title} is its caption. */
    figure: "Figure: {title}",
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
    stop: "Stop",
    elapsed: "{s} s",
    ...stopTextsEn,
    resetAfter: "Python was restarted.",
  },

  /** The home page's course outline (src/components/home/CourseOutline.astro). */
  home: {
    /** The outline's heading. */
    outline: "The course",
    /** Under a lesson with one exercise. */
    oneExercise: "1 exercise",
    /** Under a lesson with several exercises; {n} is how many. */
    exercises: "{n} exercises",
    /** Filled in from this browser's saved progress; {k} solved of {n}. */
    solved: "{k} of {n} solved",
    /** For a lesson with no exercises. */
    noExercises: "Reading and runnable examples",
    /** Read to screen readers after a lesson's title when all its exercises are solved. */
    allSolved: "all exercises solved",
  },

  /** The licence line under every page (src/components/starlight/Footer.astro). */
  footer: {
    /** {code} and {content} are the two licences' names, each a link to its text. */
    licence: "Code under the {code}. Lessons and exercises under {content}.",
    codeLicence: "MIT licence",
    contentLicence: "CC BY-SA 4.0",
  },

  /**
   * The interactive widgets' texts: one sub-object per widget, keyed by the widget's name
   * (e.g. `widgets.broadcasting: { … }`), added with the widget in both tables.
   */
  widgets: {
    broadcasting: {
      title: "Broadcasting two shapes",
      rule: "The rule: align the shapes from the right, count a missing dim as 1; in each dim the sizes must be equal or one of them 1, and a 1 is stretched to the other size.",
      shapeOf: "{name}.shape",
      size: "{name}, size of dim {i}",
      addDim: "+ dim",
      addDimLabel: "Give {name} a new first dim of size 1",
      dropDim: "− dim",
      dropDimLabel: "Remove {name}'s first dim",
      inplace: "In place: a += b",
      presets: "Try",
      code: "The code this figure runs (PyTorch: paste it into a cell to check)",
      column: "dim {i}",
      result: "result",
      padded: "padded",
      stretchedBy: "stretched ×{n}",
      cannotGrow: "cannot grow",
      noMatch: "no match",
      ok: "{op} works: the result has shape {shape}.",
      stretched: "Stretched (stride 0 once expanded): {list}.",
      stretchedItem: "{name} along {dims}",
      itemSeparator: "; ",
      notStretched: "Neither operand is stretched.",
      dimOne: "dim {list}",
      dimMany: "dims {list}",
      listSeparator: ", ",
      listLast: " and ",
      error: "PyTorch raises:",
      mismatch:
        "Dim {dim} is marked: {a} has {sizeA} there and {b} has {sizeB}. They differ and neither is 1 (a size-1 dim, a “singleton”, would have stretched), so the elements cannot be paired up. PyTorch compares the dims from the right and reports the first that fails. If {b}'s {sizeB} was meant to face another dim of {a}, give {b} size-1 dims on its right (for example {unsqueeze}) to move it left.",
      grow: "The shapes broadcast to {shape}, but {inplaceOp} writes into {a}'s own memory, which has shape {shapeA}. The marked dims are where {a} would have to grow; {newOp} makes a new tensor and works.",
      values:
        "The values: a and b read at the result's shape. A dashed cell is an element read again (its stride there is 0), not a copy in memory. Hover over or focus a cell to see which elements it combines.",
      resultInplace: "a after a += b",
      tooMany: "Values are shown for results of up to {n} elements; this one has {m}.",
      empty: "The result has no elements: one of its sizes is 0.",
      invalid: "This figure takes shapes of up to {dims} dims, with sizes from 0 to {max}.",
      elementLabel: "{name}{index} = {v}",
      copyLabel: "{name}{index} = {v}, element {src} read again",
      loading: "Loading the engine…",
      failed: "The figure could not load the engine; it shows the first pair of shapes only.",
    },
    autogradGraph: {
      title: "The autograd graph, and backward() one node at a time",
      expression: "y =",
      draw: "Draw",
      presets: "Try",
      requiresGrad: "requires_grad",
      step: "Step",
      runAll: "Run all",
      reset: "Reset",
      retain: "retain_graph=True",
      again: "backward() again",
      graphLabel:
        "The grad_fn graph of y: arrows point from each node to its next_functions, the way gradients flow",
      output: "output y (not a leaf)",
      rootOf: "y.grad_fn",
      nonLeaf: "grad_fn of a non-leaf",
      leaf: "leaf tensor",
      accumulates: "adds into {name}.grad",
      ran: "step {n}: got {grad}",
      running: "▶ step {n}: got {grad}",
      ready:
        "y.backward() runs {n} nodes. Press Step to run them one at a time, in the order PyTorch's engine runs them.",
      stepText: "Step {n} of {total}: {name} receives grad {grad} and sends {sends}.",
      stepAcc:
        "Step {n} of {total}: {name} receives grad {grad} and adds it into {leaf}.grad, which is now {value}.",
      sendsTo: "{grad} to {to}",
      nothingTo: "nothing to None (an input that needs no gradient)",
      listSeparator: ", ",
      done: "backward() is done.",
      leaves: "The leaves and the result",
      /** Under a None box: the input in that slot needs no gradient, so nothing is sent there. */
      none: "input needs no grad",
      secondOk: "The second backward() ran:",
      secondRetained:
        "With retain_graph=True the graph kept its saved tensors, so it ran again and each .grad grew by the same gradient: .grad accumulates until you zero it.",
      secondNoSaved:
        "This graph saved no tensors (adding needs none), so PyTorch runs it again even without retain_graph, and .grad accumulates.",
      secondError:
        "The second backward() raises, because the first one (without retain_graph=True) freed the tensors the graph saved:",
      syntax:
        "This figure takes a, b, c, numbers, + - * / **, unary -, parentheses, and torch.sin/cos/exp/log/tanh/sigmoid/relu(…) or the method forms (a.sin()). It stopped at character {at}: “{found}”. Run anything else in a code cell.",
      error: "PyTorch raises:",
      nodeLabel: "{name}; next_functions: {next}.",
      loading: "Loading the engine…",
      failed: "The figure could not load the engine; it shows the first expression only.",
    },
    deviceTiming: {
      title: "CPU against GPU on your machine: one matmul, timed honestly",
      intro:
        "Pick the sizes and press Run. Your browser multiplies two n×n float32 matrices (torch.rand, seeded) with Torchlit's engine, first on the CPU, then on the GPU through WebGPU, in a worker so this page stays responsive. For each size and device: the first run alone, one warm-up, then the median of the timed runs. GPU compute is timed until the GPU's queue is done, and copying the result back to the CPU (readback) is timed apart. The GPU's product is checked against the CPU's before any of its times is shown. Nothing here is precomputed: every number is measured now, in your browser.",
      sizes: "Sizes n",
      size: "n = {n}",
      slow: "{size} (slow: the CPU may take seconds)",
      runs: "Timed runs per size",
      run: "Run",
      stop: "Stop",
      idle: "Nothing measured yet. Press Run to measure on your machine.",
      pickSize: "Pick at least one size.",
      starting: "Starting the engine in a worker…",
      progress: "n = {n}, {device}: {phase}",
      phases: {
        first: "first run",
        "warm-up": "warm-up",
        timed: "timed run {run} of {runs}",
        readback: "readback {run} of {runs}",
        check: "checking the GPU's product against the CPU's",
      },
      cpu: "CPU",
      gpu: "GPU",
      gpuFirst: "GPU, first run",
      adapter: "GPU: {adapter} (WebGPU).",
      noGpu: "No GPU column: {reason}. The CPU column is still your machine's.",
      rowDone: "n = {n} measured: CPU {cpu} ms{gpu}.",
      rowGpu: ", GPU {gpu} ms (readback {readback} ms)",
      done: "Done.",
      stopped: "Stopped: the worker was terminated. The sizes measured before that are kept.",
      failedRun: "The measurement stopped with an error: {message}",
      timeTitle: "Time per matmul (milliseconds, median; log scale)",
      rateTitle: "Speed: GFLOP/s = 2n³ / time (log scale)",
      xAxis: "n (an n×n @ n×n matmul)",
      empty: "No measurements yet",
      chartLabel: "{title}. {summary}",
      chartEmpty: "Empty axes: nothing has been measured yet.",
      chartSummary: "Measured sizes {sizes}; the table below lists every value.",
      crossoverMark: "GPU faster from n ≈ {at}",
      crossover:
        "Crossover: the GPU starts to win between n = {below} and n = {from} (about n = {at}). Below it, the fixed cost of launching a kernel and waiting for the GPU's queue is larger than the work itself; above it, the work grows as n³ and the GPU's many cores pull ahead.",
      gpuAlways:
        "The GPU was faster at every size measured, from n = {n} on: on this machine the crossover lies below the smallest size.",
      noCrossover:
        "No crossover on this machine: the GPU was not faster than the CPU at n = {n}, the largest size measured. On a software adapter such as SwiftShader the GPU is emulated on the CPU, so it never wins; on a real GPU, try the larger sizes.",
      noCrossoverMark: "no crossover measured",
      compileNote:
        "The GPU's first run (hollow squares, and the “first run” column) includes compiling the matmul kernel: the first size pays for it, and later sizes reuse the compiled kernel (one kernel serves every shape), which is why warm-up comes before timing.",
      repeatNote:
        "A small matmul ends faster than the browser's clock can tell apart (it ticks about every 0.1 ms), so a timed run repeats it until it lasts {ms} ms and divides by the count (the “× k” beside a median).",
      checkOk: "matches ({diff})",
      checkFailed:
        "The GPU's product differs from the CPU's beyond float32 rounding at element {at} (CPU {cpu}, GPU {gpu}), so its times are not shown.",
      checkNote:
        "Check: every element of the GPU's product is within 2γₙ·|c| of the CPU's, γₙ = n·2⁻²⁴ / (1 − n·2⁻²⁴), the most float32 rounding can move a sum of n non-negative products in any order.",
      tableCaption: "Your measurements: milliseconds per matmul, medians of {runs} timed runs",
      colN: "n",
      colCpuFirst: "CPU first run",
      colCpu: "CPU median",
      colCpuRate: "CPU GFLOP/s",
      colGpuFirst: "GPU first run",
      colGpu: "GPU compute median",
      colGpuRate: "GPU GFLOP/s",
      colReadback: "GPU readback median",
      colCheck: "GPU product",
      noValue: "—",
      loading: "Loading the figure…",
      failed: "The figure could not load its script; nothing can be measured here.",
    },
    jacobian: {
      title: "The Jacobian at a point, and what y.backward(v) leaves in x.grad",
      intro:
        "Left, the input plane: the point x, the grid around it and the unit vectors e₁, e₂. Right, the output plane: the same grid after f, the point f(x), and J's two columns J e₁ and J e₂ drawn from f(x), the best linear stand-ins for where e₁ and e₂ go. The arrow v in the output plane is the vector passed to y.backward(v). Drag x or the tip of v (or focus one and use the arrow keys); the values snap to steps of {step}.",
      fn: "f",
      fnNames: {
        linear: "A @ x (linear: J = A everywhere)",
        rotate: "rotate 45° and scale by √2",
        square: "(x₀² − x₁², 2·x₀·x₁)",
        sine: "(sin x₀ + x₁, x₀·x₁)",
        polar: "polar: (r cos θ, r sin θ)",
      },
      point: "Point x",
      cotangent: "Cotangent v",
      coord: "{name}[{i}]",
      pickRow: "Rows from VJPs:",
      e1: "v = e1",
      e2: "v = e2",
      inputPlane:
        "Input plane. The point x = ({a}, {b}), the grid lines around it, and the unit vectors e₁ and e₂ starting at x.",
      outputPlane:
        "Output plane. f(x) = ({a}, {b}), the image of the grid around x, J e₁ = ({c1a}, {c1b}) and J e₂ = ({c2a}, {c2b}) starting at f(x), and v = ({va}, {vb}).",
      handleX: "Point x = ({a}, {b}). Arrow keys move it by {step}.",
      handleV: "Tip of v = ({a}, {b}), drawn from f(x). Arrow keys move it by {step}.",
      code: "The code this figure runs (PyTorch: paste it into a cell to check)",
      x: "x",
      y: "y = f(x)",
      J: "J, one row per output (torch.autograd.functional.jacobian(f, x) prints the same)",
      v: "v",
      vJ: "v @ J (vᵀJ)",
      grad: "x.grad after y.backward(v)",
      equal:
        "v @ J and x.grad are equal, element for element: y.backward(v) computed vᵀJ without being given J. That product is what backward() computes, so the two agree for every f, x and v (at most the last float32 digits can differ, rounded in another order).",
      notEqual:
        "v @ J and x.grad differ in their last digits here (float32 rounding in two different orders).",
      rowsTitle: "The whole J from one VJP per output",
      row: "x.grad after y.backward(e{i}, retain_graph=True), x.grad cleared first: row {i} of J",
      stacked: "torch.stack of the two rows: J again",
      pickedRow: "Now v = e{i}, so x.grad is row {i} of J.",
      weighted:
        "x.grad is {a} × row 1 + {b} × row 2 of J: the rows weighted by v. Press “v = e1” or “v = e2” to get one row alone.",
      announce: "x = ({x0}, {x1}), v = ({v0}, {v1}). y = {y}. v @ J = {vJ}; x.grad = {grad}.",
      loading: "Loading the engine…",
      failed: "The figure could not load the engine; it shows its first state only.",
    },
    gradientDescent: {
      title: "Gradient descent on a loss surface: batch, mini-batch and stochastic",
      intro:
        "The contours are the loss over all n = 32 examples as a function of p = (p[0], p[1]). The three paths start at the same p (the hollow dot) with the same seed and take torch.optim.SGD steps, each on the gradient over a different share of the examples: batch uses all 32 at every step, mini-batch a random batch of the size you pick, stochastic a single random example. On the bowl and the two wells the examples are made up: each is the same shape shifted by a random offset, the surface drawn is their mean, and a batch's gradient is that of the few copies it drew, which is where the noise comes from. In linear regression the examples are the points (x, y) and p = (w, b).",
      howTo:
        "Change the learning rate, the mini-batch size, the momentum or the number of steps (the others stay as they are), then replay the paths with the step slider, or focus the loss chart and use the arrow keys; hovering over the chart picks a step too.",
      surface: "Loss surface",
      surfaces: {
        bowl: "bowl: curvature 5 along p[0], 0.5 along p[1]",
        wells: "two wells (not convex): a deep one on the left, a shallow one on the right",
        regression: "linear regression on 32 generated points: loss over (w, b)",
      },
      lr: "Learning rate lr",
      batchSize: "Mini-batch size",
      momentum: "Momentum",
      steps: "Steps",
      logScale: "Log scale for the loss",
      scrub: "Step shown",
      scrubValue: "step {step} of {steps}",
      methods: { batch: "batch", "mini-batch": "mini-batch", stochastic: "stochastic" },
      methodLong: {
        batch: "batch: all {n} examples per step",
        "mini-batch": "mini-batch: {b} random examples per step",
        stochastic: "stochastic: 1 random example per step",
      },
      plotLabel:
        "Contours of the loss on the surface “{surface}”, with the paths of the three methods from the start ({a}, {b}). The values of the step shown are in the table below.",
      chartLabel:
        "Loss over all examples at each step, one curve per method; step {step} of {steps} is marked.",
      chartValue: "step {step}: {values}",
      stepAxis: "step",
      lossAxis: "loss (all examples)",
      lossAxisLog: "loss (all examples), log scale",
      readoutCaption: "Step {step} of {steps}: p and the loss over all examples",
      colMethod: "method",
      colBatch: "examples per step",
      colLoss: "loss",
      /** A run that left the plot and ended with a higher loss than it started with. */
      leftPlot:
        "{name} left the plot at step {step}, where p = {p}, and its loss rose from {start} to {end}: the learning rate is too large for this surface, and each step lands farther away.",
      /** A run that went past the plot's edge but ended with a lower loss than it started with. */
      leftAndDescended:
        "{name} went past the plot's edge at step {step}, where p = {p}, but still descended: its loss fell from {start} to {end}. Steps this large overshoot; a somewhat larger learning rate diverges.",
      lossNotFinite:
        "{name}: at step {step} the loss is {loss}; the values overflowed float32 and the run diverged.",
      code: "The program this figure runs (PyTorch: paste it into a cell to get the same numbers)",
      printed: "What it prints (p after the last step, for each method)",
      invalid: "{name} must be between {min} and {max}; the figure keeps the last valid value.",
      invalidSteps:
        "Steps must be a whole number from 1 to {max}; the figure keeps the last valid value.",
      announce: "Step {step} of {steps}. {values}.",
      loading: "Loading the engine…",
      failed: "The figure could not load the engine; it shows its first state only.",
    },
    tensorMemory: {
      title: "A tensor and its storage",
      base: "x =",
      expression: "Expression",
      show: "Show",
      presets: "Try",
      storageOfX:
        "Storage of x ({n} elements; the small number is the cell's index, the large one its value)",
      newStorage: "New storage of the result ({n} elements)",
      result: "The result, element by element",
      viewedTensor: "The tensor view() was called on, element by element",
      cellLabel: "storage cell {i}, value {v}",
      elementLabel: "element {index} = {v}, in storage cell {i}",
      covered: "used {n} times",
      shape: "shape",
      stride: "stride()",
      column: "dim {i}",
      offset: "storage_offset()",
      contiguous: "is_contiguous()",
      view: "{expr} is a view: it reads x's storage (the highlighted cells) with shape {shape} and stride {stride}, starting at cell {offset} (its storage_offset()). Nothing was copied.",
      copy: "{expr} is a new tensor with its own storage: the values were copied, so writing into it leaves x unchanged.",
      self: "x itself: shape {shape}, stride {stride}, over all of its storage.",
      error: "PyTorch raises:",
      mismatch:
        "view() cannot merge dims {a} and {b} of the tensor it was called on (shape {shape}, stride {stride}). Two dims can be read as one only when they form one evenly spaced run of storage: one step along dim {a} has to cover exactly the {expected} cells that dim {b} onwards spans. Here dim {a}'s stride is {actual}, so the elements lie in separate runs (hover over the elements below to see where each one sits). reshape() copies in this case; contiguous() first makes one run.",
      unsupported:
        "This figure reads x followed by indexing with integers and slices (x[1:, ::2]) and .t(), .T, .transpose, .permute, .view, .reshape, .flatten, .expand, .unsqueeze, .squeeze, .narrow, .contiguous, .clone with integer arguments. It stopped at position {at}: run anything else in a code cell.",
      loading: "Loading the engine…",
      failed: "The figure could not load the engine; it shows the first expression only.",
    },
  } satisfies Record<string, object>,
};

/** The shape of every language's table: the English one's keys, each with its doc comment. */
export type UiStrings = typeof en;
