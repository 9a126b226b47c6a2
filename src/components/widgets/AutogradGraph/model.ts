// The autograd-graph figure's model: it parses the reader's expression (a documented subset of
// PyTorch syntax, below) by calling the engine's ops on three scalar leaves, walks the grad_fn
// graph the engine built (names, next_functions), records the engine's own backward with
// grad_fn.register_hook on every node, then calls backward() a second time. Nothing here
// computes a gradient, an order or an error text: all of it is what the engine did.
//
// The grammar (Python's precedence; anything else is refused with the position of its token):
//   expr    := term (("+" | "-") term)*
//   term    := unary (("*" | "/") unary)*
//   unary   := "-" unary | power
//   power   := postfix ("**" unary)?            (right-assoc., binds tighter than unary minus
//                                                on its left: -a ** 2 is -(a ** 2))
//   postfix := atom ("." FN "(" ")")*           (method forms: a.sin(), (a * b).exp())
//   atom    := "a" | "b" | "c" | NUMBER | "(" expr ")" | "torch." FN "(" expr ")"
//   FN      := sin | cos | exp | log | tanh | sigmoid | relu
//   NUMBER  := digits with an optional "." and fraction (2, 2., 0.5)
import { type Node, type Tensor, TorchError, tensor } from "torchlit";

export const NAMES = ["a", "b", "c"] as const;
export type Name = (typeof NAMES)[number];
/** The leaves' fixed values: a = 2., b = 3., c = -1. */
export const VALUES: Record<Name, number> = { a: 2, b: 3, c: -1 };
export const FUNCTIONS = ["sin", "cos", "exp", "log", "tanh", "sigmoid", "relu"] as const;
type Fn = (typeof FUNCTIONS)[number];

export type Requires = Record<Name, boolean>;

export interface Setup {
  expr: string;
  requires: Requires;
  /** Whether the first backward() is called with retain_graph=True. */
  retain: boolean;
}

/** One grad_fn node, numbered in a depth-first walk from the output's (gen_fixture.py's walk). */
export interface GraphNode {
  id: number;
  /** The node's class name, as its repr shows it (MulBackward0, AccumulateGrad). */
  name: string;
  /** next_functions: [node id, input_nr], or null for PyTorch's (None, 0). */
  next: ([number, number] | null)[];
  /** For AccumulateGrad: the leaf it accumulates into. */
  leaf: Name | null;
}

/** What one node's hook saw: the gradients that flowed in and those it sent on (str(tensor)). */
export interface Step {
  id: number;
  name: string;
  gradOutputs: (string | null)[];
  gradInputs: (string | null)[];
}

export type Grads = Record<Name, string | null>;

export interface Run {
  /** repr of each leaf, e.g. tensor(2., requires_grad=True). */
  leaves: Record<Name, string>;
  /** repr of the result, e.g. tensor(6.9093, grad_fn=<AddBackward0>). */
  result: string;
  nodes: GraphNode[];
  /** The first backward(), node by node in the engine's order. */
  order: Step[];
  /** Each leaf's .grad after it. */
  grads: Grads;
  /** A second backward(): the .grad it leaves, or the error it raises ("Type: message"). */
  second: { grads: Grads } | { error: string };
}

export type Outcome =
  | { kind: "ok"; setup: Setup; run: Run }
  /** The expression is outside the subset: the message says where. */
  | { kind: "syntax"; setup: Setup; at: number; found: string }
  /** PyTorch raised while building the result or in the first backward(). */
  | { kind: "error"; setup: Setup; error: string };

/** The presets offered as buttons: an expression and which leaves require grad. */
export const PRESETS: { expr: string; requires: Requires }[] = [
  { expr: "torch.sin(a * b) + a", requires: { a: true, b: true, c: true } },
  { expr: "a * b + a.sin()", requires: { a: true, b: true, c: true } },
  { expr: "(a + b) * (a - b)", requires: { a: true, b: true, c: true } },
  { expr: "a * a", requires: { a: true, b: true, c: true } },
  { expr: "(a * b).exp()", requires: { a: true, b: true, c: true } },
  { expr: "a * b * c + b", requires: { a: true, b: false, c: true } },
  { expr: "a + b", requires: { a: true, b: true, c: true } },
];

class SyntaxProblem extends Error {
  constructor(
    readonly at: number,
    readonly found: string,
  ) {
    super(`unsupported at ${at}: ${found}`);
  }
}

interface Token {
  text: string;
  at: number;
}

