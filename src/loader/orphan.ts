/*
 * An engine left behind: when Objector is reloaded, updated, disabled or removed, Chrome leaves the engine
 * it injected running in open tabs, cut off from the extension: `runtime.id` becomes undefined and every
 * message fails. Such an engine must take its control off the page and stop watching, as WXT's
 * `ctx.isValid` and uBlock Origin's orphan check do.
 *
 * Chrome tells an orphaned script nothing (its ports are closed without an onDisconnect event, which an
 * e2e test showed), so the engine checks `runtime.id`: every time it is about to act (URL change, use of
 * its control, a message) and, while an objection form is open, once a second, so that the control goes
 * away by itself. Reading `runtime.id` is a property read; on pages that are not forms no timer runs.
 */

/** The part of `runtime` the check needs (`chrome.runtime` / `browser.runtime`; a fake in the unit tests). */
export interface ExtensionRuntime {
  readonly id?: string;
}

export interface ExtensionLife {
  /** False once the extension is gone (and `onOrphaned` has run); call before acting. */
  alive(): boolean;
  /** Checks by itself every second while `onForm` is true (the control may be on the page), not otherwise. */
  watchWhile(onForm: boolean): void;
}

export interface LifeTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(id: unknown): void;
}

export const LIFE_CHECK_MS = 1000;

/**
 * Watches whether the extension that injected this script is still there; calls `onOrphaned` once when it
 * is not. `runtime` is read anew each time: in an orphaned script the API object may itself be gone.
 */
export function watchExtensionLife(
  runtime: () => ExtensionRuntime | undefined,
  onOrphaned: () => void,
  timers: LifeTimers = globalThis as unknown as LifeTimers,
): ExtensionLife {
  let orphaned = false;
  let timer: unknown;
  const stopTimer = () => {
    if (timer !== undefined) timers.clearInterval(timer);
    timer = undefined;
  };
  const gone = () => {
    try {
      return !runtime()?.id;
    } catch {
      return true;
    }
  };
  const alive = () => {
    if (orphaned) return false;
    if (!gone()) return true;
    orphaned = true;
    stopTimer();
    onOrphaned();
    return false;
  };
  return {
    alive,
    watchWhile(onForm) {
      if (!onForm || orphaned) stopTimer();
      else timer ??= timers.setInterval(alive, LIFE_CHECK_MS);
    },
  };
}
