import { storage } from 'wxt/utils/storage';
import { enqueueWrite } from '../storage/queue';
import { write } from './persist';

/*
 * Per tab, the submission waiting for Meta's answer. A form that posts reloads the page, and the engine on
 * the new page asks whether its tab has a submission waiting (the `pending` message). Kept in
 * `storage.session`: it dies with the browser session, and expires after 15 minutes.
 */

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
