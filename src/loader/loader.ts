import type { BackgroundMessageType } from '../messaging/protocol';
import { matchFormRule } from '../forms/match';
import { formUrls } from '../forms/rules/urls';
import { watchUrl } from '../forms/watch';

/*
 * The only content script: it runs on every Facebook and Instagram page, so it carries nothing but the
 * forms' URL data (src/forms/rules/urls.ts) and a URL watcher. When the URL is an objection form (on load, or
 * after in-app navigation) it asks the background, once, to inject the engine (entrypoints/engine.ts) into
 * this frame; from then on the engine watches the URL itself. No zod, no polyfill, no UI: see the budget in
 * tests/unit/bundle/budgets.test.ts.
 *
 * What it costs a page that is not a form is measured by `npm run bench`; the evaluation is kept small on
 * purpose: one regular expression for the host, none for the path unless a form's id is in it, no URL
 * parsing (the browser's `location` is already parsed), no timer where the Navigation API exists.
 */

/** The message the loader sends; the background answers `{ ok: true }` once the engine runs in the frame. */
export const LOAD_ENGINE = 'load-engine' satisfies BackgroundMessageType;
/** Sent once per page load: the background sets this tab's reminder badge (it has no `tabs` permission). */
export const PAGE_OPENED = 'page-opened' satisfies BackgroundMessageType;

export type SendToBackground = (message: { type: typeof LOAD_ENGINE | typeof PAGE_OPENED }) => Promise<unknown>;

/** The parts of `window` the loader reads. */
export type LoaderWindow = Pick<Window, 'location' | 'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval' | 'setTimeout'>;

/** A form page whose engine could not be loaded asks again this many times, the first after LOAD_RETRY_MS. */
export const LOAD_RETRIES = 5;
export const LOAD_RETRY_MS = 250;

/** Meta's form hosts as one expression (each rule's `hosts` is anchored): built once per page. */
const formHosts = () => new RegExp([...new Set(formUrls.map((u) => u.hosts))].map((source) => `(?:${source})`).join('|'));

/** True on an https page of a host where Meta serves its help forms (developers., business., … are not). */
export function onFormHost(location: Pick<Location, 'protocol' | 'port' | 'hostname'>): boolean {
  return location.protocol === 'https:' && location.port === '' && formHosts().test(location.hostname.toLowerCase());
}

/**
 * A form's URL: the cheap test first (a form's id is in its path), the rules' path patterns only then. Most
 * URL changes of a feed contain no form id and compile nothing.
 */
function isFormUrl(href: string): boolean {
  return formUrls.some((u) => href.includes(u.formId)) && matchFormRule(href, formUrls) !== undefined;
}

/**
 * Starts the loader in a frame: on Meta's form hosts it tells the background once that a page loaded (so
 * that it can set this tab's reminder badge; it has no `tabs` permission to find the tab), then watches the
 * URL for a form. Other hosts get nothing: no message, no listener. Returns a function that stops watching.
 */
export function startLoader(win: LoaderWindow, send: SendToBackground): () => void {
  if (!onFormHost(win.location)) return () => undefined;
  send({ type: PAGE_OPENED }).catch(() => undefined);
  let requested = false;
  let failures = 0;
  let stopWatching = () => {};
  const check = (href: string) => {
    if (requested || !isFormUrl(href)) return;
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
