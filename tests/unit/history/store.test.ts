import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  deleteAccount,
  deleteEntry,
  entriesOf,
  labelAccount,
  latestConfirmed,
  markEmailReceived,
  readHistory,
  readStoredHistory,
  recordSubmission,
  toStored,
  updateStatus,
} from '@/src/history/store';
import { accountSchema, entrySchema, type HistoryDoc, type Status } from '@/src/history/schema';
import { buildAccountKey } from '@/src/history/account-key';
import { accountName, accountSummaries } from '@/src/history/summary';
import { emptyDoc, report } from './helpers';

const T0 = '2025-06-02T09:30:00.000Z';
const T1 = '2025-06-02T09:31:00.000Z';
const T2 = '2025-06-03T10:00:00.000Z';
const T3 = '2025-06-04T11:00:00.000Z';

function docWithSubmission(): HistoryDoc {
  const doc = emptyDoc();
  recordSubmission(doc, report({ at: T0 }), '100012345678901');
  return doc;
}

describe('recordSubmission', () => {
  it('records a submission under the account, as "submitted" at its time', () => {
    const doc = emptyDoc();
    const entry = recordSubmission(doc, report({ at: T0 }), '100012345678901');
    expect(entry).toMatchObject({
      id: 'submission-0001',
      accountKey: 'facebook:100012345678901',
      platform: 'facebook',
      formId: '712876720715583',
      email: 'me@example.org',
      reasonIds: ['no-consent', 'irreversible'],
      status: 'submitted',
      submittedAt: T0,
      statusLog: [{ status: 'submitted', at: T0 }],
    });
    expect(doc.accounts.get('facebook:100012345678901')).toEqual({
      key: 'facebook:100012345678901',
      platform: 'facebook',
      accountId: '100012345678901',
    });
    expect(doc.entries).toHaveLength(1);
  });

  it('a duplicate report of the same submission makes one entry', () => {
    const doc = emptyDoc();
    recordSubmission(doc, report(), '1');
    recordSubmission(doc, report({ text: 'changed', at: T2 }), '1');
    recordSubmission(doc, report(), null);
    expect(doc.entries).toHaveLength(1);
    expect(doc.entries[0]!.text).toBe(report().text);
    expect([...doc.accounts.keys()]).toEqual(['facebook:1']);
  });

  it('two submissions of one account: two entries, one account', () => {
    const doc = emptyDoc();
    recordSubmission(doc, report({ id: 'submission-0001' }), '1');
    recordSubmission(doc, report({ id: 'submission-0002', at: T2 }), '1');
    expect(doc.entries).toHaveLength(2);
    expect([...doc.accounts.keys()]).toEqual(['facebook:1']);
    expect(entriesOf(doc, 'facebook:1').map((e) => e.id)).toEqual(['submission-0002', 'submission-0001']);
  });

  it('Facebook and Instagram accounts with the same number are different accounts', () => {
    const doc = emptyDoc();
    recordSubmission(doc, report({ id: 'submission-0001' }), '42');
    recordSubmission(doc, report({ id: 'submission-0002', platform: 'instagram', formId: '767264225370182' }), '42');
    expect([...doc.accounts.keys()].sort()).toEqual(['facebook:42', 'instagram:42']);
  });

  it('without a logged-in account, the key uses the e-mail (trimmed, lower case)', () => {
    const doc = emptyDoc();
    const entry = recordSubmission(doc, report({ email: '  Me@Example.ORG ' }), null);
    expect(entry.accountKey).toBe('facebook:unknown:me@example.org');
    expect(buildAccountKey('facebook', null, ' Me@Example.ORG')).toBe('facebook:unknown:me@example.org');
    expect(doc.accounts.get('facebook:unknown:me@example.org')).toMatchObject({ accountId: null, platform: 'facebook' });
    expect(accountName(doc.accounts.get('facebook:unknown:me@example.org')!)).toBe('Facebook, unknown account (me@example.org)');
  });

  it('different e-mails without login are different unknown accounts', () => {
    const doc = emptyDoc();
    recordSubmission(doc, report({ id: 'submission-0001', email: 'a@example.org' }), null);
    recordSubmission(doc, report({ id: 'submission-0002', email: 'b@example.org' }), null);
    expect([...doc.accounts.keys()].sort()).toEqual(['facebook:unknown:a@example.org', 'facebook:unknown:b@example.org']);
  });

  it('refuses a report that would make an invalid entry', () => {
    const doc = emptyDoc();
    expect(() => recordSubmission(doc, report({ at: 'yesterday' }), '1')).toThrow();
    expect(doc.entries).toHaveLength(0);
  });
});

