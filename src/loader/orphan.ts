import { CONTROL_HOST_ATTRIBUTE } from '../ui/control';

/*
 * An engine left behind: when Objector is reloaded, updated, disabled or removed, its engine is left in open
 * tabs, and the two browsers leave it in different states.
 *
 * Chrome leaves the engine running, cut off from the extension: `runtime.id` becomes undefined and every
 * message fails; it tells the script nothing (its ports are closed without an onDisconnect event, which an
 * e2e test showed). So the engine checks `runtime.id`: every time it is about to act (URL change, use of its
 * control, a message) and, while an objection form is open, once a second, so that the control goes away by
 * itself, as WXT's `ctx.isValid` and uBlock Origin's orphan check do. Reading `runtime.id` is a property read;
 * on pages that are not forms no timer runs.
 *
 * Firefox runs nothing of it any more: it nukes the script's sandbox at once (no timer, no listener, no
 * unload event reaches it), and leaves its DOM in the page, a control whose buttons are dead (the Firefox e2e
 * test showed both). What Firefox does undo at unload is the style sheets the extension inserted into the
 * page. So the control is shown by a sheet and by nothing else: its own shadow style hides its host, and
 * the background inserts CONTROL_SHOWN_CSS with the engine (src/loader/inject.ts). When Firefox unloads
 * Objector the sheet goes and the leftover is hidden and inert; an engine of the reloaded or updated Objector
 * (Firefox injects the content scripts into open tabs again) removes it before its sheet is inserted.
 */

/** The only thing that shows the control (its shadow style says `:host{display:none}`, which this overrides). */
export const CONTROL_SHOWN_CSS = `[${CONTROL_HOST_ATTRIBUTE}]{display:block!important}`;

/** Removes controls an earlier copy of Objector left in the page (Firefox: hidden, dead); call before placing one. */
export function removeLeftoverControls(doc: Document): void {
  for (const host of doc.querySelectorAll(`[${CONTROL_HOST_ATTRIBUTE}]`)) host.remove();
}

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
