import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changeHistory, clearPending, loadHistory, setPending, takePending } from '@/src/history/persist';
import { recordSubmission, updateStatus } from '@/src/history/store';
import { report } from './helpers';

const storedHistory = async () => (await fakeBrowser.storage.local.get('history')).history;
const setAside = async () => (await fakeBrowser.storage.local.get('history-set-aside'))['history-set-aside'];

beforeEach(() => {
  fakeBrowser.reset();
});

describe('changeHistory', () => {
  it('stores the change before answering', async () => {
    const entry = await changeHistory((doc) => recordSubmission(doc, report(), '1'));
    expect(entry.id).toBe('submission-0001');
    expect(await storedHistory()).toMatchObject({ entries: [{ id: 'submission-0001' }] });
    expect((await loadHistory()).doc.entries).toHaveLength(1);
  });

  it('20 concurrent changes recording different submissions all land (no lost writes)', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `submission-${String(i).padStart(4, '0')}`);
    await Promise.all(
      ids.map((id, i) => changeHistory((doc) => recordSubmission(doc, report({ id, platform: i % 2 ? 'instagram' : 'facebook', formId: i % 2 ? '767264225370182' : '712876720715583' }), String(1000 + (i % 5))))),
    );
    const { doc } = await loadHistory();
    expect(doc.entries.map((e) => e.id).sort()).toEqual(ids);
    expect(Object.keys(doc.accounts)).toHaveLength(10);
  });

  it('concurrent submission and status reports end consistent', async () => {
    await Promise.all([
      changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1')),
      changeHistory((doc) => updateStatus(doc, 'submission-0001', 'confirmed', '2025-06-02T09:31:00.000Z')),
      changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0002' }), '1')),
      changeHistory((doc) => updateStatus(doc, 'submission-0002', 'failed', '2025-06-02T09:32:00.000Z')),
    ]);
    const { doc } = await loadHistory();
    expect(doc.entries.map((e) => [e.id, e.status])).toEqual([
      ['submission-0001', 'confirmed'],
      ['submission-0002', 'failed'],
    ]);
  });

  it('a failing change stores nothing and does not block the next ones', async () => {
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1'));
    await expect(
      changeHistory((doc) => {
        doc.entries = [];
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0002' }), '1'));
    expect((await loadHistory()).doc.entries.map((e) => e.id)).toEqual(['submission-0001', 'submission-0002']);
  });
});

describe('loadHistory', () => {
  it('an empty store is an empty history', async () => {
    expect(await loadHistory()).toEqual({ doc: { accounts: {}, entries: [] }, setAside: [] });
  });

  it('moves corrupt records into history-set-aside and keeps the valid ones', async () => {
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1'));
    const raw = (await storedHistory()) as { accounts: Record<string, unknown>; entries: unknown[] };
    const bad = { id: 'broken', status: 'maybe' };
    raw.entries.push(bad);
    raw.accounts['junk'] = 'not an account';
    await fakeBrowser.storage.local.set({ history: raw });

    const result = await loadHistory();
    expect(result.doc.entries.map((e) => e.id)).toEqual(['submission-0001']);
    expect(result.setAside).toEqual(['not an account', bad]);
    expect(await setAside()).toEqual(['not an account', bad]);
    // The store is cleaned, so the records are set aside once, not on every load.
    await loadHistory();
    expect(await setAside()).toEqual(['not an account', bad]);
    expect((await storedHistory() as { entries: unknown[] }).entries).toHaveLength(1);
  });

  it('set-aside records accumulate, none is lost', async () => {
    await fakeBrowser.storage.local.set({ history: 'first garbage' });
    await loadHistory();
    await fakeBrowser.storage.local.set({ history: { accounts: {}, entries: ['second garbage'] } });
    await loadHistory();
    expect(await setAside()).toEqual(['first garbage', 'second garbage']);
  });

  it('a change on a corrupt history keeps the set-aside records and the new entry', async () => {
    await fakeBrowser.storage.local.set({ history: { accounts: {}, entries: [{ junk: true }] } });
    await changeHistory((doc) => recordSubmission(doc, report(), '1'));
    expect(await setAside()).toEqual([{ junk: true }]);
    expect((await loadHistory()).doc.entries.map((e) => e.id)).toEqual(['submission-0001']);
  });
});

describe('pending submissions (a form that posts reloads the page)', () => {
  const now = Date.parse('2025-06-02T09:30:00.000Z');

  it('the same tab and form finds its pending submission', async () => {
    await setPending(7, { id: 'submission-0001', formId: '712876720715583', at: now });
    expect(await takePending(7, '712876720715583', now + 1000)).toBe('submission-0001');
    expect(await takePending(8, '712876720715583', now + 1000)).toBeNull();
    expect(await takePending(7, '767264225370182', now + 1000)).toBeNull();
  });

  it('expires after 15 minutes', async () => {
    await setPending(7, { id: 'submission-0001', formId: '712876720715583', at: now });
    expect(await takePending(7, '712876720715583', now + 15 * 60 * 1000)).toBeNull();
  });

  it('is cleared once Meta answered', async () => {
    await setPending(7, { id: 'submission-0001', formId: '712876720715583', at: now });
    await setPending(9, { id: 'submission-0002', formId: '712876720715583', at: now });
    await clearPending('submission-0001');
    expect(await takePending(7, '712876720715583', now)).toBeNull();
    expect(await takePending(9, '712876720715583', now)).toBe('submission-0002');
  });
});
