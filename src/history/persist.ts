import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { readHistoryValues, type ReadResult } from './store';
import { EMPTIED, historyValues, isHistoryKey, layOut } from './layout';
import { HistoryProblem, storageProblem } from './errors';
import type { HistoryDoc } from './schema';
import { enqueueWrite } from '../storage/queue';

/*
 * Storage of the history. Each change is a read-modify-write that is written before the caller is
 * answered, one at a time (the one write queue of storage/queue.ts): a service worker stopped between two
 * messages loses nothing, and several tabs reporting at once cannot overwrite each other's entries.
 * Only the background writes; pages read.
 *
 * Every record is validated once, where it enters: the background checks the whole stored history when it
 * first reads it (at start, see storage/repair.ts) and every record it adds or changes (message schemas,
 * `recordSubmission`, the import check). Between writes it keeps the document it validated and stored in
 * memory, so that a change costs the change and one write, not a fresh check of thousands of records. That
 * copy is dropped whenever someone else wrote the history (a change event without the stamp of one of its own
 * writes), when a change or its write failed, and when it cannot tell (its change listener is gone). After a
 * foreign write it checks the store again at once; otherwise the next read does, and sets aside what does
 * not pass. Pages trust what the background stored and check only the document's version and shape
 * (`readStoredHistory`, through watch.ts). How the history lies in storage (one value per account, and only
 * the values that changed written) is layout.ts.
 */

/** Records that failed validation; kept so that they can be reported and recovered by hand. */
export const setAsideItem = storage.defineItem<unknown>('local:history-set-aside', { fallback: [] });
/** A new random stamp with each of the background's writes, stored in the same `set` as the history. */
export const writeStampItem = storage.defineItem<unknown>('local:history-write', { fallback: null });
const STAMP_KEY = 'history-write';

/** The history as the background last validated and stored it; null when it has to be read and checked again. */
let trusted: { doc: HistoryDoc; stored: ReadonlyMap<string, unknown> } | null = null;
/** Stamps of the background's own writes whose change event has not arrived yet (a few at most). */
const ownStamps = new Set<string>();
/** Keys the background removed itself (parts of deleted accounts), whose change event has not arrived yet. */
const ownRemovals = new Set<string>();
/** Counts every write and every foreign change: a read is trusted only if none happened while it ran. */
let generation = 0;

function onLocalChanged(changes: Record<string, { newValue?: unknown }>): void {
  const keys = Object.keys(changes).filter(isHistoryKey);
  if (keys.length === 0) return;
  const stamp = changes[STAMP_KEY]?.newValue;
  if (typeof stamp === 'string' && ownStamps.delete(stamp)) return;
  // (A removal's change has no new value; the test double says null.)
  if (keys.every((key) => changes[key]!.newValue == null && ownRemovals.has(key))) {
    for (const key of keys) ownRemovals.delete(key);
    return;
  }
  forgetTrusted();
  // Someone else wrote the history: check it at once (setting aside what does not pass), so that pages,
  // which trust the store, soon show it repaired, and the next change finds a checked copy.
  void repairHistory().catch(() => undefined);
}

function forgetTrusted(): void {
  trusted = null;
  generation++;
}

/** Whether the copy in memory can be trusted: only while the listener that would drop it is in place. */
function trustedHistory(): NonNullable<typeof trusted> | null {
  if (trusted && browser.storage.local.onChanged.hasListener(onLocalChanged)) return trusted;
  trusted = null;
  return null;
}

function watchForeignWrites(): void {
  if (!browser.storage.local.onChanged.hasListener(onLocalChanged)) browser.storage.local.onChanged.addListener(onLocalChanged);
}

/** Keeps `doc` as the trusted copy when nothing was written since `since` (its read or write began). */
function trust(doc: HistoryDoc, stored: ReadonlyMap<string, unknown>, since: number): void {
  if (generation === since && browser.storage.local.onChanged.hasListener(onLocalChanged)) trusted = { doc, stored };
}

/** The history's values in storage, as they are now. */
async function readValues(): Promise<Map<string, unknown>> {
  try {
    return historyValues(await browser.storage.local.get(null));
  } catch (error) {
    throw new HistoryProblem(storageProblem(error));
  }
}

/**
 * Stores `doc` and keeps it as the trusted copy. `stored` is what storage holds now: only the values that
 * differ are written, with a fresh stamp, in one atomic `set`; values that no longer belong (a deleted
 * account's part, the legacy single value) are emptied in that same `set` and removed after it (layout.ts).
 */
