import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changeHistory, clearPending, loadHistory, repairHistory, setPending, takePending } from '@/src/history/persist';
import { DATA_VERSION } from '@/src/storage/version';
import { recordSubmission, updateStatus } from '@/src/history/store';
import { emptyDoc, report } from './helpers';

const storedHistory = async () => (await fakeBrowser.storage.local.get('history')).history;
const setAside = async () => (await fakeBrowser.storage.local.get('history-set-aside'))['history-set-aside'];

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const fixture = (name: string) =>
  JSON.parse(readFileSync(resolve(__dirname, `../../fixtures/storage/${name}.json`), 'utf8')) as { local: { history: unknown } };

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
    expect(doc.accounts.size).toBe(10);
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
    expect((await loadHistory()).doc).toEqual(emptyDoc());
  });

  it('only reads: damaged records are left for the next write, nothing is stored', async () => {
    await fakeBrowser.storage.local.set({ history: { version: 2, accounts: [], entries: [{ junk: true }] } });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect((await loadHistory()).setAside).toEqual([{ junk: true }]);
    expect(set).not.toHaveBeenCalled();
  });
});

describe('changeHistory: damaged records are set aside, writes go on', () => {
  it('moves corrupt records into history-set-aside and keeps the valid ones', async () => {
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1'));
    const raw = (await storedHistory()) as { accounts: unknown[]; entries: unknown[] };
    const bad = { id: 'broken', status: 'maybe' };
    raw.entries.push(bad);
    raw.accounts.push('not an account');
    await fakeBrowser.storage.local.set({ history: raw });

    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0002' }), '1'));
    expect((await loadHistory()).doc.entries.map((e) => e.id)).toEqual(['submission-0001', 'submission-0002']);
    expect(await setAside()).toEqual(['not an account', bad]);
    // The store is clean now, so the records are set aside once, not at every write.
    await changeHistory(() => undefined);
    expect(await setAside()).toEqual(['not an account', bad]);
  });

  it('set-aside records accumulate, none is lost', async () => {
    await fakeBrowser.storage.local.set({ history: 'first garbage' });
    await changeHistory(() => undefined);
    await fakeBrowser.storage.local.set({ history: { version: 2, accounts: [], entries: ['second garbage'] } });
    await changeHistory(() => undefined);
    expect(await setAside()).toEqual(['first garbage', 'second garbage']);
  });

  it.each([
    ['an object', { not: 'a list' }],
    ['a string', 'oops'],
    ['a number', 42],
  ])('a set-aside value of the wrong shape (%s) is kept as a record, and writes go on', async (_name, wrong) => {
    await fakeBrowser.storage.local.set({ 'history-set-aside': wrong, history: { version: 2, accounts: [], entries: [{ junk: true }] } });
    await changeHistory((doc) => recordSubmission(doc, report(), '1'));
    expect((await loadHistory()).doc.entries.map((e) => e.id)).toEqual(['submission-0001']);
    expect(await setAside()).toEqual([wrong, { junk: true }]);
  });

  it('a history written by a newer Objector is never overwritten: the change is refused', async () => {
    const newer = { version: 99, anything: 'we cannot read' };
    await fakeBrowser.storage.local.set({ history: newer });
    await expect(changeHistory((doc) => recordSubmission(doc, report(), '1'))).rejects.toMatchObject({
      problem: { code: 'storage-newer-version', version: 99 },
    });
    expect(await storedHistory()).toEqual(newer);
  });
});

describe('a failed write is reported, never claimed', () => {
  it.each([
    ['Chrome full', new Error('QUOTA_BYTES quota exceeded'), { code: 'storage-full' }],
    ['Firefox full', new DOMException('The quota has been exceeded.', 'QuotaExceededError'), { code: 'storage-full' }],
    ['another failure', new Error('IO error: disk'), { code: 'storage-failed', detail: 'Error: IO error: disk' }],
  ])('%s → the change rejects with a coded problem, and the next change still works', async (_name, error, problem) => {
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1'));
    const before = await storedHistory();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(error);
    await expect(changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0002' }), '1'))).rejects.toMatchObject({ problem });
    expect(await storedHistory()).toEqual(before);
    set.mockRestore();
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0003' }), '1'));
    expect((await loadHistory()).doc.entries.map((e) => e.id)).toEqual(['submission-0001', 'submission-0003']);
  });
});

describe('repairHistory (the background, at start)', () => {
  it('writes a version 1 history back in the current shape, once', async () => {
    const v1 = fixture('v1').local.history;
    await fakeBrowser.storage.local.set({ history: v1 });
    await repairHistory();
    const stored = (await storedHistory()) as { version: number; accounts: unknown[] };
    expect(stored.version).toBe(DATA_VERSION);
    expect(stored.accounts).toHaveLength(2);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await repairHistory();
    expect(set).not.toHaveBeenCalled();
  });

  it('writes nothing when there is no history', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await repairHistory();
    expect(set).not.toHaveBeenCalled();
  });
});

describe('pending submissions (a form that posts reloads the page)', () => {
  const now = Date.parse('2025-06-02T09:30:00.000Z');

  it('the same tab and form finds its pending submission, once: taking it removes it', async () => {
    await setPending(7, { id: 'submission-0001', formId: '712876720715583', at: now }, now);
    expect(await takePending(8, '712876720715583', now + 1000)).toBeNull();
    expect(await takePending(7, '767264225370182', now + 1000)).toBeNull();
    expect(await takePending(7, '712876720715583', now + 1000)).toBe('submission-0001');
    expect(await takePending(7, '712876720715583', now + 2000)).toBeNull();
  });

  it('a lookup that finds nothing writes nothing', async () => {
    await setPending(7, { id: 'submission-0001', formId: '712876720715583', at: now }, now);
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    expect(await takePending(9, '712876720715583', now + 1000)).toBeNull();
    expect(set).not.toHaveBeenCalled();
  });

  it('expires after 15 minutes', async () => {
    await setPending(7, { id: 'submission-0001', formId: '712876720715583', at: now }, now);
    expect(await takePending(7, '712876720715583', now + 15 * 60 * 1000)).toBeNull();
  });

  it('is cleared once Meta answered', async () => {
    await setPending(7, { id: 'submission-0001', formId: '712876720715583', at: now }, now);
    await setPending(9, { id: 'submission-0002', formId: '712876720715583', at: now }, now);
    await clearPending('submission-0001', now);
    expect(await takePending(7, '712876720715583', now)).toBeNull();
    expect(await takePending(9, '712876720715583', now)).toBe('submission-0002');
  });

  it('a damaged pending store is replaced, and pending submissions still work', async () => {
    await fakeBrowser.storage.session.set({ pending: 'garbage' });
    await setPending(7, { id: 'submission-0001', formId: '712876720715583', at: now }, now);
    expect(await takePending(7, '712876720715583', now)).toBe('submission-0001');
  });
});
