import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { MAX_IMPORT_CHARS } from '@/src/messaging/protocol';
import { csvDelimiterFor, mergeImport, parseImport, previewImport, toCsv, toExportFile, type CsvDelimiter } from '@/src/history/exchange';
import { DATA_VERSION } from '@/src/storage/version';
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
    expect(file).toMatchObject({ format: 'objector-history', version: DATA_VERSION, exportedAt: '2025-07-01T12:00:00.000Z' });
  });

  it('the import preview counts what merging would add, without changing the history', () => {
    const target = sampleDoc();
    const other = sampleDoc();
    recordSubmission(other, report({ id: 'submission-0009', at: '2025-06-08T08:00:00.000Z' }), '777');
    const parsed = parseImport(roundTrip(other));
    if (!parsed.ok) throw new Error(parsed.problem.code);
    const before = structuredClone(target);
    const preview = previewImport(target, parsed.file);
    expect(target).toEqual(before);
    expect(preview).toEqual({ addedEntries: 1, addedAccounts: 1, duplicates: 3 });
    expect(mergeImport(target, parsed.file)).toEqual(preview);
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
    if (!parsed.ok) throw new Error(parsed.problem.code);
    expect(mergeImport(target, parsed.file)).toEqual({ addedEntries: 1, addedAccounts: 0, duplicates: 3 });
    expect(target.accounts.get('facebook:100012345678901')!.label).toBe('My label');
    expect(target.accounts.get('instagram:5550001')!.label).toBe('Imported label');
    expect(target.entries.find((e) => e.id === 'submission-0002')!.status).toBe('failed');
    expect(target.entries.map((e) => e.id)).toContain('submission-0004');
  });

  it('imported entries are copies: changing the file afterwards does not change the history', () => {
    const parsed = parseImport(roundTrip(sampleDoc()));
    if (!parsed.ok) throw new Error(parsed.problem.code);
    const target = emptyDoc();
    mergeImport(target, parsed.file);
    parsed.file.entries[0]!.statusLog.push({ status: 'failed', at: '2025-08-01T00:00:00.000Z' });
    parsed.file.accounts[0]!.label = 'changed';
    expect(target).toEqual(sampleDoc());
  });
});

describe('parseImport refuses a bad file before anything changes', () => {
  const valid = () => JSON.parse(roundTrip(sampleDoc())) as Record<string, unknown> & { entries: Array<Record<string, unknown>>; accounts: Array<Record<string, unknown>> };

  it.each([[''], ['not json'], ['{"format": "objector-history"'], ['\u0000\u0001binary']])('%j → import-not-json', (text) => {
    expect(parseImport(text)).toEqual({ ok: false, problem: { code: 'import-not-json' } });
  });

  it.each([
    ['null'],
    ['42'],
    ['"objector-history"'],
    ['[]'],
    ['{}'],
    [JSON.stringify({ format: 'other-app', entries: [] })],
    [JSON.stringify({ accounts: [], entries: [] })],
    ['{"__proto__": {"format": "objector-history"}, "accounts": [], "entries": []}'],
  ])('%s → import-foreign', (text) => {
    expect(parseImport(text)).toEqual({ ok: false, problem: { code: 'import-foreign' } });
  });

  it('a file of a newer version → import-newer-version, naming it', () => {
    expect(parseImport(JSON.stringify({ ...valid(), version: 7 }))).toEqual({ ok: false, problem: { code: 'import-newer-version', version: 7 } });
  });

  it('a file that is too large → import-too-large, before it is read', () => {
    expect(parseImport(' '.repeat(MAX_IMPORT_CHARS + 1))).toEqual({ ok: false, problem: { code: 'import-too-large' } });
  });

  it.each<[string, string, (file: ReturnType<typeof valid>) => void]>([
    ['an entry without id', 'entries.0.id', (f) => void delete f.entries[0]!.id],
    ['an entry with an unknown status', 'entries.1.status', (f) => void (f.entries[1]!.status = 'maybe')],
    ['an entry with a bad time', 'entries.0.submittedAt', (f) => void (f.entries[0]!.submittedAt = 'yesterday')],
    ['an account with a bad id', 'accounts.0.accountId', (f) => void (f.accounts[0]!.accountId = 'abc')],
    ['an account keyed __proto__', 'accounts.0.key', (f) => void (f.accounts[0]!.key = '__proto__')],
    ['an account keyed constructor', 'accounts.0.key', (f) => void (f.accounts[0]!.key = 'constructor')],
    ['an entry of account toString', 'entries.0.accountKey', (f) => void (f.entries[0]!.accountKey = 'toString')],
    ['entries that are not a list', 'entries', (f) => void (f.entries = {} as never)],
  ])('a damaged file (%s) → import-invalid at %s', (_name, path, damage) => {
    const file = valid();
    damage(file);
    expect(parseImport(JSON.stringify(file))).toEqual({ ok: false, problem: { code: 'import-invalid', path } });
  });

  it('an entry whose account is missing from the file → import-orphan-entry, naming the entry', () => {
    const file = valid();
    file.accounts = file.accounts.filter((a) => a.key !== 'instagram:5550001');
    expect(parseImport(JSON.stringify(file))).toEqual({ ok: false, problem: { code: 'import-orphan-entry', entryId: 'submission-0002' } });
  });

  it('a refused `__proto__` file pollutes nothing', () => {
    const text = roundTrip(sampleDoc()).replace('"accounts":[', '"accounts":[{"key": "__proto__", "platform": "facebook", "accountId": null, "label": "polluted"},');
    expect(parseImport(text).ok).toBe(false);
    expect(({} as Record<string, unknown>).label).toBeUndefined();
  });
});

