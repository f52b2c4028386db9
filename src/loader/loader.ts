import type { BackgroundMessageType } from '../messaging/protocol';
import { isFormHost, matchFormRule } from '../forms/match';
import { formUrls } from '../forms/rules/urls';
import { watchUrl } from '../forms/watch';

/*
 * The only content script: it runs on every Facebook and Instagram page, so it carries nothing but the
 * forms' URL patterns and a URL watcher. When the URL is an objection form (on load, or after in-app
 * navigation) it asks the background, once, to inject the engine (entrypoints/engine.ts) into this frame;
 * from then on the engine watches the URL itself. No zod, no polyfill, no UI: see the budget in
 * tests/unit/bundle/budgets.test.ts.
 */

/** The message the loader sends; the background answers `{ ok: true }` once the engine runs in the frame. */
export const LOAD_ENGINE = 'load-engine' satisfies BackgroundMessageType;
/** Sent once per page load: the background sets this tab's reminder badge (it has no `tabs` permission). */
export const PAGE_OPENED = 'page-opened' satisfies BackgroundMessageType;

export type SendToBackground = (message: { type: typeof LOAD_ENGINE | typeof PAGE_OPENED }) => Promise<unknown>;

/**
 * Tells the background once that a page of Meta's form hosts loaded, so that it can set this tab's reminder
 * badge (it has no `tabs` permission to find the tab). Other hosts (developers., business., …) say nothing.
 */
export function announcePage(win: Window, send: SendToBackground): void {
  if (isFormHost(win.location.href, formUrls)) send({ type: PAGE_OPENED }).catch(() => undefined);
}

/** A form page whose engine could not be loaded asks again this many times, the first after LOAD_RETRY_MS. */
export const LOAD_RETRIES = 5;
export const LOAD_RETRY_MS = 250;

/** Starts watching; returns a function that stops the loader (used by the unit tests). */
export function startLoader(win: Window, send: SendToBackground): () => void {
  // developers.facebook.com, business.facebook.com and the like get nothing: no listener, no watcher.
  if (!isFormHost(win.location.href, formUrls)) return () => undefined;
  let requested = false;
  let failures = 0;
  let stopWatching = () => {};
  const check = (href: string) => {
    if (requested || !matchFormRule(href, formUrls)) return;
    requested = true;
    const failed = () => {
      requested = false;
      // Refused or lost (a worker stopped or updated while it was asked, say): this form asks again after a
      // growing pause, a few times; the next form URL asks again anyway.
      if (++failures <= LOAD_RETRIES) win.setTimeout(() => check(win.location.href), LOAD_RETRY_MS * 2 ** (failures - 1));
    };
    send({ type: LOAD_ENGINE }).then((answer) => {
      if ((answer as { ok?: unknown } | undefined)?.ok === true) stopWatching();
      else failed();
    }, failed);
  };
  stopWatching = watchUrl(win, check);
  check(win.location.href);
  return () => stopWatching();
}
