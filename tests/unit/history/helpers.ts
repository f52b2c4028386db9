import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SubmissionReport } from '@/src/messaging/protocol';
import type { HistoryDoc } from '@/src/history/schema';

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

/** The history as the background stored it in `storage.local` (one JSON text), parsed. */
export async function storedHistory(): Promise<unknown> {
  const value = (await fakeBrowser.storage.local.get('history')).history;
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}