describe('updateStatus', () => {
  it.each<[string, Array<[Status, string]>, Status, Array<[Status, string]>]>([
    ['submitted → confirmed', [['confirmed', T1]], 'confirmed', [['submitted', T0], ['confirmed', T1]]],
    ['submitted → failed', [['failed', T1]], 'failed', [['submitted', T0], ['failed', T1]]],
    ['failed → confirmed (a late confirmation wins)', [['failed', T1], ['confirmed', T2]], 'confirmed', [['submitted', T0], ['failed', T1], ['confirmed', T2]]],
    ['confirmed is final: → failed changes nothing', [['confirmed', T1], ['failed', T2]], 'confirmed', [['submitted', T0], ['confirmed', T1]]],
    ['confirmed is final: → submitted changes nothing', [['confirmed', T1], ['submitted', T2]], 'confirmed', [['submitted', T0], ['confirmed', T1]]],
    ['failed → submitted is not a change', [['failed', T1], ['submitted', T2]], 'failed', [['submitted', T0], ['failed', T1]]],
    ['a repeated report keeps one log item', [['confirmed', T1], ['confirmed', T2], ['confirmed', T3]], 'confirmed', [['submitted', T0], ['confirmed', T1]]],
    ['a repeated failure keeps one log item', [['failed', T1], ['failed', T2]], 'failed', [['submitted', T0], ['failed', T1]]],
    ['failed → confirmed → failed', [['failed', T1], ['confirmed', T2], ['failed', T3]], 'confirmed', [['submitted', T0], ['failed', T1], ['confirmed', T2]]],
  ])('%s', (_name, changes, status, log) => {
    const doc = docWithSubmission();
    for (const [s, at] of changes) updateStatus(doc, 'submission-0001', s, at);
    const entry = doc.entries[0]!;
    expect(entry.status).toBe(status);
    expect(entry.statusLog).toEqual(log.map(([s, at]) => ({ status: s, at })));
  });

  it('an unknown submission id changes nothing and says so', () => {
    const doc = docWithSubmission();
    expect(updateStatus(doc, 'submission-9999', 'confirmed', T1)).toBeUndefined();
    expect(doc.entries[0]!.status).toBe('submitted');
  });

  it('latestConfirmed finds the confirmation, for "you already objected"', () => {
    const doc = docWithSubmission();
    expect(latestConfirmed(doc, 'facebook:100012345678901')).toBeUndefined();
    updateStatus(doc, 'submission-0001', 'confirmed', T1);
    expect(latestConfirmed(doc, 'facebook:100012345678901')?.id).toBe('submission-0001');
  });
});

