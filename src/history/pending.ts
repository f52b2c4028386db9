import { storage } from 'wxt/utils/storage';
import { enqueueWrite } from '../storage/queue';
import { HistoryProblem, storageProblem } from './errors';

/*
 * Per tab, what a reloaded form page must know about the Send before it: a form that posts reloads the page,
 * and the engine on the new page asks the background (the `pending` message). Either the submission is
 * stored and waits for Meta's answer, or it could not be stored, and why (a problem code): the new page says
 * so instead of nothing. Kept in `storage.session`, which has its own quota (a full `storage.local` does not
 * stop this note) and dies with the browser session; a note expires after 15 minutes.
 */

export interface PendingSubmission {
  id: string;
  formId: string;
  at: number;
  /** The submission was not stored: the problem code of the failed write. */
  saveFailed?: string;
}

/** What a reloaded page learns about its tab's last Send on this form (once). */
export interface PendingAnswer {
  /** The stored submission waiting for Meta's answer. */
  id: string | null;
  /** The Send that could not be stored: why (a problem code). */
  saveFailed: string | null;
}

/** Per tab, the submission waiting for Meta's answer: a form that posts reloads the page. */
export const pendingItem = storage.defineItem<unknown>('session:pending', { fallback: {} });

const PENDING_FOR_MS = 15 * 60 * 1000;
const NOTHING: PendingAnswer = { id: null, saveFailed: null };

export function setPending(tabId: number, pending: PendingSubmission, now: number): Promise<void> {
  return withPending(now, (all) => {
    all.set(String(tabId), pending);
    return true;
  });
}

/** The tab's submission still waiting for Meta's answer on this form; taking it removes it. */
export async function takePending(tabId: number, formId: string, now: number): Promise<string | null> {
  return (await takeNote(tabId, formId, now)).id;
}

/** What the tab's last Send on this form left for the reloaded page; taking it removes it. */
export async function takeNote(tabId: number, formId: string, now: number): Promise<PendingAnswer> {
  let found = NOTHING;
  await withPending(now, (all) => {
    const pending = all.get(String(tabId));
    if (!pending || pending.formId !== formId) return false;
    found = pending.saveFailed === undefined ? { id: pending.id, saveFailed: null } : { id: null, saveFailed: pending.saveFailed };
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
    if (change(all) || changed) {
      try {
        await pendingItem.setValue(Object.fromEntries(all));
      } catch (error) {
        throw new HistoryProblem(storageProblem(error));
      }
    }
  });
}

function isPending(value: unknown): value is PendingSubmission {
  if (!isRecord(value)) return false;
  if (value.saveFailed !== undefined && typeof value.saveFailed !== 'string') return false;
  return typeof value.id === 'string' && typeof value.formId === 'string' && typeof value.at === 'number';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
