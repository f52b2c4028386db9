import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SubmissionReport } from '@/src/messaging/protocol';
import type { HistoryDoc } from '@/src/history/schema';
import { assemble, historyValues } from '@/src/history/layout';

export function report(over: Partial<SubmissionReport> = {}): SubmissionReport {
  return {
    id: 'submission-0001',
    ruleId: 'facebook-ai-objection',
    platform: 'facebook',
    formId: '712876720715583',
    url: 'https://www.facebook.com/help/contact/712876720715583',
    lang: 'de',
    email: 'me@example.org',
    reasonIds: ['no-consent', 'irreversible'],
    text: 'Ich widerspreche gemäß Art. 21 Abs. 1 DSGVO.',
    at: '2025-06-02T09:30:00.000Z',
    ...over,
  };
}

export const emptyDoc = (): HistoryDoc => ({ accounts: new Map(), entries: [] });

/**
 * The history as stored in `storage.local` (the head and one part per account, src/history/layout.ts), put
 * together as one document `{version, accounts, entries}`; undefined when nothing is stored.
 */
export async function storedHistory(): Promise<unknown> {
  const values = historyValues(await fakeBrowser.storage.local.get(null));
  return values.size === 0 ? undefined : assemble(values).raw;
}

/** Every stored value of the history, by key, exactly as stored. */
export async function storedHistoryValues(): Promise<Record<string, unknown>> {
  return Object.fromEntries(historyValues(await fakeBrowser.storage.local.get(null)));
}

/** Puts back the history's stored values exactly as `storedHistoryValues` gave them. */
export async function restoreHistoryValues(values: Record<string, unknown>): Promise<void> {
  await fakeBrowser.storage.local.remove(Object.keys(await storedHistoryValues()));
  await fakeBrowser.storage.local.set(values);
}
