// repr(tensor) against PyTorch 1.13's own output (fixtures/format.json): every
// dtype, ranks 0..7, summarization, wrapping, autograd and device suffixes, and
// print options; plus the promise that only printed elements are ever read.

import { afterEach, describe, expect, it } from "vitest";
import { decodeValue, loadFormatFixture, type TensorCase } from "./format-fixture.ts";
import {
  printOptions,
  resetPrintoptions,
  type SetPrintoptionsArgs,
  setPrintoptions,
} from "./print-options.ts";
import {
  formatTensor,
  pyScalarStr,
  reprDtype,
  reprSize,
  type TensorPrintSource,
} from "./tensor-repr.ts";

/** The fixture case as formatTensor's input; sparse cases throw on unprinted reads. */
function sourceOf(c: TensorCase): TensorPrintSource {
  let values: TensorPrintSource["values"];
  if (c.sparse !== undefined) {
    const known = new Map(c.sparse.map(([i, v]) => [i, decodeValue(v)]));
    values = (i: number) => {
      const v = known.get(i);
      if (v === undefined) throw new Error(`read element ${i}, which PyTorch does not print`);
      return v;
    };
  } else {
    values = (c.values ?? []).map(decodeValue) as number[];
  }
  return {
    shape: c.shape,
    dtype: c.dtype,
    values,
    device: c.device,
    requiresGrad: c.requires_grad,
    gradFnName: c.grad_fn,
    isParameter: c.parameter,
  };
}

/** torch.set_printoptions kwargs from the fixture, in this module's spelling. */
function printoptionsArgs(options: TensorCase["options"]): SetPrintoptionsArgs {
  const args: SetPrintoptionsArgs = {};
  for (const [key, v] of Object.entries(options ?? {})) {
    if (key === "sci_mode") args.sciMode = v as boolean;
    else if (key === "profile") args.profile = v as string;
    else
      (args as Record<string, number>)[key] = v === null ? Number.POSITIVE_INFINITY : (v as number);
  }
  return args;
}

function check(c: TensorCase, print: () => string): string | null {
  if (c.error !== undefined) {
    try {
      print();
      return `${c.name}: printed, but PyTorch raised "${c.error}"`;
    } catch (e) {
      return String(e).includes(c.error) ? null : `${c.name}: threw ${String(e)}`;
    }
  }
  let got: string;
  try {
    got = print();
  } catch (e) {
    return `${c.name}: threw ${String(e)}`;
  }
  return got === c.expected
    ? null
    : `${c.name}:\n got  ${JSON.stringify(got)}\n want ${JSON.stringify(c.expected)}`;
}

describe("formatTensor(t) against PyTorch 1.13", () => {
  const { tensors } = loadFormatFixture();
  afterEach(resetPrintoptions);

  it("has a substantial fixture", () => {
    expect(tensors.length).toBeGreaterThan(300);
  });

  it("prints every fixture tensor byte for byte after torch.set_printoptions", () => {
    const failures: string[] = [];
    for (const c of tensors) {
      resetPrintoptions();
      setPrintoptions(printoptionsArgs(c.options));
      const failure = check(c, () => formatTensor(sourceOf(c), { defaultDtype: c.default_dtype }));
      if (failure !== null) failures.push(failure);
    }
    resetPrintoptions();
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it("prints the same when the options are passed per call instead", () => {
    const failures: string[] = [];
    for (const c of tensors) {
      if (c.options === undefined) continue;
      // Per-call options start from the defaults, as the fixture did.
      resetPrintoptions();
      setPrintoptions(printoptionsArgs(c.options));
      const perCall = { ...printOptions, defaultDtype: c.default_dtype };
      resetPrintoptions();
      const failure = check(c, () => formatTensor(sourceOf(c), perCall));
      if (failure !== null) failures.push(failure);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});

describe("printing a large tensor", () => {
  it("reads only the printed elements of a million-element tensor", () => {
    let reads = 0;
    const t: TensorPrintSource = {
      shape: [1000, 1000],
      dtype: "float32",
      values: (i) => {
        reads += 1;
        return Math.fround(Math.sin(i));
      },
    };
    const out = formatTensor(t);
    expect(out.split("\n")).toHaveLength(7);
    // The 36 edge elements, each read once.
    expect(reads).toBe(36);
  });
});

describe("setPrintoptions", () => {
  afterEach(resetPrintoptions);

  it("resets sci_mode on every call, as torch.set_printoptions does", () => {
    setPrintoptions({ sciMode: true });
    setPrintoptions({ precision: 2 });
    expect(printOptions).toEqual({
      precision: 2,
      threshold: 1000,
      edgeitems: 3,
      linewidth: 80,
      sciMode: null,
    });
  });

  it("keeps options from call to call, as a program's calls do in PyTorch", () => {
    const { printoption_sequences: sequences } = loadFormatFixture();
    expect(sequences.length).toBeGreaterThan(2);
    const failures: string[] = [];
    for (const [i, steps] of sequences.entries()) {
      resetPrintoptions();
      for (const [j, step] of steps.entries()) {
        if ("set" in step) setPrintoptions(printoptionsArgs(step.set));
        else {
          const c: TensorCase = {
            name: `sequence ${i} step ${j}`,
            ...step.tensor,
            expected: step.expected,
          };
          const failure = check(c, () => formatTensor(sourceOf(c)));
          if (failure !== null) failures.push(failure);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("applies a profile before the explicit options", () => {
    setPrintoptions({ profile: "full", edgeitems: 1 });
    expect(printOptions.threshold).toBe(Number.POSITIVE_INFINITY);
    expect(printOptions.edgeitems).toBe(1);
  });
});

describe("small reprs", () => {
  const fixture = loadFormatFixture();

  it("writes torch.Size like PyTorch", () => {
    for (const c of fixture.sizes) expect(reprSize(c.shape)).toBe(c.expected);
  });

  it("writes dtypes like PyTorch", () => {
    for (const c of fixture.dtypes) expect(reprDtype(c.dtype)).toBe(c.expected);
  });

  it("writes item() scalars as Python prints them", () => {
    expect(fixture.scalars.length).toBeGreaterThan(40);
    for (const c of fixture.scalars)
      expect(pyScalarStr(decodeValue(c.value), c.dtype)).toBe(c.expected);
  });
});
