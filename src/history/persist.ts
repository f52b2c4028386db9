import { storage } from 'wxt/utils/storage';
import { readHistory, toStored, type ReadResult } from './store';
import { HistoryProblem, storageProblem } from './errors';
import type { HistoryDoc } from './schema';
import { enqueueWrite } from '../storage/queue';

/*
 * Storage of the history. Each change is a read-modify-write that is written before the caller is
 * answered, one at a time (the one write queue of storage/queue.ts): a service worker stopped between two
 * messages loses nothing, and several tabs reporting at once cannot overwrite each other's entries.
 * Only the background writes; pages read.
 */

export const historyItem = storage.defineItem<unknown>('local:history', { fallback: null });
/** Records that failed validation; kept so that they can be reported and recovered by hand. */
export const setAsideItem = storage.defineItem<unknown>('local:history-set-aside', { fallback: [] });

/** The set-aside records as a list, whatever is stored: a value of another shape is itself a record. */
export function setAsideList(raw: unknown): unknown[] {
  if (raw === null || raw === undefined) return [];
  return Array.isArray(raw) ? raw : [raw];
}

/** Reads the history without writing anything (records that fail validation are left for the next write). */
export async function loadHistory(): Promise<ReadResult> {
  return readHistory(await historyItem.getValue());
}

/**
 * Runs `change` on the current history and stores the result; changes run strictly one after another.
 * Damaged records found on the way are set aside first. Rejects with a HistoryProblem when nothing could
 * be stored: the caller must not claim the change happened.
 */
export function changeHistory<T>(change: (doc: HistoryDoc) => T): Promise<T> {
  return enqueueWrite(async () => {
    const doc = await readForWrite();
    const result = change(doc);
    await write(() => historyItem.setValue(toStored(doc)));
    return result;
  });
}

/**
 * Brings the stored history to the current version and sets damaged records aside, through the write
 * queue. Run by the background when it starts; changes nothing when the store is already current.
 */
export function repairHistory(): Promise<void> {
  return enqueueWrite(async () => {
    if (!readHistory(await historyItem.getValue()).stale) return;
    const doc = await readForWrite();
    await write(() => historyItem.setValue(toStored(doc)));
  });
}

/** Inside the queue: the current history, with damaged records moved into the set-aside list. */
async function readForWrite(): Promise<HistoryDoc> {
  const result = readHistory(await historyItem.getValue());
  if (result.newerVersion !== null) {
    throw new HistoryProblem({ code: 'storage-newer-version', version: result.newerVersion });
  }
  const storedAside = await setAsideItem.getValue();
  // A set-aside list of the wrong shape is itself kept, as one more record: writes go on.
  const aside = Array.isArray(storedAside) ? storedAside : setAsideList(storedAside);
  if (result.setAside.length > 0 || aside !== storedAside) {
    await write(() => setAsideItem.setValue([...aside, ...result.setAside]));
  }
  return result.doc;
}

async function write(store: () => Promise<void>): Promise<void> {
  try {
    await store();
  } catch (error) {
    throw new HistoryProblem(storageProblem(error));
  }
}

export interface PendingSubmission {
  id: string;
  formId: string;
  at: number;
}

/** Per tab, the submission waiting for Meta's answer: a form that posts reloads the page. */
export const pendingItem = storage.defineItem<unknown>('session:pending', { fallback: {} });

const PENDING_FOR_MS = 15 * 60 * 1000;

export function setPending(tabId: number, pending: PendingSubmission, now: number): Promise<void> {
  return withPending(now, (all) => {
    all.set(String(tabId), pending);
    return true;
  });
}

/** The tab's submission still waiting for Meta's answer on this form; taking it removes it. */
export async function takePending(tabId: number, formId: string, now: number): Promise<string | null> {
  let found: string | null = null;
  await withPending(now, (all) => {
    const pending = all.get(String(tabId));
    if (!pending || pending.formId !== formId) return false;
    found = pending.id;
    all.delete(String(tabId));
    return true;
  });
  return found;
}

export function clearPending(id: string, now: number): Promise<void> {
  return withPending(now, (all) => {
    let changed = false;
    for (const [tab, pending] of all) {
      if (pending.id === id) changed = all.delete(tab);
    }
    return changed;
  });
}

/** Runs `change` on the pending submissions (expired ones dropped); writes only when something changed. */
function withPending(now: number, change: (all: Map<string, PendingSubmission>) => boolean): Promise<void> {
  return enqueueWrite(async () => {
    const raw = await pendingItem.getValue();
    const all = new Map<string, PendingSubmission>();
    let changed = false;
    for (const [tab, value] of Object.entries(isRecord(raw) ? raw : {})) {
      if (isPending(value) && now - value.at < PENDING_FOR_MS && now >= value.at) all.set(tab, value);
      else changed = true;
    }
    if (!isRecord(raw)) changed = true;
    if (change(all) || changed) await write(() => pendingItem.setValue(Object.fromEntries(all)));
  });
}

function isPending(value: unknown): value is PendingSubmission {
  if (!isRecord(value)) return false;
  return typeof value.id === 'string' && typeof value.formId === 'string' && typeof value.at === 'number';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