describe('readHistory', () => {
  /** The document as the background stores it (current version). */
  const valid = () => {
    const doc = docWithSubmission();
    recordSubmission(doc, report({ id: 'submission-0002', at: T2 }), null);
    return { doc, raw: JSON.parse(JSON.stringify(toStored(doc))) as { version: number; accounts: unknown[]; entries: unknown[] } };
  };
  const clean = (doc: HistoryDoc) => ({ doc, setAside: [], stale: false, newerVersion: null });

  it('nothing stored → an empty history', () => {
    expect(readHistory(undefined)).toEqual(clean(emptyDoc()));
    expect(readHistory(null)).toEqual(clean(emptyDoc()));
  });

  it('a valid history reads back as it was, and needs no write', () => {
    const { doc, raw } = valid();
    expect(readHistory(raw)).toEqual(clean(doc));
  });

  it('a history of version 1 (accounts keyed by account key) reads the same, and is marked for writing back', () => {
    const { doc } = valid();
    const v1 = { accounts: Object.fromEntries(doc.accounts), entries: doc.entries };
    expect(readHistory(JSON.parse(JSON.stringify(v1)))).toEqual({ ...clean(doc), stale: true });
  });

  it('a history written by a newer Objector is not read, and says so (it must not be overwritten)', () => {
    const { raw } = valid();
    expect(readHistory({ ...raw, version: 99 })).toEqual({ ...clean(emptyDoc()), newerVersion: 99 });
  });

  it('sets aside corrupt entries and repeated ids, and keeps the valid ones', () => {
    const { raw } = valid();
    const broken = { ...(raw.entries[0] as object), id: 'x', status: 'maybe' };
    const repeated = { ...(raw.entries[0] as object) };
    raw.entries.push(broken, 'junk', null, { id: 'submission-0003' }, repeated);
    const { doc, setAside, stale } = readHistory(raw);
    expect(doc.entries.map((e) => e.id)).toEqual(['submission-0001', 'submission-0002']);
    expect(setAside).toEqual([broken, 'junk', null, { id: 'submission-0003' }, repeated]);
    expect(stale).toBe(true);
  });

  it('sets aside corrupt accounts and keeps the valid ones (an entry keeps its account)', () => {
    const { raw } = valid();
    raw.accounts[0] = { key: 'facebook:100012345678901', platform: 'myspace', accountId: 'abc' };
    raw.accounts.push(17);
    const { doc, setAside } = readHistory(raw);
    expect(setAside).toHaveLength(2);
    expect(doc.entries).toHaveLength(2);
    // The entry's account is rebuilt from the entry, so the entry stays reachable.
    expect(doc.accounts.get('facebook:100012345678901')).toEqual({ key: 'facebook:100012345678901', platform: 'facebook', accountId: '100012345678901' });
    expect(doc.accounts.get('facebook:unknown:me@example.org')).toBeDefined();
  });

  it.each([
    ['__proto__', { key: '__proto__', platform: 'facebook', accountId: null, label: 'polluted' }],
    ['constructor', { key: 'constructor', platform: 'facebook', accountId: null }],
    ['toString', { key: 'toString', platform: 'instagram', accountId: null }],
    ['a key of another platform', { key: 'instagram:5', platform: 'facebook', accountId: '5' }],
    ['a key that does not match the id', { key: 'facebook:5', platform: 'facebook', accountId: '6' }],
  ])('an account keyed %s is set aside, and nothing is polluted', (_name, bad) => {
    const { raw } = valid();
    raw.accounts.push(bad);
    const { doc, setAside } = readHistory(raw);
    expect(setAside).toEqual([bad]);
    expect(doc.accounts.size).toBe(2);
    expect(({} as Record<string, unknown>).label).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('label');
  });

  it('a version 1 history with an own `__proto__` key pollutes nothing and keeps its valid accounts', () => {
    const { doc } = valid();
    const text = JSON.stringify({ accounts: Object.fromEntries(doc.accounts), entries: doc.entries }).replace(
      '"accounts":{',
      '"accounts":{"__proto__":{"key":"__proto__","platform":"facebook","accountId":null,"label":"polluted"},',
    );
    const read = readHistory(JSON.parse(text));
    expect(read.doc).toEqual(doc);
    expect(read.setAside).toHaveLength(1);
    expect(({} as Record<string, unknown>).label).toBeUndefined();
  });

  it.each([['a string', 'garbage'], ['an array', []], ['wrong shapes', { version: 2, accounts: [], entries: {} }], ['a number', 5]])(
    'an unreadable document (%s) is set aside whole',
    (_name, raw) => {
      expect(readHistory(raw)).toEqual({ ...clean(emptyDoc()), setAside: [raw], stale: true });
    },
  );
});

describe('labels, e-mail received, deletion', () => {
  it('labels an account, and an empty label removes it', () => {
    const doc = docWithSubmission();
    labelAccount(doc, 'facebook:100012345678901', '  Private profile ');
    expect(accountName(doc.accounts.get('facebook:100012345678901')!)).toBe('Private profile');
    labelAccount(doc, 'facebook:100012345678901', '   ');
    expect(doc.accounts.get('facebook:100012345678901')!.label).toBeUndefined();
    expect(accountName(doc.accounts.get('facebook:100012345678901')!)).toBe('Facebook 100012345678901');
    expect(() => labelAccount(doc, 'facebook:nobody', 'x')).toThrow();
  });

  it('marks and unmarks the day the confirmation e-mail came', () => {
    const doc = docWithSubmission();
    markEmailReceived(doc, 'submission-0001', '2025-06-03');
    expect(doc.entries[0]!.emailReceivedOn).toBe('2025-06-03');
    markEmailReceived(doc, 'submission-0001', null);
    expect(doc.entries[0]!.emailReceivedOn).toBeUndefined();
    expect(() => markEmailReceived(doc, 'submission-9999', '2025-06-03')).toThrow();
  });

  it('deleting an entry keeps the others; deleting an account removes its entries only', () => {
    const doc = docWithSubmission();
    recordSubmission(doc, report({ id: 'submission-0002' }), '100012345678901');
    recordSubmission(doc, report({ id: 'submission-0003', platform: 'instagram', formId: '767264225370182' }), '555');
    deleteEntry(doc, 'submission-0001');
    expect(doc.entries.map((e) => e.id)).toEqual(['submission-0002', 'submission-0003']);
    deleteAccount(doc, 'facebook:100012345678901');
    expect(doc.entries.map((e) => e.id)).toEqual(['submission-0003']);
    expect([...doc.accounts.keys()]).toEqual(['instagram:555']);
  });

  it('summaries list Facebook first, with each account’s latest status', () => {
    const doc = emptyDoc();
    recordSubmission(doc, report({ id: 'submission-0001', platform: 'instagram', formId: '767264225370182' }), '9');
    recordSubmission(doc, report({ id: 'submission-0002', at: T0 }), '1');
    recordSubmission(doc, report({ id: 'submission-0003', at: T2 }), '1');
    updateStatus(doc, 'submission-0003', 'failed', T3);
    const summaries = accountSummaries(doc);
    expect(summaries.map((s) => s.account.key)).toEqual(['facebook:1', 'instagram:9']);
    expect(summaries[0]).toMatchObject({ latestStatus: 'failed', latestAt: T3 });
    expect(summaries[1]).toMatchObject({ latestStatus: 'submitted' });
  });
});

