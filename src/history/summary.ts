import { entriesOf } from './store';
import type { Account, Entry, HistoryDoc } from './schema';
import type { Status } from '../domain/status';

export interface AccountSummary {
  account: Account;
  /** Newest first. */
  entries: Entry[];
  latestStatus: Status | null;
  /** Time of the latest entry's latest status change. */
  latestAt: string | null;
}

/** Accounts with their entries and latest status, Facebook first, then by name. */
export function accountSummaries(doc: HistoryDoc): AccountSummary[] {
  return Object.values(doc.accounts)
    .map((account) => {
      const entries = entriesOf(doc, account.key);
      const latest = entries[0];
      return {
        account,
        entries,
        latestStatus: latest?.status ?? null,
        latestAt: latest ? (latest.statusLog[latest.statusLog.length - 1]?.at ?? latest.submittedAt) : null,
      };
    })
    .sort((a, b) =>
      a.account.platform === b.account.platform
        ? accountName(a.account).localeCompare(accountName(b.account))
        : a.account.platform === 'facebook' ? -1 : 1,
    );
}

/**
 * How an account is shown: its label, else platform and id, else "unknown account" with the e-mail used.
 * `unknown` is the translated word for the last case.
 */
export function accountName(account: Account, unknown = 'unknown account'): string {
  if (account.label) return account.label;
  const platform = account.platform === 'facebook' ? 'Facebook' : 'Instagram';
  if (account.accountId) return `${platform} ${account.accountId}`;
  const email = account.key.split(':').slice(2).join(':');
  return `${platform}, ${unknown}${email ? ` (${email})` : ''}`;
}
