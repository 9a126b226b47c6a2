// Shows a run's output under a code cell or an exercise: the head as printed, then, once the run
// printed more than the worker keeps (runtime/output-limit.ts), one line saying how many lines
// are hidden and the latest tail. Updates are folded in at once but drawn at most once a frame,
// and the tail (replaced whole, and scrolling faster than anyone reads) at most five times a
// second, in a block of its own so its layout leaves the head's alone: a cell that prints
// without end costs the page a small redraw now and then, never a freeze.
import {
  type OutputChunk,
  OutputCollector,
  type OutputUpdate,
  type Stream,
} from "../runtime/output-limit.ts";

/** The tail is redrawn at most this often while a run prints (a flush draws it at once). */
const TAIL_INTERVAL_MS = 200;

export interface OutputViewOptions {
  /** Class of a span of each stream's text (the code cell colours stderr). */
  className: (stream: Stream) => string;
  /** The line between head and tail, e.g. "… 998,000 lines hidden …". */
  hiddenText: (lines: number) => string;
  /** Called after each redraw (a box hidden while empty is shown then). */
  onDraw?: () => void;
}

export class OutputView {
  readonly #box: HTMLElement;
  readonly #opts: OutputViewOptions;
  #collected = new OutputCollector();
  /** One span per head chunk drawn so far, and how much of the last chunk's text it holds. */
  #spans: HTMLElement[] = [];
  #drawnChars = 0;
  #tailBox: HTMLElement | null = null;
  #tailDirty = false;
  #tailDrawnAt = Number.NEGATIVE_INFINITY;
  #tailTimer: ReturnType<typeof setTimeout> | null = null;
  #frame: number | null = null;

  constructor(box: HTMLElement, opts: OutputViewOptions) {
    this.#box = box;
    this.#opts = opts;
  }

  /** Everything of one stream that reached the page (head then tail). */
  text(stream: Stream): string {
    return this.#collected.text(stream);
  }

  get truncated(): boolean {
    return this.#collected.truncated;
  }

  add(update: OutputUpdate): void {
    this.#collected.add(update);
    if (update.tail) this.#tailDirty = true;
    this.#schedule();
  }

  #schedule(): void {
    this.#frame ??= requestAnimationFrame(() => this.#draw(false));
  }

  /** Text the page adds after the output (a result's repr, a traceback, a note). */
  appendLocal(text: string, className: string): void {
    this.flush();
    this.#box.append(this.#span(className, text));
    this.#opts.onDraw?.();
  }

  /** Draws what is pending now (called before a run's result is shown, too). */
  flush(): void {
    this.#draw(true);
  }

  #draw(now: boolean): void {
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    this.#frame = null;
    const head = this.#collected.head;
    // The head only grows: its last chunk may have more text, and new chunks may follow.
    for (let i = Math.max(this.#spans.length - 1, 0); i < head.length; i++) {
      const chunk = head[i] as OutputChunk;
      const drawn = this.#spans[i];
      if (drawn) drawn.append(chunk.text.slice(this.#drawnChars));
      else {
        const span = this.#span(this.#opts.className(chunk.stream), chunk.text);
        this.#box.insertBefore(span, this.#tailBox);
        this.#spans.push(span);
      }
      this.#drawnChars = chunk.text.length;
    }
    if (this.#tailDirty) {
      const wait = TAIL_INTERVAL_MS - (performance.now() - this.#tailDrawnAt);
      if (now || wait <= 0) this.#drawTail();
      else
        this.#tailTimer ??= setTimeout(() => {
          this.#tailTimer = null;
          this.#schedule();
        }, wait);
    }
    this.#opts.onDraw?.();
  }

  #span(className: string, text: string): HTMLElement {
    const span = document.createElement("span");
    span.className = className;
    span.textContent = text;
    return span;
  }

  #drawTail(): void {
    this.#tailDirty = false;
    this.#tailDrawnAt = performance.now();
    if (this.#tailTimer !== null) clearTimeout(this.#tailTimer);
    this.#tailTimer = null;
    if (!this.#tailBox) {
      this.#tailBox = document.createElement("span");
      this.#tailBox.setAttribute("data-role", "output-tail");
      this.#box.append(this.#tailBox);
    }
    const lines = this.#collected.hiddenLines;
    const endsLine = this.#collected.head.at(-1)?.text.endsWith("\n") ?? true;
    const note = this.#span(
      "tl-out-hidden",
      `${endsLine ? "" : "\n"}${this.#opts.hiddenText(lines)}\n`,
    );
    note.setAttribute("data-role", "output-hidden");
    note.setAttribute("data-hidden-lines", String(lines));
    // A block of its own: replacing it lays out only the tail, not the head above it too.
    const tail = document.createElement("span");
    tail.style.display = "block";
    tail.append(
      ...this.#collected.tail.map((c) => this.#span(this.#opts.className(c.stream), c.text)),
    );
    this.#tailBox.replaceChildren(note, tail);
  }
}
