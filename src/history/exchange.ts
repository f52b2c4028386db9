import { EXPORT_FORMAT, exportFileSchema, type Entry, type ExportFile, type HistoryDoc } from './schema';

/** The complete history as a re-importable JSON file. */
export function toExportFile(doc: HistoryDoc, now: Date): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    accounts: Object.values(doc.accounts),
    entries: doc.entries,
  };
}

const CSV_COLUMNS = [
  'platform', 'account', 'label', 'submitted_at', 'status', 'status_changed_at', 'email',
  'form_id', 'form_language', 'url', 'reason_ids', 'confirmation_email_received', 'text',
] as const;

/** One row per submission, for a spreadsheet. Cells that a spreadsheet would run as formulas are defused. */
export function toCsv(doc: HistoryDoc): string {
  const rows = doc.entries.map((e: Entry) => {
    const account = doc.accounts[e.accountKey];
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
  return [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export type ParsedImport = { ok: true; file: ExportFile } | { ok: false; error: string };

/** Validates an import file completely before anything is changed. */
export function parseImport(text: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'foreign' };
  }
  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : ''}` };
  }
  const keys = new Set(parsed.data.accounts.map((a) => a.key));
  const orphan = parsed.data.entries.find((e) => !keys.has(e.accountKey));
  if (orphan) return { ok: false, error: `invalid: entry ${orphan.id} names an account that is not in the file` };
  return { ok: true, file: parsed.data };
}

export interface MergeSummary {
  addedEntries: number;
  addedAccounts: number;
  /** Entries already in the history (same id), left as they are. */
  duplicates: number;
}

/** Adds what the history lacks; entries it already has (same id) and existing labels stay as they are. */
export function mergeImport(doc: HistoryDoc, file: ExportFile): MergeSummary {
  const summary: MergeSummary = { addedEntries: 0, addedAccounts: 0, duplicates: 0 };
  for (const account of file.accounts) {
    const existing = doc.accounts[account.key];
    if (!existing) {
      doc.accounts[account.key] = { ...account };
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
