import { test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extensionWorker, launchWithExtension } from '../tests/e2e/fixtures';
import { layOut } from '../src/history/layout';
import type { Entry } from '../src/history/schema';

/*
 * The history page at scale, in Chromium with the built extension:
 * 1. 5,000 entries (25 accounts × 200) render in under 1 s: from navigation start to every account card shown;
 * 2. importing 5,000 entries takes under 2 s: choosing the file to the preview, plus "Add to history" to the
 *    background's answer shown.
 */

const ENTRIES = 5000;
const ACCOUNTS = 25;

function historyOf(count: number, idPrefix: string, firstAccount: number) {
  const text =
    'Hiermit widerspreche ich gemäß Art. 21 Abs. 1 DSGVO der Verarbeitung meiner personenbezogenen Daten durch Meta zur Entwicklung und Verbesserung von KI. '.repeat(4);
  const accounts = Array.from({ length: ACCOUNTS }, (_, a) => {
    const id = String(100000 + firstAccount + a);
    return { key: `facebook:${id}`, platform: 'facebook', accountId: id };
  });
  const entries = Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2025, 5, 1) + i * 60_000).toISOString();
    return {
      id: `${idPrefix}-${String(i).padStart(6, '0')}`,
      accountKey: accounts[i % ACCOUNTS]!.key,
      platform: 'facebook',
      formId: '712876720715583',
      url: 'https://www.facebook.com/help/contact/712876720715583',
      lang: 'de',
      email: 'me@example.org',
      reasonIds: ['no-consent', 'irreversible'],
      text,
      submittedAt: at,
      status: i % 3 === 0 ? 'submitted' : 'confirmed',
      statusLog: i % 3 === 0 ? [{ status: 'submitted', at }] : [{ status: 'submitted', at }, { status: 'confirmed', at }],
    };
  });
  return { accounts, entries };
}

test('history page with 5,000 entries', async () => {
  const rows: Array<[string, string, string, string]> = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'objector-bench-history-'));
  const context = await launchWithExtension(dir);
  try {
    const worker = await extensionWorker(context);
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    const stored = historyOf(ENTRIES, 'stored', 0);
    // Stored as the background stores it: the list of accounts and one value per account.
    const values = Object.fromEntries(layOut({ accounts: new Map(stored.accounts.map((a) => [a.key, a])), entries: stored.entries as Entry[] }));
    await worker.evaluate(async (items) => chrome.storage.local.set(items), values);
    const page = await context.newPage();

    // 1. Render: median of 5 loads.
    const renders: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.goto(`${origin}/objections.html`);
      await page.waitForFunction((n) => document.querySelectorAll('section.account').length === n, ACCOUNTS, { polling: 'raf' });
      renders.push(await page.evaluate(() => performance.now()));
    }
    renders.sort((a, b) => a - b);
    const render = renders[2]!;
    rows.push([`history page shows ${ENTRIES} entries (${ACCOUNTS} accounts), navigation to all cards`, `median ${render.toFixed(0)} ms (worst ${renders[4]!.toFixed(0)} ms)`, '< 1000 ms', render < 1000 ? 'ok' : 'FAIL']);

    // 2. Import 5,000 new entries into that history.
    // A file on disk, as the user chooses it (a buffer would be copied into the page as base64 first, a cost
    // of the test harness, not of Objector).
    const file = path.join(dir, 'big.json');
    writeFileSync(file, JSON.stringify({ format: 'objector-history', version: 2, exportedAt: new Date().toISOString(), ...historyOf(ENTRIES, 'imported', ACCOUNTS) }));
    const start = Date.now();
    await page.getByLabel('Import JSON').setInputFiles(file);
    await page.getByRole('button', { name: 'Add to history' }).waitFor();
    const preview = Date.now() - start;
    const addStart = Date.now();
    await page.getByRole('button', { name: 'Add to history' }).click();
    await page.getByRole('status').filter({ hasText: /Added 5000 submissions/ }).waitFor();
    const add = Date.now() - addStart;
    rows.push([`import of ${ENTRIES} entries: file chosen → preview, + "Add" → stored and shown`, `${preview + add} ms (${preview} + ${add})`, '< 2000 ms', preview + add < 2000 ? 'ok' : 'FAIL']);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...[['measure', 'result', 'goal', ''], ...rows].map((r) => r[c]!.length)));
  const line = (r: string[]) => '| ' + r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ') + ' |';
  console.log(['', line(['measure', 'result', 'goal', '']), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
});
