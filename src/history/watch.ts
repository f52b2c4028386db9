import { browser } from 'wxt/browser';
import { historyValues, isHistoryKey, rememberingDecode } from './layout';
import { readStoredHistoryValues, type ReadResult } from './store';

type Changes = Record<string, { newValue?: unknown }>;

/**
 * The stored history for pages (history page, popup): read once, then kept current from the change events
 * of `storage.local`, read-only. A change brings only the values that changed (the accounts a Send or an
 * import touched, see layout.ts); each value is parsed once and kept while it stays the same, so an import
 * into a long history costs the page the new accounts, not all of them again. Returns a function that stops.
 */
export function watchStoredHistory(onRead: (result: ReadResult) => void, onError: (error: unknown) => void): () => void {
  const values = new Map<string, unknown>();
  const decode = rememberingDecode();
  let alive = true;
  let loaded = false;
  // A change reported before the first read finished is newer than that read.
  const changedEarly = new Set<string>();
  const show = () => {
    if (alive && loaded) onRead(readStoredHistoryValues(values, decode));
  };
  const listener = (changes: Changes) => {
    const keys = Object.keys(changes).filter(isHistoryKey);
    for (const key of keys) {
      const value = changes[key]!.newValue;
      if (value === undefined || value === null) values.delete(key);
      else values.set(key, value);
      if (!loaded) changedEarly.add(key);
    }
    if (keys.length > 0) show();
  };
  browser.storage.local.onChanged.addListener(listener);
  browser.storage.local.get(null).then(
    (items) => {
      for (const [key, value] of historyValues(items)) if (!changedEarly.has(key)) values.set(key, value);
      loaded = true;
      show();
    },
    (error: unknown) => {
      if (alive) onError(error);
    },
  );
  return () => {
    alive = false;
    browser.storage.local.onChanged.removeListener(listener);
  };
}

/** Calls `onChange` after every change of the stored history (the background's reminder badges). */
export function onHistoryChanged(onChange: () => void): void {
  browser.storage.local.onChanged.addListener((changes: Changes) => {
    if (Object.keys(changes).some(isHistoryKey)) onChange();
  });
}