const TOKEN = /\s*(\*\*|[-+*/().]|\d+\.?\d*|\.\d+|[A-Za-z_]\w*|\S)/y;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (;;) {
    const start = TOKEN.lastIndex;
    if (src.slice(start).trim() === "") break;
    const m = TOKEN.exec(src);
    if (!m) throw new SyntaxProblem(start, src.slice(start).trim());
    const text = m[1] as string;
    out.push({ text, at: m.index + m[0].indexOf(text) });
  }
  return out;
}

/** A value in the expression: a tensor, or a Python number (int unless written with a point). */
type Value = Tensor | { num: number; float: boolean };
const isNum = (v: Value): v is { num: number; float: boolean } => "num" in v;

/** Builds the expression with the engine's ops, as PyTorch's Python operators call them. */
class Parser {
  private i = 0;
  constructor(
    private readonly toks: Token[],
    private readonly leaves: Record<Name, Tensor>,
    private readonly end: number,
  ) {}

  parse(): Value {
    const v = this.expr();
    if (this.i < this.toks.length) this.fail();
    return v;
  }
  private peek(): string | undefined {
    return this.toks[this.i]?.text;
  }
  private fail(): never {
    const t = this.toks[this.i];
    throw new SyntaxProblem(t ? t.at : this.end, t ? t.text : "");
  }
  private eat(text: string): void {
    if (this.peek() !== text) this.fail();
    this.i++;
  }
  private expr(): Value {
    let v = this.term();
    while (this.peek() === "+" || this.peek() === "-") {
      const op = this.toks[this.i++]?.text as "+" | "-";
      v = binary(op, v, this.term());
    }
    return v;
  }
  private term(): Value {
    let v = this.unary();
    while (this.peek() === "*" || this.peek() === "/") {
      const op = this.toks[this.i++]?.text as "*" | "/";
      v = binary(op, v, this.unary());
    }
    return v;
  }
  private unary(): Value {
    if (this.peek() === "-") {
      this.i++;
      const v = this.unary();
      return isNum(v) ? { num: -v.num, float: v.float } : v.neg();
    }
    return this.power();
  }
  private power(): Value {
    const base = this.postfix();
    if (this.peek() !== "**") return base;
    this.i++;
    return binary("**", base, this.unary());
  }
  private postfix(): Value {
    let v = this.atom();
    while (this.peek() === ".") {
      this.i++;
      const at = this.i;
      const fn = this.fn();
      this.eat("(");
      this.eat(")");
      if (isNum(v)) {
        this.i = at;
        this.fail();
      }
      v = apply(fn, v);
    }
    return v;
  }
  private fn(): Fn {
    const name = this.peek();
    if (!FUNCTIONS.includes(name as Fn)) this.fail();
    this.i++;
    return name as Fn;
  }
  private atom(): Value {
    const t = this.peek();
    if (t === undefined) this.fail();
    if (t === "(") {
      this.i++;
      const v = this.expr();
      this.eat(")");
      return v;
    }
    if (t === "torch") {
      this.i++;
      this.eat(".");
      const fn = this.fn();
      this.eat("(");
      const at = this.i;
      const v = this.expr();
      this.eat(")");
      if (isNum(v)) {
        this.i = at;
        this.fail();
      }
      return apply(fn, v);
    }
    if (/^(\d|\.\d)/.test(t)) {
      this.i++;
      return { num: Number(t), float: t.includes(".") };
    }
    if ((NAMES as readonly string[]).includes(t)) {
      this.i++;
      return this.leaves[t as Name];
    }
    this.fail();
  }
}

function apply(fn: Fn, x: Tensor): Tensor {
  return x[fn]();
}

/** A binary operator as PyTorch's Tensor.__op__ / __rop__ run it (see engine/python/torch/_tensor.py). */
function binary(op: "+" | "-" | "*" | "/" | "**", x: Value, y: Value): Value {
  if (isNum(x) && isNum(y)) {
    // Python arithmetic on two numbers (no tensor involved).
    const float = x.float || y.float || op === "/";
    const num =
      op === "+"
        ? x.num + y.num
        : op === "-"
          ? x.num - y.num
          : op === "*"
            ? x.num * y.num
            : op === "/"
              ? x.num / y.num
              : x.num ** y.num;
    return { num, float };
  }
  if (!isNum(x)) {
    const other = isNum(y) ? y.num : y;
    if (op === "+") return x.add(other);
    if (op === "-") return x.sub(other);
    if (op === "*") return x.mul(other);
    if (op === "/") return x.div(other);
    return x.pow(other);
  }
  // number op tensor: __radd__ / __rsub__ / __rmul__ / __rtruediv__ / __rpow__.
  const t = y as Tensor;
  if (op === "+") return t.add(x.num);
  if (op === "-") return t.rsub(x.num);
  if (op === "*") return t.mul(x.num);
  if (op === "/") return t.reciprocal().mul(x.num);
  return tensor(x.num, { dtype: x.float ? "float32" : "int64" }).pow(t);
}

