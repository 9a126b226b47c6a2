// Global grad mode (torch.no_grad / enable_grad / set_grad_enabled).
// Ops consult it before recording a graph node; nothing else lives here.

export const gradMode = { enabled: true };

export function isGradEnabled(): boolean {
  return gradMode.enabled;
}

export function setGradEnabled(enabled: boolean): void {
  gradMode.enabled = enabled;
}

function withMode<T>(enabled: boolean, fn: () => T): T {
  const prev = gradMode.enabled;
  gradMode.enabled = enabled;
  try {
    return fn();
  } finally {
    gradMode.enabled = prev;
  }
}

/** Runs fn without recording gradients (torch.no_grad()). */
export const noGrad = <T>(fn: () => T): T => withMode(false, fn);
/** Runs fn with gradients recorded even inside noGrad (torch.enable_grad()). */
export const enableGrad = <T>(fn: () => T): T => withMode(true, fn);
