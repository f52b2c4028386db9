import type { Platform } from '../domain/platform';
import type { Account, HistoryDoc } from '../history/schema';
import { buildAccountKey } from '../history/account-key';
import { entriesOf } from '../history/store';

/*
 * The reminder: an account the user is logged in to that has not objected yet. Pure, so that the badge
 * (background) and the popup decide the same way.
 */

/** A Facebook or Instagram account the browser is logged in to, with what the history knows about it. */
export interface LoggedInAccount {
  account: Account;
  /** True once the history holds a Submitted or Confirmed objection of this account. */
  objected: boolean;
}

/**
 * Submitted counts as objected: the user sent the form and Meta's answer may simply not have been seen.
 * Failed does not: Meta showed an error, so the account has still to object.
 */
export function hasObjected(doc: HistoryDoc, key: string): boolean {
  return entriesOf(doc, key).some((e) => e.status === 'submitted' || e.status === 'confirmed');
}

/** The logged-in account of `platform` (its id from Meta's cookie), or null when nobody is logged in. */
export function loggedInAccount(doc: HistoryDoc, platform: Platform, accountId: string | null): LoggedInAccount | null {
  if (!accountId) return null;
  const key = buildAccountKey(platform, accountId, '');
  const account = doc.accounts.get(key) ?? { key, platform, accountId };
  return { account, objected: hasObjected(doc, key) };
}

/** The account a reminder is due for on `platform`, or null (none logged in, already objected, or switched off). */
export function reminderFor(
  doc: HistoryDoc,
  platform: Platform,
  accountId: string | null,
  enabled: boolean,
): Account | null {
  if (!enabled) return null;
  const loggedIn = loggedInAccount(doc, platform, accountId);
  return loggedIn && !loggedIn.objected ? loggedIn.account : null;
}
