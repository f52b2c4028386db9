import { describe, expect, it } from 'vitest';
import {
  deleteAccount,
  deleteEntry,
  entriesOf,
  labelAccount,
  latestConfirmed,
  markEmailReceived,
  readHistory,
  recordSubmission,
  updateStatus,
} from '@/src/history/store';
import { accountKeyOf, type HistoryDoc } from '@/src/history/schema';
import type { Status } from '@/src/domain/status';
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
    expect(doc.accounts['facebook:100012345678901']).toEqual({
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
    expect(Object.keys(doc.accounts)).toEqual(['facebook:1']);
  });

  it('two submissions of one account: two entries, one account', () => {
    const doc = emptyDoc();
    recordSubmission(doc, report({ id: 'submission-0001' }), '1');
    recordSubmission(doc, report({ id: 'submission-0002', at: T2 }), '1');
    expect(doc.entries).toHaveLength(2);
    expect(Object.keys(doc.accounts)).toEqual(['facebook:1']);
    expect(entriesOf(doc, 'facebook:1').map((e) => e.id)).toEqual(['submission-0002', 'submission-0001']);
  });

  it('Facebook and Instagram accounts with the same number are different accounts', () => {
    const doc = emptyDoc();
    recordSubmission(doc, report({ id: 'submission-0001' }), '42');
    recordSubmission(doc, report({ id: 'submission-0002', platform: 'instagram', formId: '767264225370182' }), '42');
    expect(Object.keys(doc.accounts).sort()).toEqual(['facebook:42', 'instagram:42']);
  });

  it('without a logged-in account, the key uses the e-mail (trimmed, lower case)', () => {
    const doc = emptyDoc();
    const entry = recordSubmission(doc, report({ email: '  Me@Example.ORG ' }), null);
    expect(entry.accountKey).toBe('facebook:unknown:me@example.org');
    expect(accountKeyOf('facebook', null, ' Me@Example.ORG')).toBe('facebook:unknown:me@example.org');
    expect(doc.accounts['facebook:unknown:me@example.org']).toMatchObject({ accountId: null, platform: 'facebook' });
    expect(accountName(doc.accounts['facebook:unknown:me@example.org']!)).toBe('Facebook, unknown account (me@example.org)');
  });

  it('different e-mails without login are different unknown accounts', () => {
    const doc = emptyDoc();
    recordSubmission(doc, report({ id: 'submission-0001', email: 'a@example.org' }), null);
    recordSubmission(doc, report({ id: 'submission-0002', email: 'b@example.org' }), null);
    expect(Object.keys(doc.accounts).sort()).toEqual(['facebook:unknown:a@example.org', 'facebook:unknown:b@example.org']);
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
  const valid = () => {
    const doc = docWithSubmission();
    recordSubmission(doc, report({ id: 'submission-0002', at: T2 }), null);
    return JSON.parse(JSON.stringify(doc)) as HistoryDoc;
  };

  it('nothing stored → an empty history', () => {
    expect(readHistory(undefined)).toEqual({ doc: emptyDoc(), setAside: [] });
    expect(readHistory(null)).toEqual({ doc: emptyDoc(), setAside: [] });
  });

  it('a valid history reads back as it was', () => {
    const raw = valid();
    expect(readHistory(raw)).toEqual({ doc: raw, setAside: [] });
  });

  it('sets aside corrupt entries and keeps the valid ones', () => {
    const raw = valid() as unknown as { accounts: Record<string, unknown>; entries: unknown[] };
    const broken = { ...(raw.entries[0] as object), id: 'x', status: 'maybe' };
    raw.entries.push(broken, 'junk', null, { id: 'submission-0003' });
    const { doc, setAside } = readHistory(raw);
    expect(doc.entries.map((e) => e.id)).toEqual(['submission-0001', 'submission-0002']);
    expect(setAside).toEqual([broken, 'junk', null, { id: 'submission-0003' }]);
  });

  it('sets aside corrupt accounts and keeps the valid ones (an entry keeps its account)', () => {
    const raw = valid() as unknown as { accounts: Record<string, unknown>; entries: unknown[] };
    raw.accounts['facebook:100012345678901'] = { key: 'facebook:100012345678901', platform: 'myspace', accountId: 'abc' };
    raw.accounts['junk'] = 17;
    const { doc, setAside } = readHistory(raw);
    expect(setAside).toHaveLength(2);
    expect(doc.entries).toHaveLength(2);
    // The entry's account is rebuilt from the entry, so the entry stays reachable.
    expect(doc.accounts['facebook:100012345678901']).toEqual({ key: 'facebook:100012345678901', platform: 'facebook', accountId: '100012345678901' });
    expect(doc.accounts['facebook:unknown:me@example.org']).toBeDefined();
  });

  it.each([['a string', 'garbage'], ['an array', []], ['wrong shapes', { accounts: [], entries: {} }], ['a number', 5]])(
    'an unreadable document (%s) is set aside whole',
    (_name, raw) => {
      expect(readHistory(raw)).toEqual({ doc: emptyDoc(), setAside: [raw] });
    },
  );
});

describe('labels, e-mail received, deletion', () => {
  it('labels an account, and an empty label removes it', () => {
    const doc = docWithSubmission();
    labelAccount(doc, 'facebook:100012345678901', '  Private profile ');
    expect(accountName(doc.accounts['facebook:100012345678901']!)).toBe('Private profile');
    labelAccount(doc, 'facebook:100012345678901', '   ');
    expect(doc.accounts['facebook:100012345678901']!.label).toBeUndefined();
    expect(accountName(doc.accounts['facebook:100012345678901']!)).toBe('Facebook 100012345678901');
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
    expect(Object.keys(doc.accounts)).toEqual(['instagram:555']);
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
