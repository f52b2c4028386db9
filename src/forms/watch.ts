/*
 * The page watcher: URL changes (including in-app navigation) and, only while an objection URL is open,
 * DOM changes. On any other page it costs one listener and a slow poll.
 */

/**
 * Calls `onChange` when the page's URL changes, including in-app navigation (history.pushState) that
 * loads no page. Uses the Navigation API where the browser has it (immediate, no polling); elsewhere a
 * slow poll of `location.href`, which is all a non-form page costs.
 */
export function watchUrl(win: Window, onChange: (href: string) => void, pollMs = 250): () => void {
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', check);
  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);
  // The poll is the fallback for browsers without the Navigation API, and a safety net where it exists.
  const timer = win.setInterval(check, navigation ? pollMs * 4 : pollMs);
  return () => {
    navigation?.removeEventListener('currententrychange', check);
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