describe('every earlier export version can be imported', () => {
  it('the export of tests/fixtures/storage/v1.json (version 1) imports as the current version', () => {
    const v1 = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/storage/v1.json'), 'utf8')) as { export: unknown };
    const parsed = parseImport(JSON.stringify(v1.export));
    if (!parsed.ok) throw new Error(parsed.problem.code);
    expect(parsed.file.version).toBe(DATA_VERSION);
    expect(parsed.file.entries.map((e) => e.id)).toEqual(['submission-0001', 'submission-0002']);
    expect(parsed.file.accounts.map((a) => a.key)).toEqual(['facebook:100012345678901', 'instagram:unknown:ich@example.de']);
  });
});

describe('CSV, read by a real CSV parser (papaparse) with either delimiter', () => {
  const DELIMITERS = [',', ';'] as const;
  const parseCsv = (csv: string, delimiter: CsvDelimiter): string[][] => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const result = Papa.parse<string[]>(csv.slice(1), { delimiter, newline: '\r\n', skipEmptyLines: true });
    expect(result.errors).toEqual([]);
    return result.data;
  };

  it.each(DELIMITERS)('%j: a header and one row per entry', (delimiter) => {
    const rows = parseCsv(toCsv(sampleDoc(), delimiter), delimiter);
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

  it('starts with a UTF-8 byte order mark, so that Excel reads accents right', () => {
    const csv = toCsv(sampleDoc());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('an empty history is just the header', () => {
    expect(parseCsv(toCsv(emptyDoc()), ',')).toHaveLength(1);
    expect(toCsv(emptyDoc()).endsWith('\r\n')).toBe(true);
  });

  it.each(DELIMITERS)('%j: commas, semicolons, tabs, quotes and line breaks stay inside their cell', (delimiter) => {
    const doc = emptyDoc();
    const text = 'First, I object; really.\tTabbed.\nSecond "quoted" line.\r\nThird.';
    recordSubmission(doc, report({ text }), '1');
    labelAccount(doc, 'facebook:1', 'Work; "old", main');
    const rows = parseCsv(toCsv(doc, delimiter), delimiter);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveLength(13);
    expect(rows[1]![12]).toBe(text);
    expect(rows[1]![2]).toBe('Work; "old", main');
  });

  it.each(DELIMITERS.flatMap((d) => ['x;=2+3', 'x,=2+3', '=HYPERLINK("http://evil.example","x")', '+1+2', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'].map((t) => [d, t] as const)))(
    '%j: no cell starts a formula, even for %j',
    (delimiter, dangerous) => {
      const doc = emptyDoc();
      recordSubmission(doc, report({ text: dangerous, url: dangerous, lang: dangerous.slice(0, 20) }), '1');
      labelAccount(doc, 'facebook:1', dangerous.trim() || 'x');
      const rows = parseCsv(toCsv(doc, delimiter), delimiter);
      expect(rows).toHaveLength(2);
      for (const cell of rows[1]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      if (/^[=+\-@\t\r]/.test(dangerous)) expect(rows[1]![12]).toBe(`'${dangerous}`);
      else expect(rows[1]![12]).toBe(dangerous);
    },
  );

  it('leaves ordinary cells alone', () => {
    const rows = parseCsv(toCsv(sampleDoc()), ',');
    for (const cell of rows[1]!) expect(cell.startsWith("'")).toBe(false);
  });

  it.each([
    ['en-US', ','],
    ['en-GB', ','],
    ['de-DE', ';'],
    ['fr-FR', ';'],
    ['nl-NL', ';'],
    ['pl-PL', ';'],
  ])('a spreadsheet in %s gets %j', (locale, delimiter) => {
    expect(csvDelimiterFor(locale)).toBe(delimiter);
  });
});
