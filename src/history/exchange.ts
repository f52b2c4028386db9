import { migrate } from '../storage/migrations';
import { MAX_IMPORT_CHARS } from '../messaging/protocol';
import { DATA_VERSION } from '../storage/version';
import type { Problem } from './errors';
import { EXPORT_FORMAT, exportFileSchema, type Entry, type ExportFile, type HistoryDoc } from './schema';

/** The complete history as a re-importable JSON file. */
export function toExportFile(doc: HistoryDoc, now: Date): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: DATA_VERSION,
    exportedAt: now.toISOString(),
    accounts: [...doc.accounts.values()],
    entries: doc.entries,
  };
}

const CSV_COLUMNS = [
  'platform', 'account', 'label', 'submitted_at', 'status', 'status_changed_at', 'email',
  'form_id', 'form_language', 'url', 'reason_ids', 'confirmation_email_received', 'text',
] as const;

export type CsvDelimiter = ',' | ';';

/**
 * The delimiter a spreadsheet in `locale` expects: where the decimal separator is a comma (de, fr, nl, pl,
 * …), spreadsheets split on `;`.
 */
export function csvDelimiterFor(locale: string | undefined): CsvDelimiter {
  try {
    return new Intl.NumberFormat(locale).format(1.5).includes(',') ? ';' : ',';
  } catch {
    return ',';
  }
}

/**
 * One row per submission, for a spreadsheet: UTF-8 with a byte order mark (so that Excel reads accents
 * right), every cell that holds a delimiter, quote or line break quoted, and every cell that a spreadsheet
 * would run as a formula defused with a leading apostrophe.
 */
export function toCsv(doc: HistoryDoc, delimiter: CsvDelimiter = ','): string {
  const rows = doc.entries.map((e: Entry) => {
    const account = doc.accounts.get(e.accountKey);
    return [
      e.platform,
      account?.accountId ?? 'unknown',
      account?.label ?? '',
      e.submittedAt,
      e.status,
      e.statusLog[e.statusLog.length - 1]?.at ?? e.submittedAt,
      e.email,
      e.formId,
      e.lang,
      e.url,
      e.reasonIds.join(' '),
      e.emailReceivedOn ?? '',
      e.text,
    ];
  });
  const lines = [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(delimiter));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}


export type ParsedImport = { ok: true; file: ExportFile } | { ok: false; problem: Problem };

/**
 * Validates an import file completely before anything is changed: a file of any earlier version is brought
 * to the current one through the same migrations as stored data. Never throws.
 */
export function parseImport(text: string): ParsedImport {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, problem: { code: 'import-too-large' } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'import-not-json' } };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !Object.hasOwn(json, 'format')) {
    return { ok: false, problem: { code: 'import-foreign' } };
  }
  if ((json as { format: unknown }).format !== EXPORT_FORMAT) return { ok: false, problem: { code: 'import-foreign' } };
  const migrated = migrate('history', json);
  if (!migrated.ok) return { ok: false, problem: { code: 'import-newer-version', version: migrated.version } };
  const parsed = exportFileSchema.safeParse(migrated.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: { code: 'import-invalid', path: issue ? issue.path.map(String).join('.') : '' } };
  }
  const keys = new Set(parsed.data.accounts.map((a) => a.key));
  const orphan = parsed.data.entries.find((e) => !keys.has(e.accountKey));
  if (orphan) return { ok: false, problem: { code: 'import-orphan-entry', entryId: orphan.id } };
  return { ok: true, file: parsed.data };
}

export interface MergeSummary {
  addedEntries: number;
  addedAccounts: number;
  /** Entries already in the history (same id), left as they are. */
  duplicates: number;
}

/** What `mergeImport` would do, without changing (or copying) the history: the import preview. */
export function previewImport(doc: HistoryDoc, file: ExportFile): MergeSummary {
  const summary: MergeSummary = { addedEntries: 0, addedAccounts: 0, duplicates: 0 };
  const accounts = new Set(doc.accounts.keys());
  for (const account of file.accounts) {
    if (accounts.has(account.key)) continue;
    accounts.add(account.key);
    summary.addedAccounts++;
  }
  const ids = new Set(doc.entries.map((e) => e.id));
  for (const entry of file.entries) {
    if (ids.has(entry.id)) summary.duplicates++;
    else {
      ids.add(entry.id);
      summary.addedEntries++;
    }
  }
  return summary;
}

/** Adds what the history lacks; entries it already has (same id) and existing labels stay as they are. */
export function mergeImport(doc: HistoryDoc, file: ExportFile): MergeSummary {
  const summary: MergeSummary = { addedEntries: 0, addedAccounts: 0, duplicates: 0 };
  for (const account of file.accounts) {
    const existing = doc.accounts.get(account.key);
    if (!existing) {
      doc.accounts.set(account.key, { ...account });
      summary.addedAccounts++;
    } else if (!existing.label && account.label) {
      existing.label = account.label;
    }
  }
  const ids = new Set(doc.entries.map((e) => e.id));
  for (const entry of file.entries) {
    if (ids.has(entry.id)) {
      summary.duplicates++;
      continue;
    }
    doc.entries.push(structuredClone(entry));
    ids.add(entry.id);
    summary.addedEntries++;
  }
  return summary;
}