/** The graph's nodes, depth first from `root`, each once (the walk gen_fixture.py makes). */
function walk(
  root: Node,
  leaves: Record<Name, Tensor>,
): { nodes: GraphNode[]; of: Map<Node, number> } {
  const list: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (list.includes(n)) continue;
    list.push(n);
    for (const e of [...n.next].reverse()) if (e) stack.push(e.node);
  }
  const of = new Map(list.map((n, i) => [n, i]));
  const nodes = list.map((n, id) => ({
    id,
    name: n.name,
    next: n.next.map((e) =>
      e ? ([of.get(e.node) as number, e.inputNr] as [number, number]) : null,
    ),
    leaf: NAMES.find((k) => n.variable !== null && n.variable === leaves[k]) ?? null,
  }));
  return { nodes, of };
}

const str = (g: Tensor | null): string | null => (g === null ? null : g.toString());
const errorText = (e: TorchError): string => `${e.pyType}: ${e.message}`;

/** Runs the figure's code for one setup with the engine. */
export function evaluate(setup: Setup): Outcome {
  const leaves = Object.fromEntries(
    NAMES.map((k) => [k, tensor(VALUES[k], { dtype: "float32", requiresGrad: setup.requires[k] })]),
  ) as Record<Name, Tensor>;
  let y: Value;
  try {
    const toks = tokenize(setup.expr);
    y = new Parser(toks, leaves, setup.expr.trimEnd().length).parse();
  } catch (e) {
    if (e instanceof SyntaxProblem) return { kind: "syntax", setup, at: e.at, found: e.found };
    if (e instanceof TorchError) return { kind: "error", setup, error: errorText(e) };
    throw e;
  }
  if (isNum(y)) return { kind: "syntax", setup, at: 0, found: setup.expr.trim() };
  const result = y.toString();
  const reprs = Object.fromEntries(NAMES.map((k) => [k, leaves[k].toString()])) as Run["leaves"];
  const grads = (): Grads =>
    Object.fromEntries(NAMES.map((k) => [k, str(leaves[k].grad)])) as Grads;
  const root = y.gradFn;
  const { nodes, of } = root ? walk(root, leaves) : { nodes: [], of: new Map<Node, number>() };
  const order: Step[] = [];
  for (const [n, id] of of) {
    n.registerHook((gi, go) => {
      order.push({ id, name: n.name, gradOutputs: go.map(str), gradInputs: gi.map(str) });
      return undefined;
    });
  }
  try {
    y.backward(null, setup.retain);
  } catch (e) {
    if (e instanceof TorchError) return { kind: "error", setup, error: errorText(e) };
    throw e;
  }
  const first = grads();
  const count = order.length;
  let second: Run["second"];
  try {
    y.backward();
    second = { grads: grads() };
  } catch (e) {
    if (!(e instanceof TorchError)) throw e;
    second = { error: errorText(e) };
  }
  order.length = count;
  return { kind: "ok", setup, run: { leaves: reprs, result, nodes, order, grads: first, second } };
}

/** One gradient flowing along an edge: from the step that sent it to the node it reaches. */
export interface Flow {
  /** Index of the sending step in the order. */
  step: number;
  from: number;
  to: number;
  /** The edge's slot in the sender's next_functions. */
  slot: number;
  grad: string | null;
}

/** Every gradient sent along an edge, in the order sent (from the hooks' grad_inputs). */
export function flows(run: Run): Flow[] {
  const out: Flow[] = [];
  run.order.forEach((s, step) => {
    const node = run.nodes[s.id] as GraphNode;
    node.next.forEach((e, slot) => {
      if (e) out.push({ step, from: s.id, to: e[0], slot, grad: s.gradInputs[slot] ?? null });
    });
  });
  return out;
}

/** The number inside str(tensor) of a 0-dim tensor: "tensor(3.)" and "tensor(3., requires_grad=True)" give "3.". */
export function inner(s: string | null): string {
  if (s === null) return "None";
  const m = /^tensor\(([^,()]*)(, .*)?\)$/.exec(s);
  return m ? (m[1] as string) : s;
}
