import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseImport, toExportFile } from '@/src/history/exchange';
import { readHistory, recordSubmission, toStored } from '@/src/history/store';
import { accountSchema, entrySchema } from '@/src/history/schema';
import { changeHistory, loadHistory } from '@/src/history/persist';
import { handleMessage } from '@/src/messaging/handle';
import { errorAnswerSchema } from '@/src/messaging/answers';
import { migrate } from '@/src/storage/migrations';
import { emptyDoc, report, restoreHistoryValues, storedHistoryValues } from './helpers';

/*
 * Property tests with random and hostile input: the import check and the reading of stored data never throw
 * out of their boundary, keep every valid record, and a refused import never changes the history.
 */

const RUNS = { numRuns: 150 };
const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf', 'format', 'version', 'accounts', 'entries', 'key', 'label'];

/** JSON values whose object keys are often the dangerous ones. */
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** A valid export, then damaged in one random place with a random or hostile value. */
const sample = () => {
  const doc = emptyDoc();
  recordSubmission(doc, report({ id: 'submission-0001' }), '100012345678901');
  recordSubmission(doc, report({ id: 'submission-0002', platform: 'instagram', formId: '767264225370182' }), null);
  return doc;
};
const damagedExport = fc
  .tuple(fc.constantFrom('format', 'version', 'exportedAt', 'accounts', 'entries', 'accounts.0', 'entries.1', 'accounts.0.key', 'entries.0.accountKey', 'entries.0.statusLog', '__proto__'), hostileJson)
  .map(([path, value]) => {
    const file = JSON.parse(JSON.stringify(toExportFile(sample(), new Date('2025-07-01T00:00:00.000Z')))) as Record<string, unknown>;
    const parts = path.split('.');
    let target = file as Record<string, unknown>;
    for (const part of parts.slice(0, -1)) target = target[part] as Record<string, unknown>;
    // defineProperty: an own "__proto__" key, as JSON.parse makes it.
    Object.defineProperty(target, parts.at(-1)!, { value, enumerable: true, configurable: true, writable: true });
    return JSON.stringify(file);
  });

const noPollution = () => {
  const probe = {} as Record<string, unknown>;
  for (const key of ['label', 'key', 'platform', 'accountId', 'format', 'version', 'entries']) expect(probe[key]).toBeUndefined();
};

describe('parseImport never throws and never pollutes', () => {
  it('on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const parsed = parseImport(text);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      RUNS,
    );
  });

  it('on any hostile JSON', () => {
    fc.assert(
      fc.property(hostileJson, (value) => {
        const parsed = parseImport(JSON.stringify(value) ?? 'null');
        expect(typeof parsed.ok).toBe('boolean');
        noPollution();
      }),
      RUNS,
    );
  });

  it('on an export damaged anywhere: either refused with a code, or every record in it is valid', () => {
    fc.assert(
      fc.property(damagedExport, (text) => {
        const parsed = parseImport(text);
        if (parsed.ok) {
          for (const account of parsed.file.accounts) expect(accountSchema.safeParse(account).success).toBe(true);
          for (const entry of parsed.file.entries) expect(entrySchema.safeParse(entry).success).toBe(true);
        } else expect(parsed.problem.code).toMatch(/^import-/);
        noPollution();
      }),
      RUNS,
    );
  });
});

describe('reading stored data (salvage) never throws and keeps every valid record', () => {
  it('on any stored value', () => {
    fc.assert(
      fc.property(hostileJson, (raw) => {
        const { doc, setAside } = readHistory(raw);
        for (const entry of doc.entries) expect(entrySchema.safeParse(entry).success).toBe(true);
        for (const [key, account] of doc.accounts) expect(account.key).toBe(key);
        expect(Array.isArray(setAside)).toBe(true);
        noPollution();
      }),
      RUNS,
    );
  });

  it('valid records mixed with hostile ones: the valid ones all survive, the others are set aside', () => {
    const valid = toStored(sample());
    fc.assert(
      fc.property(fc.array(hostileJson, { maxLength: 5 }), fc.array(hostileJson, { maxLength: 5 }), (badAccounts, badEntries) => {
        const raw = { version: 2, accounts: [...valid.accounts, ...badAccounts], entries: [...badEntries, ...valid.entries] };
        const { doc, setAside } = readHistory(JSON.parse(JSON.stringify(raw)));
        expect(doc.entries.map((e) => e.id)).toEqual(expect.arrayContaining(['submission-0001', 'submission-0002']));
        expect(doc.entries.length + setAside.length).toBeGreaterThanOrEqual(valid.entries.length + badEntries.length);
        noPollution();
      }),
      RUNS,
    );
  });
});

describe('through the background', () => {
  const PAGE = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/objections.html` };
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('a refused import never changes the existing history', async () => {
    await changeHistory((doc) => recordSubmission(doc, report(), '1'));
    const before = await storedHistoryValues();
    await fc.assert(
      fc.asyncProperty(fc.oneof(damagedExport, hostileJson.map((v) => JSON.stringify(v) ?? 'null')), async (file) => {
        const refused = errorAnswerSchema.safeParse(await handleMessage({ type: 'history:import', file }, PAGE)).success;
        if (refused) expect(await storedHistoryValues()).toEqual(before);
        else await restoreHistoryValues(before);
        noPollution();
      }),
      { numRuns: 60 },
    );
  });

  it('whatever is stored, the next write succeeds and keeps the new record (a newer version is left alone)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileJson, hostileJson, async (history, aside) => {
        fakeBrowser.reset();
        await fakeBrowser.storage.local.set({ history, 'history-set-aside': aside });
        const write = changeHistory((doc) => recordSubmission(doc, report({ id: 'fuzzed-entry-0001' }), '7'));
        if (!migrate('history', history).ok) {
          await expect(write).rejects.toMatchObject({ problem: { code: 'storage-newer-version' } });
          expect((await fakeBrowser.storage.local.get('history')).history).toEqual(history);
          return;
        }
        await write;
        expect((await loadHistory()).doc.entries.some((e) => e.id === 'fuzzed-entry-0001')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('whatever the list of accounts and the per-account values hold, the next write succeeds and loses no valid entry', async () => {
    await fc.assert(
      fc.asyncProperty(hostileJson, hostileJson, fc.boolean(), async (head, part, asText) => {
        fakeBrowser.reset();
        await changeHistory((doc) => recordSubmission(doc, report({ id: 'kept-entry-0001' }), '7'));
        const encode = (value: unknown) => (asText ? (JSON.stringify(value) ?? 'null') : value);
        await fakeBrowser.storage.local.set({ 'history-accounts': encode(head), 'history/facebook:8': encode(part) });
        const write = changeHistory((doc) => recordSubmission(doc, report({ id: 'fuzzed-entry-0001' }), '8'));
        if (!migrate('history', head).ok) {
          await expect(write).rejects.toMatchObject({ problem: { code: 'storage-newer-version' } });
          return;
        }
        await write;
        const ids = (await loadHistory()).doc.entries.map((e) => e.id);
        expect(ids).toContain('fuzzed-entry-0001');
        expect(ids).toContain('kept-entry-0001');
        noPollution();
      }),
      { numRuns: 60 },
    );
  });
});
