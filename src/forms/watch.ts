/*
 * The page watcher: URL changes (including in-app navigation) and, only while an objection URL is open,
 * DOM changes. On any other page it costs one event listener (a timer only in browsers without the
 * Navigation API).
 */

/** What `watchUrl` needs of `window`. */
export type UrlWindow = Pick<Window, 'location' | 'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval'>;

/**
 * Calls `onChange` when the page's URL changes, including in-app navigation (history.pushState) that loads
 * no page. Where the browser has the Navigation API, its `currententrychange` event alone: it fires for
 * every same-document navigation (pushState, replaceState, back/forward, fragment), so nothing runs while
 * the URL stays the same. Elsewhere `popstate`/`hashchange` and a slow poll of `location.href`.
 */
export function watchUrl(win: UrlWindow, onChange: (href: string) => void, pollMs = 250): () => void {
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };
  const navigation = (win as UrlWindow & { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', check);
    return () => navigation.removeEventListener('currententrychange', check);
  }
  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);
  const timer = win.setInterval(check, pollMs);
  return () => {
    win.removeEventListener('popstate', check);
    win.removeEventListener('hashchange', check);
    win.clearInterval(timer);
  };
}

/** Calls `onChange` once per burst of DOM mutations (coalesced into one microtask). */
export function watchDom(doc: Document, onChange: () => void): () => void {
  let scheduled = false;
  let stopped = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!stopped) onChange();
    });
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return () => {
    stopped = true;
    observer.disconnect();
  };
}
