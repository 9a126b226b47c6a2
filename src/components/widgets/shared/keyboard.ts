// Roving focus over a figure's items: one item is in the tab order, the arrow keys (and Home,
// End) move focus among the others, so a grid of many cells costs one Tab stop.

/** Keeps one of `selector`'s matches in `root` focusable and moves focus with the arrow keys. */
export function rovingFocus(root: HTMLElement, selector: string, columns: () => number): void {
  const items = (): HTMLElement[] => [...root.querySelectorAll<HTMLElement>(selector)];
  const reset = (): void => {
    const all = items();
    if (all.some((el) => el.tabIndex === 0)) return;
    all.forEach((el, i) => {
      el.tabIndex = i === 0 ? 0 : -1;
    });
  };
  reset();
  new MutationObserver(reset).observe(root, { childList: true, subtree: true });
  root.addEventListener("keydown", (event) => {
    const all = items();
    const at = all.indexOf(event.target as HTMLElement);
    if (at < 0) return;
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns(),
      ArrowUp: -columns(),
    };
    let next: number;
    if (event.key in step) next = at + (step[event.key] as number);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = all.length - 1;
    else return;
    event.preventDefault();
    const target = all[Math.max(0, Math.min(all.length - 1, next))] as HTMLElement;
    for (const el of all) el.tabIndex = el === target ? 0 : -1;
    target.focus();
  });
}
