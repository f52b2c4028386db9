import type { SubmissionReport } from '../messaging/protocol';
import { buildAccountKey, isAccountKey, parseAccountKey } from './account-key';
import { migrate } from '../storage/migrations';
import { DATA_VERSION } from '../storage/version';
import {
  accountSchema,
  emptyHistory,
  entrySchema,
  storedHistorySchema,
  type Account,
  type Entry,
  type HistoryDoc,
  type Status,
} from './schema';
import { HistoryProblem } from './errors';
import { assemble, decodeStored, type Decode } from './layout';

/*
 * The history as pure operations on a document. Persistence and serialisation of writes live in
 * `persist.ts`; the background worker is the only caller that writes.
 */

export interface ReadResult {
  doc: HistoryDoc;
  /** Records that failed validation, set aside (never silently dropped). */
  setAside: unknown[];
  /** The stored value is not in the current shape (older version, or records set aside): write it back. */
  stale: boolean;
  /** The stored value was written by a newer Objector; it must not be overwritten. */
  newerVersion: number | null;
}

/** The document as it is stored (current version). */
export interface StoredHistory {
  version: typeof DATA_VERSION;
  accounts: Account[];
  entries: Entry[];
}

export function toStored(doc: HistoryDoc): StoredHistory {
  return { version: DATA_VERSION, accounts: [...doc.accounts.values()], entries: doc.entries };
}

/**
 * Reads a stored value of any version record by record: valid entries and accounts are kept, invalid
 * ones (and repeated ids) set aside. Never throws.
 */
export function readHistory(stored: unknown): ReadResult {
  const doc = emptyHistory();
  if (stored === undefined || stored === null) return { doc, setAside: [], stale: false, newerVersion: null };
  const decoded = decodeStored(stored);
  // A text that is not JSON at all is one damaged record: set aside as it is, and the store starts afresh.
  if (!decoded.ok) return { doc, setAside: [stored], stale: true, newerVersion: null };
  const raw = decoded.value;
  const migrated = migrate('history', raw);
  if (!migrated.ok) return { doc, setAside: [], stale: false, newerVersion: migrated.version };
  const outer = storedHistorySchema.safeParse(migrated.value);
  if (!outer.success) return { doc, setAside: [raw], stale: true, newerVersion: null };
  const setAside: unknown[] = [];
  for (const value of outer.data.accounts) {
    const account = accountSchema.safeParse(value);
    if (account.success && !doc.accounts.has(account.data.key)) doc.accounts.set(account.data.key, account.data);
    else setAside.push(value);
  }
  const ids = new Set<string>();
  for (const value of outer.data.entries) {
    const entry = entrySchema.safeParse(value);
    if (entry.success && !ids.has(entry.data.id)) {
      ids.add(entry.data.id);
      doc.entries.push(entry.data);
    } else setAside.push(value);
  }
  for (const entry of doc.entries) ensureAccount(doc, entry.accountKey);
  return { doc, setAside, stale: migrated.from !== DATA_VERSION || setAside.length > 0, newerVersion: null };
}

/**
 * The stored history as pages read it. Only the background writes the history, and it validated every
 * record before storing it (and checks the whole store when it starts and after anyone else wrote it), so a
 * page checks no record against the schema again: only the document's version and shape, and that each
 * record is an object under a valid account key (the keys are lookup keys). A document that fails these
 * cheap checks (an older version not yet migrated, a record of the wrong kind) gets the full check of
 * `readHistory`, which sets aside what does not pass. Never throws.
 */
export function readStoredHistory(stored: unknown): ReadResult {
  const decoded = decodeStored(stored);
  if (!decoded.ok) return readHistory(stored);
  const raw = decoded.value;
  if (!isCurrentShape(raw)) return readHistory(raw);
  const doc = emptyHistory();
  for (const account of raw.accounts) {
    if (!isObject(account) || !isAccountKey(account.key) || doc.accounts.has(account.key)) return readHistory(raw);
    doc.accounts.set(account.key, account as Account);
  }
  for (const entry of raw.entries) {
    if (!isObject(entry) || !isAccountKey(entry.accountKey) || !doc.accounts.has(entry.accountKey)) return readHistory(raw);
  }
  doc.entries = raw.entries as Entry[];
  return { doc, setAside: [], stale: false, newerVersion: null };
}

