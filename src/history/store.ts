import type { SubmissionReport } from '../messaging/protocol';
import {
  accountKeyOf,
  accountSchema,
  entrySchema,
  storedHistorySchema,
  type Account,
  type Entry,
  type HistoryDoc,
} from './schema';
import type { Platform } from '../domain/platform';
import type { Status } from '../domain/status';

/*
 * The history as pure operations on a document. Persistence and serialisation of writes live in
 * `persist.ts`; the background worker is the only caller.
 */

export interface ReadResult {
  doc: HistoryDoc;
  /** Records that failed validation, set aside (never silently dropped). */
  setAside: unknown[];
}

/** Reads a stored value record by record: valid entries and accounts are kept, invalid ones set aside. */
export function readHistory(raw: unknown): ReadResult {
  const doc: HistoryDoc = { accounts: {}, entries: [] };
  if (raw === undefined || raw === null) return { doc, setAside: [] };
  const outer = storedHistorySchema.safeParse(raw);
  if (!outer.success) return { doc, setAside: [raw] };
  const setAside: unknown[] = [];
  for (const value of Object.values(outer.data.accounts)) {
    const account = accountSchema.safeParse(value);
    if (account.success) doc.accounts[account.data.key] = account.data;
    else setAside.push(value);
  }
  for (const value of outer.data.entries) {
    const entry = entrySchema.safeParse(value);
    if (entry.success) doc.entries.push(entry.data);
    else setAside.push(value);
  }
  for (const entry of doc.entries) ensureAccount(doc, entry.platform, entry.accountKey);
  return { doc, setAside };
}

/** Records a submission; a second report of the same submission changes nothing. */
export function recordSubmission(
  doc: HistoryDoc,
  report: SubmissionReport,
  accountId: string | null,
): Entry {
  const existing = doc.entries.find((e) => e.id === report.id);
  if (existing) return existing;
  const accountKey = accountKeyOf(report.platform, accountId, report.email);
  const account = ensureAccount(doc, report.platform, accountKey);
  if (account.accountId === null && accountId) account.accountId = accountId;
  const entry: Entry = entrySchema.parse({
    id: report.id,
    accountKey,
    platform: report.platform,
    formId: report.formId,
    url: report.url,
    lang: report.lang,
    email: report.email,
    reasonIds: report.reasonIds,
    text: report.text,
    submittedAt: report.at,
    status: 'submitted',
    statusLog: [{ status: 'submitted', at: report.at }],
  });
  doc.entries.push(entry);
  return entry;
}

/**
 * Moves an entry to Meta's answer. "Confirmed" is final; a late confirmation overrides "Failed"
 * (Meta sometimes shows a passing error); repeated reports change nothing.
 */
export function updateStatus(doc: HistoryDoc, id: string, status: Status, at: string): Entry | undefined {
  const entry = doc.entries.find((e) => e.id === id);
  if (!entry || entry.status === status || entry.status === 'confirmed' || status === 'submitted') return entry;
  entry.status = status;
  entry.statusLog.push({ status, at });
  return entry;
}

export function labelAccount(doc: HistoryDoc, key: string, label: string): void {
  const account = doc.accounts[key];
  if (!account) throw new Error('No such account');
  const trimmed = label.trim();
  if (trimmed) account.label = trimmed;
  else delete account.label;
}

export function markEmailReceived(doc: HistoryDoc, entryId: string, date: string | null): void {
  const entry = doc.entries.find((e) => e.id === entryId);
  if (!entry) throw new Error('No such entry');
  if (date) entry.emailReceivedOn = date;
  else delete entry.emailReceivedOn;
}

export function deleteEntry(doc: HistoryDoc, entryId: string): void {
  doc.entries = doc.entries.filter((e) => e.id !== entryId);
}

export function deleteAccount(doc: HistoryDoc, key: string): void {
  doc.entries = doc.entries.filter((e) => e.accountKey !== key);
  delete doc.accounts[key];
}

/** The latest confirmed entry of an account, for "you already objected on …". */
export function latestConfirmed(doc: HistoryDoc, key: string): Entry | undefined {
  return entriesOf(doc, key).find((e) => e.status === 'confirmed');
}

/** An account's entries, newest first. */
export function entriesOf(doc: HistoryDoc, key: string): Entry[] {
  return doc.entries.filter((e) => e.accountKey === key).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}

function ensureAccount(doc: HistoryDoc, platform: Platform, key: string): Account {
  const existing = doc.accounts[key];
  if (existing) return existing;
  const id = key.split(':')[1] ?? '';
  const account: Account = { key, platform, accountId: /^\d+$/.test(id) ? id : null };
  doc.accounts[key] = account;
  return account;
}
