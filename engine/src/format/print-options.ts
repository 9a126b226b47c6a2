// Print options shared by every tensor repr: torch.set_printoptions and its profiles.
// One mutable object, like PyTorch's PRINT_OPTS; the Python runtime maps
// torch.set_printoptions(**kwargs) onto setPrintoptions. No formatting here.

/** The live print options (torch._tensor_str.PRINT_OPTS). */
export interface PrintOptions {
  /** Digits after the point for floats. Default 4. */
  precision: number;
  /** Element count above which the repr is summarized with "...". Default 1000; Infinity for 'full'. */
  threshold: number;
  /** Items kept at each end of a summarized dimension. Default 3. */
  edgeitems: number;
  /** Characters per line before 1-D rows wrap. Default 80. */
  linewidth: number;
  /** true/false forces scientific notation on/off; null lets the formatter choose. Default null. */
  sciMode: boolean | null;
}

/** Arguments of torch.set_printoptions; omitted fields keep their value, except sciMode. */
export interface SetPrintoptionsArgs {
  precision?: number;
  threshold?: number;
  edgeitems?: number;
  linewidth?: number;
  /** 'default', 'short' or 'full' resets the four numeric options first; other names are ignored, as in PyTorch. */
  profile?: string;
  /** As in PyTorch, every call sets this: leaving it out resets it to null (automatic). */
  sciMode?: boolean | null;
}

type Profile = Omit<PrintOptions, "sciMode">;

const DEFAULT_PROFILE: Profile = { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 };

const PROFILES: Record<string, Profile> = {
  default: DEFAULT_PROFILE,
  short: { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 },
  full: { precision: 4, threshold: Number.POSITIVE_INFINITY, edgeitems: 3, linewidth: 80 },
};

/** The options every formatTensor call reads unless given its own. Mutate through setPrintoptions. */
export const printOptions: PrintOptions = { ...DEFAULT_PROFILE, sciMode: null };

/** torch.set_printoptions: applies a profile, then the explicit options, then sci_mode. */
export function setPrintoptions(args: SetPrintoptionsArgs = {}): void {
  if (args.profile !== undefined) {
    const profile = PROFILES[args.profile];
    if (profile !== undefined) Object.assign(printOptions, profile);
  }
  if (args.precision !== undefined) printOptions.precision = args.precision;
  if (args.threshold !== undefined) printOptions.threshold = args.threshold;
  if (args.edgeitems !== undefined) printOptions.edgeitems = args.edgeitems;
  if (args.linewidth !== undefined) printOptions.linewidth = args.linewidth;
  // PyTorch assigns sci_mode unconditionally (its default argument is None).
  printOptions.sciMode = args.sciMode ?? null;
}

/** Restores PyTorch's defaults (set_printoptions(profile='default')). */
export function resetPrintoptions(): void {
  setPrintoptions({ profile: "default" });
}

/** A copy of the current options, for code that must not see later changes. */
export function getPrintoptions(): PrintOptions {
  return { ...printOptions };
}