async function store(doc: HistoryDoc, stored: ReadonlyMap<string, unknown>): Promise<void> {
  watchForeignWrites();
  const next = layOut(doc);
  const changed: Record<string, unknown> = {};
  for (const [key, value] of next) if (stored.get(key) !== value) changed[key] = value;
  const gone = [...stored.keys()].filter((key) => !next.has(key));
  for (const key of gone) if (stored.get(key) !== EMPTIED) changed[key] = EMPTIED;
  const since = ++generation;
  if (Object.keys(changed).length > 0) {
    const stamp = crypto.randomUUID();
    ownStamps.add(stamp);
    // A stamp whose event never came (a failed write) must not be remembered for ever.
    if (ownStamps.size > 32) ownStamps.delete(ownStamps.values().next().value!);
    try {
      await write(() => browser.storage.local.set({ ...changed, [STAMP_KEY]: stamp }));
    } catch (error) {
      ownStamps.delete(stamp);
      forgetTrusted();
      throw error;
    }
  }
  const nowStored = new Map<string, unknown>(next);
  if (gone.length > 0) {
    for (const key of gone) ownRemovals.add(key);
    // Already empty, so a removal that fails loses nothing and brings nothing back: it is tried next time.
    await browser.storage.local.remove(gone).catch(() => {
      for (const key of gone) {
        ownRemovals.delete(key);
        nowStored.set(key, EMPTIED);
      }
    });
  }
  trust(doc, nowStored, since);
}

/** The set-aside records as a list, whatever is stored: a value of another shape is itself a record. */
export function setAsideList(raw: unknown): unknown[] {
  if (raw === null || raw === undefined) return [];
  return Array.isArray(raw) ? raw : [raw];
}

/**
 * The background's read of the history, without writing anything (records that fail validation are left
 * for the next write). Runs in the write queue, so that it never sees a change half made; answers from the
 * trusted copy when there is one. The document returned is the background's own: read it, never change it.
 */
export function loadHistory(): Promise<ReadResult> {
  return enqueueWrite(async () => {
    const known = trustedHistory();
    if (known) return { doc: known.doc, setAside: [], stale: false, newerVersion: null };
    watchForeignWrites();
    const since = generation;
    const stored = await readValues();
    const result = readHistoryValues(stored);
    if (!result.stale && result.newerVersion === null) trust(result.doc, stored, since);
    return result;
  });
}

/**
 * Runs `change` on the current history and stores the result; changes run strictly one after another.
 * Damaged records found on the way are set aside first. Rejects with a HistoryProblem when nothing could
 * be stored: the caller must not claim the change happened.
 */
export function changeHistory<T>(change: (doc: HistoryDoc) => T): Promise<T> {
  return enqueueWrite(async () => {
    const { doc, stored } = trustedHistory() ?? (await readForWrite());
    let result: T;
    try {
      result = change(doc);
    } catch (error) {
      // The change may have been half made on the trusted copy: read the stored history again next time.
      forgetTrusted();
      throw error;
    }
    await store(doc, stored);
    return result;
  });
}

/**
 * Brings the stored history to the current version and sets damaged records aside, through the write
 * queue. Run by the background when it starts; changes nothing when the store is already current, and
 * keeps the checked history as the trusted copy.
 */
export function repairHistory(): Promise<void> {
  return enqueueWrite(async () => {
    watchForeignWrites();
    const since = generation;
    const stored = await readValues();
    const result = readHistoryValues(stored);
    if (result.newerVersion !== null) return;
    if (!result.stale) return trust(result.doc, stored, since);
    const current = await readForWrite();
    await store(current.doc, current.stored);
  });
}

/** Inside the queue: the current history, with damaged records moved into the set-aside list. */
async function readForWrite(): Promise<{ doc: HistoryDoc; stored: ReadonlyMap<string, unknown> }> {
  const stored = await readValues();
  const result = readHistoryValues(stored);
  if (result.newerVersion !== null) {
    throw new HistoryProblem({ code: 'storage-newer-version', version: result.newerVersion });
  }
  const storedAside = await setAsideItem.getValue();
  // A set-aside list of the wrong shape is itself kept, as one more record: writes go on.
  const aside = Array.isArray(storedAside) ? storedAside : setAsideList(storedAside);
  if (result.setAside.length > 0 || aside !== storedAside) {
    await write(() => setAsideItem.setValue([...aside, ...result.setAside]));
  }
  return { doc: result.doc, stored };
}

export async function write(store: () => Promise<void>): Promise<void> {
  try {
    await store();
  } catch (error) {
    throw new HistoryProblem(storageProblem(error));
  }
}
