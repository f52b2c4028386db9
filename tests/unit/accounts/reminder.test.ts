import { describe, expect, it } from 'vitest';
import { hasObjected, reminderFor } from '@/src/accounts/reminder';
import type { Platform } from '@/src/domain/platform';
import type { Status } from '@/src/domain/status';
import type { HistoryDoc } from '@/src/history/schema';
import { account, entry } from '../ui/history/setup';

/** Meta confirmed once; a later attempt failed. */
const CONFIRMED_THEN_FAILED: Status[] = ['confirmed'];
CONFIRMED_THEN_FAILED.push('failed');

function docWith(key: string, ...statuses: Status[]): HistoryDoc {
  const [platform] = key.split(':') as [Platform];
  return {
    accounts: new Map([[key, account(key)]]),
    entries: statuses.map((status, i) =>
      entry({ id: `entry-${i}-${status}`, accountKey: key, platform, status, statusLog: [{ status, at: '2025-05-20T14:02:00.000Z' }] }),
    ),
  };
}

describe('reminder', () => {
  it.each<[string, Status[], boolean]>([
    ['no entry', [], false],
    ['only a Failed one', ['failed'], false],
    ['a Submitted one', ['submitted'], true],
    ['a Confirmed one', ['confirmed'], true],
    ['a Failed one after a Confirmed one', CONFIRMED_THEN_FAILED, true],
  ])('an account with %s has objected: %s', (_name, statuses, objected) => {
    const doc = docWith('facebook:100001', ...statuses);
    expect(hasObjected(doc, 'facebook:100001')).toBe(objected);
    expect(reminderFor(doc, 'facebook', '100001', true)?.key ?? null).toBe(objected ? null : 'facebook:100001');
  });

  it('is due for a logged-in account the history does not know', () => {
    expect(reminderFor({ accounts: new Map(), entries: [] }, 'instagram', '200002', true)).toEqual({
      key: 'instagram:200002',
      platform: 'instagram',
      accountId: '200002',
    });
  });

  it('is not due when nobody is logged in, or when switched off', () => {
    const doc = docWith('facebook:100001');
    expect(reminderFor(doc, 'facebook', null, true)).toBeNull();
    expect(reminderFor(doc, 'facebook', '100001', false)).toBeNull();
  });

  it('another account\'s objection does not count, nor the same id on the other platform', () => {
    const doc = docWith('facebook:100001', 'confirmed');
    expect(reminderFor(doc, 'facebook', '100002', true)?.key).toBe('facebook:100002');
    expect(reminderFor(doc, 'instagram', '100001', true)?.key).toBe('instagram:100001');
  });

  it('keeps the label the user gave the account', () => {
    const doc: HistoryDoc = { accounts: new Map([['facebook:1', account('facebook:1', { label: 'Work' })]]), entries: [] };
    expect(reminderFor(doc, 'facebook', '1', true)?.label).toBe('Work');
  });
});
