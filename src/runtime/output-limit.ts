// Bounds what a run's output costs, in the worker where Python writes it: the first `headChars`
// characters are passed on as written, then only the last `tailChars` are kept, and what falls
// between is counted, not stored. Updates are taken in batches (the worker posts at most one
// every few tens of milliseconds), so printing without end can neither flood the page with
// messages nor grow its memory. Pure: no timers, no messages; worker.ts decides when to take.

export type Stream = "stdout" | "stderr";

export interface OutputChunk {
  stream: Stream;
  text: string;
}

/** What changed since the last take: text appended to the head, and the tail when it moved. */
export interface OutputUpdate {
  append: OutputChunk[];
  /** The whole current tail (replaces the previous one); absent while nothing was cut. */
  tail?: OutputChunk[];
  /** Lines (and characters) written between the head and the tail, not kept anywhere. */
  hiddenLines: number;
  hiddenChars: number;
}

export interface OutputBounds {
  headChars: number;
  tailChars: number;
}

/** What a page shows of one run: enough for any honest program, bounded for any other. */
export const CELL_OUTPUT_BOUNDS: OutputBounds = { headChars: 100_000, tailChars: 20_000 };

const newlines = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
};

export class OutputLimiter {
  readonly #bounds: OutputBounds;
  #headLeft: number;
  #append: OutputChunk[] = [];
  #tail: OutputChunk[] = [];
  #tailChars = 0;
  #tailMoved = false;
  #hiddenLines = 0;
  #hiddenChars = 0;

  constructor(bounds: OutputBounds) {
    this.#bounds = bounds;
    this.#headLeft = bounds.headChars;
  }

  /** Whether anything was cut so far (the output is no longer complete). */
  get truncated(): boolean {
    return this.#tailChars > 0 || this.#hiddenChars > 0;
  }

  write(stream: Stream, text: string): void {
    if (text === "") return;
    if (this.#headLeft > 0) {
      const head = text.slice(0, this.#headLeft);
      this.#headLeft -= head.length;
      push(this.#append, stream, head);
      text = text.slice(head.length);
      if (text === "") return;
    }
    this.#tailMoved = true;
    const max = this.#bounds.tailChars;
    if (text.length >= max) {
      // Everything in the tail, and the front of this text, falls out at once.
      for (const c of this.#tail) this.#hide(c.text);
      this.#hide(text.slice(0, text.length - max));
      this.#tail = [{ stream, text: text.slice(text.length - max) }];
      this.#tailChars = max;
      return;
    }
    push(this.#tail, stream, text);
    this.#tailChars += text.length;
    while (this.#tailChars > max) {
      const first = this.#tail[0] as OutputChunk;
      const over = this.#tailChars - max;
      if (first.text.length <= over) {
        this.#tail.shift();
        this.#hide(first.text);
        this.#tailChars -= first.text.length;
      } else {
        this.#hide(first.text.slice(0, over));
        first.text = first.text.slice(over);
        this.#tailChars -= over;
      }
    }
  }

  #hide(text: string): void {
    this.#hiddenChars += text.length;
    this.#hiddenLines += newlines(text);
  }

  /** Whether a take would report anything. */
  get pending(): boolean {
    return this.#append.length > 0 || this.#tailMoved;
  }

  take(): OutputUpdate | null {
    if (!this.pending) return null;
    const update: OutputUpdate = {
      append: this.#append,
      hiddenLines: this.#hiddenLines,
      hiddenChars: this.#hiddenChars,
    };
    if (this.#tailMoved) update.tail = this.#tail.map((c) => ({ ...c }));
    this.#append = [];
    this.#tailMoved = false;
    return update;
  }
}

function push(chunks: OutputChunk[], stream: Stream, text: string): void {
  const last = chunks.at(-1);
  if (last && last.stream === stream) last.text += text;
  else chunks.push({ stream, text });
}

/**
 * The page side: folds updates into head, tail and the hidden count, and gives the text a
 * caller needs as a whole (the grader's result line, exercises' captured output).
 */
export class OutputCollector {
  head: OutputChunk[] = [];
  tail: OutputChunk[] = [];
  hiddenLines = 0;
  hiddenChars = 0;

  add(update: OutputUpdate): void {
    for (const c of update.append) push(this.head, c.stream, c.text);
    if (update.tail) this.tail = update.tail;
    this.hiddenLines = update.hiddenLines;
    this.hiddenChars = update.hiddenChars;
  }

  get truncated(): boolean {
    return this.tail.length > 0;
  }

  /** One stream's text, head then tail (what was hidden between them is simply missing). */
  text(stream: Stream): string {
    return [...this.head, ...this.tail]
      .filter((c) => c.stream === stream)
      .map((c) => c.text)
      .join("");
  }
}
