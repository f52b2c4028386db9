import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changeHistory, loadHistory, repairHistory } from '@/src/history/persist';
import { clearPending, setPending, takePending } from '@/src/history/pending';
import { DATA_VERSION } from '@/src/storage/version';
import { deleteAccount, labelAccount, recordSubmission, toStored, updateStatus } from '@/src/history/store';
import { entrySchema } from '@/src/history/schema';
import { emptyDoc, report, storedHistory, storedHistoryValues } from './helpers';

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

  it("stores the accounts and each account's entries as JSON texts under their own keys; a damaged part is set aside whole and writes go on", async () => {
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1'));
    const values = await storedHistoryValues();
    expect(Object.keys(values).sort()).toEqual(['history-accounts', 'history/facebook:1']);
    expect(typeof values['history-accounts']).toBe('string');
    expect(typeof values['history/facebook:1']).toBe('string');
    await fakeBrowser.storage.local.set({ 'history/facebook:1': '[{"id": "submission-0001", ' });

    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0002' }), '1'));
    expect((await loadHistory()).doc.entries.map((e) => e.id)).toEqual(['submission-0002']);
    expect(await setAside()).toEqual(['[{"id": "submission-0001", ']);
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

describe('the background validates each record once: its trusted copy between writes', () => {
  it('a change after a change reads and checks nothing again: one write each', async () => {
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1'));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const checks = vi.spyOn(entrySchema, 'safeParse');
    await changeHistory((doc) => updateStatus(doc, 'submission-0001', 'confirmed', '2025-06-02T09:31:00.000Z'));
    expect((await loadHistory()).doc.entries[0]!.status).toBe('confirmed');
    expect(get).not.toHaveBeenCalled();
    expect(checks).not.toHaveBeenCalled();
    expect(set).toHaveBeenCalledTimes(1);
    expect(await storedHistory()).toMatchObject({ entries: [{ id: 'submission-0001', status: 'confirmed' }] });
  });

  it('the start-up check (repairHistory) of a clean store is the last full check', async () => {
    await fakeBrowser.storage.local.set({ history: JSON.parse(JSON.stringify(fixture('v1').local.history)) });
    await repairHistory();
    const checks = vi.spyOn(entrySchema, 'safeParse');
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0099' }), '1'));
    expect(checks).not.toHaveBeenCalled();
  });

  it('hostile: a stored value changed behind its back (even with its stamp copied) is checked again; bad records set aside, good kept', async () => {
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1'));
    const stored = await fakeBrowser.storage.local.get(null);
    const entries = JSON.parse(stored['history/facebook:1'] as string) as Array<Record<string, unknown>>;
    const head = JSON.parse(stored['history-accounts'] as string) as { accounts: unknown[] };
    const forged = { ...entries[0]!, id: 'forged-0001', status: 'confirmed', statusLog: 'not a log' };
    entries.push(forged);
    head.accounts.push({ key: '__proto__', platform: 'facebook', accountId: null, label: 'polluted' });
    await fakeBrowser.storage.local.set({
      'history/facebook:1': JSON.stringify(entries),
      'history-accounts': JSON.stringify(head),
      'history-write': stored['history-write'],
    });

    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0002' }), '1'));
    expect((await loadHistory()).doc.entries.map((e) => e.id)).toEqual(['submission-0001', 'submission-0002']);
    expect(await setAside()).toEqual([{ key: '__proto__', platform: 'facebook', accountId: null, label: 'polluted' }, forged]);
    expect(Object.prototype).not.toHaveProperty('label');
  });

  it('a foreign write is checked at once: its bad records are set aside before anyone asks', async () => {
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1'));
    const raw = (await storedHistory()) as { entries: unknown[] };
    raw.entries.push({ id: 'junk' });
    await fakeBrowser.storage.local.set({ history: raw });
    // Any later read waits in the same queue as that check.
    expect((await loadHistory()).doc.entries.map((e) => e.id)).toEqual(['submission-0001']);
    expect(await setAside()).toEqual([{ id: 'junk' }]);
    expect(await storedHistory()).toMatchObject({ entries: [{ id: 'submission-0001' }] });
    expect(await storedHistory()).toHaveProperty('entries.length', 1);
  });

  it('hostile: a stored value removed behind its back is not resurrected from memory', async () => {
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1'));
    await fakeBrowser.storage.local.remove(Object.keys(await storedHistoryValues()));
    expect((await loadHistory()).doc.entries).toEqual([]);
  });

  it('without its change listener (it cannot tell what others wrote) it reads and checks the store again', async () => {
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1'));
    fakeBrowser.storage.local.onChanged.removeAllListeners();
    await fakeBrowser.storage.local.set({ history: { version: 2, accounts: [], entries: [{ junk: true }] } });
    await changeHistory(() => undefined);
    expect(await setAside()).toEqual([{ junk: true }]);
  });

  it('a change that failed half-way (or whose write failed) is not kept in memory', async () => {
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1'));
    await expect(
      changeHistory((doc) => {
        doc.entries[0]!.status = 'confirmed';
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(changeHistory((doc) => labelAccount(doc, 'facebook:1', 'Lost'))).rejects.toMatchObject({ problem: { code: 'storage-full' } });
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0002' }), '1'));
    const { doc } = await loadHistory();
    expect(doc.entries.map((e) => [e.id, e.status])).toEqual([['submission-0001', 'submitted'], ['submission-0002', 'submitted']]);
    expect(doc.accounts.get('facebook:1')!.label).toBeUndefined();
    expect(await storedHistory()).toEqual(toStored(doc));
  });

  it('reads never see a change half made: loadHistory waits for the change in progress', async () => {
    await changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0001' }), '1'));
    const [, read] = await Promise.all([
      changeHistory((doc) => recordSubmission(doc, report({ id: 'submission-0002' }), '1')),
      loadHistory().then((r) => r.doc.entries.map((e) => e.id)),
    ]);
    expect(read).toEqual(['submission-0001', 'submission-0002']);
  });
});

describe('stored per account: a change writes what it changed', () => {
  const fb = (id: string, account: string) => changeHistory((doc) => recordSubmission(doc, report({ id }), account));
  const written = () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    return () => set.mock.calls.map(([items]) => Object.keys(items as object).sort());
  };

  it("a new entry of a known account writes that account's entries only; a new account adds its own key and the list of accounts", async () => {
    await fb('submission-0001', '1');
    await fb('submission-0002', '2');
    const keys = written();
    await fb('submission-0003', '1');
    await changeHistory((doc) => updateStatus(doc, 'submission-0002', 'confirmed', '2025-06-02T09:31:00.000Z'));
    await fb('submission-0004', '3');
    expect(keys()).toEqual([
      ['history-write', 'history/facebook:1'],
      ['history-write', 'history/facebook:2'],
      ['history-accounts', 'history-write', 'history/facebook:3'],
    ]);
    // A change that changes nothing writes nothing.
    await changeHistory(() => undefined);
    expect(keys()).toHaveLength(3);
  });

  it('deleting an account removes its key; when the removal fails, its emptied value brings nothing back and goes at the next write', async () => {
    await fb('submission-0001', '1');
    await fb('submission-0002', '2');
    await changeHistory((doc) => deleteAccount(doc, 'facebook:2'));
    expect(Object.keys(await storedHistoryValues()).sort()).toEqual(['history-accounts', 'history/facebook:1']);

    await fb('submission-0003', '3');
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('IO error'));
    await changeHistory((doc) => deleteAccount(doc, 'facebook:3'));
    expect((await storedHistoryValues())['history/facebook:3']).toBe('');
    expect((await loadHistory()).doc.entries.map((e) => e.id)).toEqual(['submission-0001']);
    await fb('submission-0004', '1');
    expect(Object.keys(await storedHistoryValues()).sort()).toEqual(['history-accounts', 'history/facebook:1']);
    expect(await setAside()).toBeUndefined();
  });

  it('hostile: a list of accounts that leaves accounts out loses none of their entries', async () => {
    await fb('submission-0001', '1');
    await fb('submission-0002', '2');
    await fakeBrowser.storage.local.set({ 'history-accounts': JSON.stringify({ version: DATA_VERSION, accounts: [] }) });
    await fb('submission-0003', '1');
    const { doc } = await loadHistory();
    expect(doc.entries.map((e) => e.id).sort()).toEqual(['submission-0001', 'submission-0002', 'submission-0003']);
    expect([...doc.accounts.keys()].sort()).toEqual(['facebook:1', 'facebook:2']);
  });

  it('the whole history stored as one value (before) is read, moved into the new keys and removed; what both hold is kept once', async () => {
    await fb('submission-0001', '1');
    const legacy = await storedHistory();
    await fakeBrowser.storage.local.remove(Object.keys(await storedHistoryValues()));
    await fb('submission-0002', '1');
    // Both at once (a removal that did not happen, or an older Objector that wrote again): merged by id.
    await fakeBrowser.storage.local.set({ history: legacy });
    await repairHistory();
    expect((await loadHistory()).doc.entries.map((e) => e.id).sort()).toEqual(['submission-0001', 'submission-0002']);
    expect(Object.keys(await storedHistoryValues()).sort()).toEqual(['history-accounts', 'history/facebook:1']);
    expect(await setAside()).toBeUndefined();
  });

  it('hostile: a damaged list of accounts loses no entry; an entry filed under another account is set aside, not moved', async () => {
    await fb('submission-0001', '1');
    await fb('submission-0002', '2');
    const values = await storedHistoryValues();
    const misfiled = { ...(JSON.parse(values['history/facebook:2'] as string) as Array<Record<string, unknown>>)[0]!, id: 'misfiled-0001' };
    await fakeBrowser.storage.local.set({
      'history-accounts': 'not JSON',
      'history/facebook:1': JSON.stringify([...(JSON.parse(values['history/facebook:1'] as string) as unknown[]), misfiled]),
    });
    await fb('submission-0003', '3');
    const { doc } = await loadHistory();
    expect(doc.entries.map((e) => e.id).sort()).toEqual(['submission-0001', 'submission-0002', 'submission-0003']);
    expect([...doc.accounts.keys()].sort()).toEqual(['facebook:1', 'facebook:2', 'facebook:3']);
    expect(await setAside()).toEqual(['not JSON', misfiled]);
  });

  it('hostile: a list of accounts written by a newer Objector is never overwritten', async () => {
    await fb('submission-0001', '1');
    const newer = JSON.stringify({ version: DATA_VERSION + 1, accounts: [] });
    await fakeBrowser.storage.local.set({ 'history-accounts': newer });
    await expect(fb('submission-0002', '1')).rejects.toMatchObject({ problem: { code: 'storage-newer-version' } });
    expect((await storedHistoryValues())['history-accounts']).toBe(newer);
  });
});

