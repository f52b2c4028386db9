import { describe, expect, it } from 'vitest';
import { mergeImport, parseImport, toCsv, toExportFile } from '@/src/history/exchange';
import { labelAccount, markEmailReceived, recordSubmission, updateStatus } from '@/src/history/store';
import type { HistoryDoc } from '@/src/history/schema';
import { emptyDoc, report } from './helpers';

const NOW = new Date('2025-07-01T12:00:00.000Z');

function sampleDoc(): HistoryDoc {
  const doc = emptyDoc();
  recordSubmission(doc, report({ id: 'submission-0001', at: '2025-06-02T09:30:00.000Z' }), '100012345678901');
  updateStatus(doc, 'submission-0001', 'confirmed', '2025-06-02T09:31:00.000Z');
  markEmailReceived(doc, 'submission-0001', '2025-06-03');
  labelAccount(doc, 'facebook:100012345678901', 'Main profile');
  recordSubmission(doc, report({ id: 'submission-0002', platform: 'instagram', formId: '767264225370182', lang: 'nl', at: '2025-06-05T08:00:00.000Z' }), '5550001');
  updateStatus(doc, 'submission-0002', 'failed', '2025-06-05T08:01:00.000Z');
  recordSubmission(doc, report({ id: 'submission-0003', email: 'Other@Example.org', at: '2025-06-06T08:00:00.000Z' }), null);
  return doc;
}

const roundTrip = (doc: HistoryDoc) => JSON.stringify(toExportFile(doc, NOW));

describe('export and import', () => {
  it('export → JSON → parseImport → mergeImport into an empty history gives the same history', () => {
    const doc = sampleDoc();
    const parsed = parseImport(roundTrip(doc));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const target = emptyDoc();
    const summary = mergeImport(target, parsed.file);
    expect(summary).toEqual({ addedEntries: 3, addedAccounts: 3, duplicates: 0 });
    expect(target).toEqual(doc);
  });

  it('the export file says what it is and when it was made', () => {
    const file = toExportFile(sampleDoc(), NOW);
    expect(file).toMatchObject({ format: 'objector-history', version: 1, exportedAt: '2025-07-01T12:00:00.000Z' });
  });

  it('merging the same file twice adds nothing the second time, and counts the duplicates', () => {
    const text = roundTrip(sampleDoc());
    const target = emptyDoc();
    const first = parseImport(text);
    const second = parseImport(text);
    if (!first.ok || !second.ok) throw new Error('parse failed');
    mergeImport(target, first.file);
    const snapshot = structuredClone(target);
    expect(mergeImport(target, second.file)).toEqual({ addedEntries: 0, addedAccounts: 0, duplicates: 3 });
    expect(target).toEqual(snapshot);
  });

  it('merging keeps what the history already has: its entries and its labels', () => {
    const target = sampleDoc();
    labelAccount(target, 'facebook:100012345678901', 'My label');
    const other = sampleDoc();
    updateStatus(other, 'submission-0002', 'confirmed', '2025-06-07T08:00:00.000Z');
    labelAccount(other, 'instagram:5550001', 'Imported label');
    labelAccount(other, 'facebook:100012345678901', 'Their label');
    recordSubmission(other, report({ id: 'submission-0004', at: '2025-06-08T08:00:00.000Z' }), '100012345678901');
    const parsed = parseImport(roundTrip(other));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(mergeImport(target, parsed.file)).toEqual({ addedEntries: 1, addedAccounts: 0, duplicates: 3 });
    expect(target.accounts['facebook:100012345678901']!.label).toBe('My label');
    expect(target.accounts['instagram:5550001']!.label).toBe('Imported label');
    expect(target.entries.find((e) => e.id === 'submission-0002')!.status).toBe('failed');
    expect(target.entries.map((e) => e.id)).toContain('submission-0004');
  });

  it('imported entries are copies: changing the file afterwards does not change the history', () => {
    const parsed = parseImport(roundTrip(sampleDoc()));
    if (!parsed.ok) throw new Error(parsed.error);
    const target = emptyDoc();
    mergeImport(target, parsed.file);
    parsed.file.entries[0]!.statusLog.push({ status: 'failed', at: '2025-08-01T00:00:00.000Z' });
    parsed.file.accounts[0]!.label = 'changed';
    expect(target).toEqual(sampleDoc());
  });
});

