// When a widget loads its model: after the page's load event (so the page's own JavaScript
// budget before load is untouched) and once the figure is within 400 px of the viewport.

function afterLoad(): Promise<void> {
  return document.readyState === "complete"
    ? Promise.resolve()
    : new Promise((resolve) => addEventListener("load", () => resolve(), { once: true }));
}

function nearViewport(el: Element): Promise<void> {
  return new Promise((resolve) => {
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          resolve();
        }
      },
      { rootMargin: "400px" },
    );
    io.observe(el);
  });
}

/** Resolves once the page has loaded and `el` is near the viewport. */
export async function whenNear(el: Element): Promise<void> {
  await afterLoad();
  await nearViewport(el);
}

/**
 * Waits until `root` is near the viewport after load, then loads the widget's modules, saying
 * so in its status line; null (with the status saying why) when they could not load.
 */
export async function loadWhenNear<T>(
  root: Element,
  status: HTMLElement,
  texts: { loading: string; failed: string },
  load: () => Promise<T>,
): Promise<T | null> {
  await whenNear(root);
  status.textContent = texts.loading;
  try {
    const modules = await load();
    status.textContent = "";
    return modules;
  } catch {
    status.textContent = texts.failed;
    return null;
  }
}
