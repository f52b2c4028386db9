import { storage } from 'wxt/utils/storage';
import { readHistory, type ReadResult } from './store';
import type { HistoryDoc } from './schema';

/*
 * Storage of the history. Each change is a read-modify-write that is written before the caller is
 * answered, one at a time: a service worker stopped between two messages loses nothing, and several
 * tabs reporting at once cannot overwrite each other's entries.
 */

export const historyItem = storage.defineItem<unknown>('local:history', { fallback: null, version: 1 });
/** Records that failed validation; kept so that they can be reported and recovered by hand. */
export const setAsideItem = storage.defineItem<unknown[]>('local:history-set-aside', { fallback: [] });

let queue: Promise<unknown> = Promise.resolve();

/** Runs `change` on the current history and stores the result; changes run strictly one after another. */
export function changeHistory<T>(change: (doc: HistoryDoc) => T): Promise<T> {
  const run = queue.then(async () => {
    const { doc } = await loadHistory();
    const result = change(doc);
    await historyItem.setValue(doc);
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Loads the history; invalid records are moved aside (and reported by the history page). */
export async function loadHistory(): Promise<ReadResult> {
  const result = readHistory(await historyItem.getValue());
  if (result.setAside.length > 0) {
    const already = await setAsideItem.getValue();
    await setAsideItem.setValue([...already, ...result.setAside]);
    await historyItem.setValue(result.doc);
  }
  return result;
}

export interface PendingSubmission {
  id: string;
  formId: string;
  at: number;
}

/** Per tab, the submission waiting for Meta's answer: a form that posts reloads the page. */
export const pendingItem = storage.defineItem<Record<string, PendingSubmission>>('session:pending', { fallback: {} });

const PENDING_FOR_MS = 15 * 60 * 1000;

export function setPending(tabId: number, pending: PendingSubmission): Promise<void> {
  return withPending((all) => {
    all[String(tabId)] = pending;
  });
}

export async function takePending(tabId: number, formId: string, now: number): Promise<string | null> {
  let found: string | null = null;
  await withPending((all) => {
    const pending = all[String(tabId)];
    if (pending && pending.formId === formId && now - pending.at < PENDING_FOR_MS) found = pending.id;
  });
  return found;
}

export function clearPending(id: string): Promise<void> {
  return withPending((all) => {
    for (const [tab, pending] of Object.entries(all)) if (pending.id === id) delete all[tab];
  });
}

function withPending(change: (all: Record<string, PendingSubmission>) => void): Promise<void> {
  const run = queue.then(async () => {
    const all = { ...(await pendingItem.getValue()) };
    change(all);
    await pendingItem.setValue(all);
  });
  queue = run.catch(() => undefined);
  return run;
}