describe('parseImport refuses a bad file before anything changes', () => {
  const valid = () => JSON.parse(roundTrip(sampleDoc())) as Record<string, unknown> & { entries: Array<Record<string, unknown>>; accounts: Array<Record<string, unknown>> };

  it.each([[''], ['not json'], ['{"format": "objector-history"'], ['\u0000\u0001binary']])('%j → not-json', (text) => {
    expect(parseImport(text)).toEqual({ ok: false, error: 'not-json' });
  });

  it.each([
    ['null'],
    ['42'],
    ['"objector-history"'],
    ['[]'],
    ['{}'],
    [JSON.stringify({ format: 'other-app', entries: [] })],
    [JSON.stringify({ accounts: [], entries: [] })],
  ])('%s → foreign', (text) => {
    expect(parseImport(text)).toEqual({ ok: false, error: 'foreign' });
  });

  it.each<[string, (file: ReturnType<typeof valid>) => void, RegExp]>([
    ['another version', (f) => void (f.version = 2), /^invalid: version/],
    ['an entry without id', (f) => void delete f.entries[0]!.id, /^invalid: entries\.0\.id/],
    ['an entry with an unknown status', (f) => void (f.entries[1]!.status = 'maybe'), /^invalid: entries\.1\.status/],
    ['an entry with a bad time', (f) => void (f.entries[0]!.submittedAt = 'yesterday'), /^invalid: entries\.0\.submittedAt/],
    ['an account with a bad id', (f) => void (f.accounts[0]!.accountId = 'abc'), /^invalid: accounts\.0\.accountId/],
    ['entries that are not a list', (f) => void (f.entries = {} as never), /^invalid: entries/],
  ])('a damaged file (%s) → invalid: …', (_name, damage, error) => {
    const file = valid();
    damage(file);
    const parsed = parseImport(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });

  it('an entry whose account is missing from the file → invalid, naming the entry', () => {
    const file = valid();
    file.accounts = file.accounts.filter((a) => a.key !== 'instagram:5550001');
    const parsed = parseImport(JSON.stringify(file));
    expect(parsed).toEqual({ ok: false, error: 'invalid: entry submission-0002 names an account that is not in the file' });
  });
});

describe('CSV', () => {
  const parseCsv = (csv: string): string[][] => {
    // A small RFC 4180 reader, to check what a spreadsheet would see.
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const ch = csv[i]!;
      if (quoted) {
        if (ch === '"' && csv[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        row.push(cell);
        cell = '';
      } else if (ch === '\r' && csv[i + 1] === '\n') {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
        i++;
      } else cell += ch;
    }
    return rows;
  };

  it('has a header and one row per entry', () => {
    const rows = parseCsv(toCsv(sampleDoc()));
    expect(rows[0]).toEqual([
      'platform', 'account', 'label', 'submitted_at', 'status', 'status_changed_at', 'email',
      'form_id', 'form_language', 'url', 'reason_ids', 'confirmation_email_received', 'text',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      'facebook', '100012345678901', 'Main profile', '2025-06-02T09:30:00.000Z', 'confirmed', '2025-06-02T09:31:00.000Z',
      'me@example.org', '712876720715583', 'de', 'https://www.facebook.com/help/contact/712876720715583',
      'no-consent irreversible', '2025-06-03', report().text,
    ]);
    expect(rows[3]![1]).toBe('unknown');
    for (const row of rows) expect(row).toHaveLength(13);
  });

  it('an empty history is just the header', () => {
    expect(parseCsv(toCsv(emptyDoc()))).toHaveLength(1);
    expect(toCsv(emptyDoc()).endsWith('\r\n')).toBe(true);
  });

  it('quotes commas, quotes and line breaks, so each entry stays one row', () => {
    const doc = emptyDoc();
    const text = 'First, I object.\nSecond "quoted" line.\r\nThird.';
    recordSubmission(doc, report({ text }), '1');
    labelAccount(doc, 'facebook:1', 'Work, "old"');
    const csv = toCsv(doc);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]![12]).toBe(text);
    expect(rows[1]![2]).toBe('Work, "old"');
    expect(csv).toContain('"First, I object.\nSecond ""quoted"" line.\r\nThird."');
  });

  it.each([['=HYPERLINK("http://evil.example","x")'], ['+1+2'], ['-2+3'], ['@SUM(A1:A2)'], ['\t=1'], ['\r=1']])(
    'defuses a cell starting with %j',
    (dangerous) => {
      const doc = emptyDoc();
      recordSubmission(doc, report({ text: dangerous }), '1');
      labelAccount(doc, 'facebook:1', dangerous.trim() || 'x');
      const rows = parseCsv(toCsv(doc));
      expect(rows[1]![12]).toBe(`'${dangerous}`);
      expect(rows[1]![12]!.startsWith("'")).toBe(true);
      expect(rows[1]![2]!.startsWith("'")).toBe(true);
    },
  );

  it('leaves ordinary cells alone', () => {
    const rows = parseCsv(toCsv(sampleDoc()));
    for (const cell of rows[1]!) expect(cell.startsWith("'")).toBe(false);
  });
});