/**
 * The background's read of the history's stored values (layout.ts): put together, then checked record by
 * record (`readHistory`). Never throws.
 */
export function readHistoryValues(values: ReadonlyMap<string, unknown>): ReadResult {
  const assembled = assemble(values);
  const result = readHistory(assembled.raw);
  return { ...result, setAside: [...assembled.setAside, ...result.setAside], stale: result.stale || assembled.stale };
}

/** The pages' read of the history's stored values: put together, then `readStoredHistory`. Never throws. */
export function readStoredHistoryValues(values: ReadonlyMap<string, unknown>, decode?: Decode): ReadResult {
  const assembled = assemble(values, decode);
  const result = readStoredHistory(assembled.raw);
  return { ...result, setAside: [...assembled.setAside, ...result.setAside], stale: result.stale || assembled.stale };
}

function isCurrentShape(raw: unknown): raw is { version: number; accounts: unknown[]; entries: unknown[] } {
  return isObject(raw) && raw.version === DATA_VERSION && Array.isArray(raw.accounts) && Array.isArray(raw.entries);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Records a submission; a second report of the same submission changes nothing. */
export function recordSubmission(doc: HistoryDoc, report: SubmissionReport, accountId: string | null): Entry {
  const existing = doc.entries.find((e) => e.id === report.id);
  if (existing) return existing;
  const accountKey = buildAccountKey(report.platform, accountId, report.email);
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
  ensureAccount(doc, accountKey);
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
  const account = doc.accounts.get(key);
  if (!account) throw new HistoryProblem({ code: 'no-such-account' });
  const trimmed = label.trim();
  if (trimmed) account.label = trimmed;
  else delete account.label;
}

export function markEmailReceived(doc: HistoryDoc, entryId: string, date: string | null): void {
  const entry = doc.entries.find((e) => e.id === entryId);
  if (!entry) throw new HistoryProblem({ code: 'no-such-entry' });
  if (date) entry.emailReceivedOn = date;
  else delete entry.emailReceivedOn;
}

export function deleteEntry(doc: HistoryDoc, entryId: string): void {
  doc.entries = doc.entries.filter((e) => e.id !== entryId);
}

export function deleteAccount(doc: HistoryDoc, key: string): void {
  doc.entries = doc.entries.filter((e) => e.accountKey !== key);
  doc.accounts.delete(key);
}

/** The latest confirmed entry of an account, for "you already objected on …". */
export function latestConfirmed(doc: HistoryDoc, key: string): Entry | undefined {
  return entriesOf(doc, key).find((e) => e.status === 'confirmed');
}

/** An account's entries, newest first. */
export function entriesOf(doc: HistoryDoc, key: string): Entry[] {
  return doc.entries.filter((e) => e.accountKey === key).sort(newestFirst);
}

/** Every account's entries, newest first, in one pass (the history page with thousands of entries). */
export function entriesByAccount(doc: HistoryDoc): Map<string, Entry[]> {
  const byAccount = new Map<string, Entry[]>();
  for (const entry of doc.entries) {
    const list = byAccount.get(entry.accountKey);
    if (list) list.push(entry);
    else byAccount.set(entry.accountKey, [entry]);
  }
  for (const list of byAccount.values()) list.sort(newestFirst);
  return byAccount;
}

function newestFirst(a: Entry, b: Entry): number {
  return a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0;
}

function ensureAccount(doc: HistoryDoc, key: string): Account {
  const existing = doc.accounts.get(key);
  if (existing) return existing;
  const parts = parseAccountKey(key);
  if (!parts) throw new Error('Invalid account key');
  const account: Account = { key, platform: parts.platform, accountId: parts.accountId };
  doc.accounts.set(key, account);
  return account;
}