describe('readStoredHistory (pages: the history as the background stored it)', () => {
  afterEach(() => vi.restoreAllMocks());
  const stored = () => {
    const doc = docWithSubmission();
    recordSubmission(doc, report({ id: 'submission-0002', at: T2 }), null);
    return { doc, raw: JSON.parse(JSON.stringify(toStored(doc))) as { version: number; accounts: unknown[]; entries: unknown[] } };
  };

  it('takes a current document as it is: the same records, no record checked against the schema again', () => {
    const { doc, raw } = stored();
    const entryChecks = vi.spyOn(entrySchema, 'safeParse');
    const accountChecks = vi.spyOn(accountSchema, 'safeParse');
    const read = readStoredHistory(raw);
    expect(entryChecks).not.toHaveBeenCalled();
    expect(accountChecks).not.toHaveBeenCalled();
    expect(read.doc.entries[0]).toBe(raw.entries[0]);
    expect(read.doc).toEqual(doc);
    expect(read).toEqual(readHistory(raw));
  });

  it('reads a JSON text and an object (as Objector stored the whole history before) alike', () => {
    const { doc, raw } = stored();
    expect(readStoredHistory(JSON.stringify(raw)).doc).toEqual(doc);
    expect(readStoredHistory(JSON.stringify(raw))).toEqual(readStoredHistory(raw));
    expect(readHistory(JSON.stringify(raw))).toEqual(readHistory(raw));
  });

  it('hostile: a stored text that is not JSON is set aside whole, and the history reads as empty', () => {
    for (const read of [readHistory, readStoredHistory]) {
      expect(read('{"version": 2, "accounts": [')).toEqual({ doc: emptyDoc(), setAside: ['{"version": 2, "accounts": ['], stale: true, newerVersion: null });
    }
  });

  it('nothing stored → an empty history; a newer version is not read', () => {
    expect(readStoredHistory(null).doc).toEqual(emptyDoc());
    expect(readStoredHistory({ ...stored().raw, version: 99 }).newerVersion).toBe(99);
  });

  it('an older version is migrated and checked in full, as readHistory does', () => {
    const { doc } = stored();
    const v1 = JSON.parse(JSON.stringify({ accounts: Object.fromEntries(doc.accounts), entries: doc.entries }));
    expect(readStoredHistory(v1)).toEqual(readHistory(v1));
    expect(readStoredHistory(v1).doc).toEqual(doc);
  });

  it.each([
    ['an entry that is not an object', 1, (raw: { entries: unknown[] }) => raw.entries.push('junk')],
    // The full check gives such an entry its account back (readHistory), so it stays reachable.
    ['an entry of no known account', 0, (raw: { entries: unknown[] }) => raw.entries.push({ ...(raw.entries[0] as object), id: 'x-0000001', accountKey: 'facebook:999' })],
    ['an account keyed __proto__', 1, (raw: { accounts: unknown[] }) => raw.accounts.push({ key: '__proto__', platform: 'facebook', accountId: null, label: 'polluted' })],
    ['an account keyed constructor', 1, (raw: { accounts: unknown[] }) => raw.accounts.push({ key: 'constructor', platform: 'facebook', accountId: null })],
    ['an account listed twice', 1, (raw: { accounts: unknown[] }) => raw.accounts.push(raw.accounts[0])],
    ['accounts that are not a list', 1, (raw: { accounts: unknown }) => (raw.accounts = { x: 1 })],
  ])('a document with %s gets the full check: what does not pass is set aside, nothing polluted', (_name, setAside, damage) => {
    const { raw } = stored();
    damage(raw as never);
    const read = readStoredHistory(raw);
    expect(read).toEqual(readHistory(raw));
    expect(read.setAside).toHaveLength(setAside);
    expect(({} as Record<string, unknown>).label).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('label');
  });
});
