import type { ConsoleMessage, Page, Worker } from '@playwright/test';
import { test, expect, saveSettings, screenshot, stopExtensionWorker, storedHistory } from '../fixtures';
import { REPLICA_TEXTS, REPLICA_URLS } from '../replicas/index';
import { autofillAndSend, ENGLISH_SETTINGS, facebookUserWithSettings, logIn, openHistory } from './helpers';

/*
 * The history's trust boundaries, each written as an attack (README, "Threat model"): a page on Meta's hosts
 * forging the account, an import file polluting prototypes, a full storage hiding a lost record.
 */


/** Whether Object.prototype carries anything an attacker could have set. */
function pollutedNames(): string[] {
  const probe = {} as Record<string, unknown>;
  return ['label', 'key', 'platform', 'accountId', 'entries'].filter((name) => probe[name] !== undefined);
}
const polluted = (target: Page | Worker): Promise<string[]> =>
  'url' in target && typeof (target as Page).goto === 'function' ? (target as Page).evaluate(pollutedNames) : (target as Worker).evaluate(pollutedNames);

/** A valid history of one Facebook account, as the background stores it. */
async function seedHistory(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    await chrome.storage.local.set({
      history: {
        version: 2,
        accounts: [{ key: 'facebook:100001', platform: 'facebook', accountId: '100001', label: 'My profile' }],
        entries: [
          {
            id: 'seeded-entry-0001',
            accountKey: 'facebook:100001',
            platform: 'facebook',
            formId: '712876720715583',
            url: 'https://www.facebook.com/help/contact/712876720715583',
            lang: 'en',
            email: 'me@example.org',
            reasonIds: ['no-consent'],
            text: 'I object.',
            submittedAt: '2025-06-02T09:30:00.000Z',
            status: 'confirmed',
            statusLog: [
              { status: 'submitted', at: '2025-06-02T09:30:00.000Z' },
              { status: 'confirmed', at: '2025-06-02T09:30:04.000Z' },
            ],
          },
        ],
      },
    });
  });
}

function importFile(page: Page, name: string, content: unknown) {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return page.getByLabel('Import JSON').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a forged i_user cookie set by page script does not change the account the submission is filed under', async ({
  context,
  page,
  extensionId,
  worker,
}) => {
  await facebookUserWithSettings(context, worker);
  await page.goto(REPLICA_URLS.fbEnglish);
  // The attack: script on facebook.com claims the user acts as another profile.
  await page.evaluate(() => {
    document.cookie = 'i_user=61550000000666; domain=.facebook.com; path=/; secure; samesite=none; max-age=3600';
  });
  // The browser holds the forged cookie, and shows it for what it is: not HttpOnly.
  const forged = await worker.evaluate(() => chrome.cookies.get({ url: 'https://www.facebook.com/', name: 'i_user' }));
  expect(forged).toMatchObject({ value: '61550000000666', httpOnly: false });

  await (await autofillAndSend(page, REPLICA_URLS.fbEnglish, 'Send')).sent;
  await expect(page.getByText(REPLICA_TEXTS.fbEnglish.confirmation.slice(0, 40))).toBeVisible();

  const history = await openHistory(context, extensionId);
  await expect(history.getByRole('region', { name: 'Facebook 100001' })).toBeVisible();
  await expect(history.getByRole('region', { name: /61550000000666/ })).toHaveCount(0);
  expect(JSON.stringify(await storedHistory(worker))).not.toContain('61550000000666');
});

test('a cookie-only "login" forged by page script (no HttpOnly session) is filed as unknown account', async ({
  context,
  page,
  extensionId,
  worker,
}) => {
  await saveSettings(worker, ENGLISH_SETTINGS);
  await page.goto(REPLICA_URLS.fbEnglish);
  await page.evaluate(() => {
    document.cookie = 'c_user=100000666; domain=.facebook.com; path=/; secure; samesite=none; max-age=3600';
    document.cookie = 'xs=forged; domain=.facebook.com; path=/; secure; samesite=none; max-age=3600';
  });
  await (await autofillAndSend(page, REPLICA_URLS.fbEnglish, 'Send')).sent;
  await expect(page.getByText(REPLICA_TEXTS.fbEnglish.confirmation.slice(0, 40))).toBeVisible();

  const history = await openHistory(context, extensionId);
  await expect(history.getByRole('region', { name: 'Facebook, unknown account (me@example.org)' })).toBeVisible();
  expect(JSON.stringify(await storedHistory(worker))).not.toContain('100000666');
});

test('a __proto__ import pollutes nothing, changes nothing, and the proof page says "not found"', async ({
  context,
  extensionId,
  worker,
}) => {
  await seedHistory(worker);
  const history = await openHistory(context, extensionId);
  const account = history.getByRole('region', { name: 'My profile' });
  await expect(account).toBeVisible();
  const before = await storedHistory(worker);
  const exportedAt = '2025-07-01T12:00:00.000Z';
  const entry = (before as { entries: Array<Record<string, unknown>> }).entries[0]!;

  // 1. An account keyed __proto__ (the attack that used to set Object.prototype.label everywhere).
  await importFile(history, 'evil.json', {
    format: 'objector-history',
    version: 1,
    exportedAt,
    accounts: [{ key: '__proto__', platform: 'facebook', accountId: null, label: 'Hacked' }],
    entries: [{ ...entry, id: 'evil-entry-0001', accountKey: '__proto__' }],
  });
  await expect(history.getByRole('alert')).toContainText('This file is damaged: accounts.0.key');
  await expect(history.locator('.import-preview')).toHaveCount(0);

  // 2. The same with `constructor` and `toString`, and a version 1 history object keyed by __proto__.
  for (const key of ['constructor', 'toString']) {
    await importFile(history, `${key}.json`, { format: 'objector-history', version: 2, exportedAt, accounts: [{ key, platform: 'facebook', accountId: null }], entries: [] });
    await expect(history.getByRole('alert')).toContainText('This file is damaged: accounts.0.key');
  }
  await importFile(
    history,
    'proto-object.json',
    `{"format":"objector-history","version":1,"exportedAt":"${exportedAt}","accounts":{"__proto__":{"key":"__proto__","platform":"facebook","accountId":null,"label":"Hacked"}},"entries":[]}`,
  );
  await expect(history.getByRole('alert')).toContainText('This file is damaged');

  // 3. A file that passes, with a nested __proto__ inside an account: accepted without its extra keys.
  await importFile(
    history,
    'nested.json',
    `{"format":"objector-history","version":2,"exportedAt":"${exportedAt}","accounts":[{"key":"instagram:300003","platform":"instagram","accountId":"300003","__proto__":{"label":"Hacked"}}],"entries":[]}`,
  );
  await expect(history.getByText(/0 submissions and 1 account will be added/)).toBeVisible();
  await history.getByRole('button', { name: 'Add to history' }).click();
  await expect(history.getByRole('status').filter({ hasText: /Added 0 submissions/ })).toBeVisible();
  await expect(history.getByRole('region', { name: 'Instagram 300003' })).toBeVisible();
  await expect(history.getByText('Hacked')).toHaveCount(0);

  expect(await polluted(history)).toEqual([]);
  expect(await polluted(worker)).toEqual([]);
  const after = (await storedHistory(worker)) as { accounts: unknown[]; entries: unknown[] };
  expect(after.entries).toEqual((before as { entries: unknown[] }).entries);
  expect(after.accounts).toHaveLength(2);
  // The user's own export still re-imports (it used to fail once polluted).
  await expect(account).toBeVisible();

  // The proof page for such keys is a clear "not found", never a blank page.
  for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    const proof = await openHistory(context, extensionId, `?proof=${encodeURIComponent(key)}&noprint=1`);
    await expect(proof.getByRole('alert')).toHaveText('This account is not in your history.');
    await proof.close();
  }
  const proof = await openHistory(context, extensionId, `?proof=${encodeURIComponent('facebook:100001')}&noprint=1`);
  await expect(proof.getByText('I object.')).toBeVisible();
  await screenshot(history, 'history-after-proto-import');
});

/** Makes every write to storage.local fail as a full Chrome storage does; returns a function that undoes it. */
async function fillStorage(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const local = chrome.storage.local as unknown as { set: (...args: unknown[]) => Promise<void> };
    local.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
  });
}

test('storage full: the user is told the truth, and nothing is claimed saved', async ({ context, page, extensionId, worker }) => {
  await seedHistory(worker);
  await facebookUserWithSettings(context, worker);
  const history = await openHistory(context, extensionId);
  const account = history.getByRole('region', { name: 'My profile' });
  await expect(account).toBeVisible();
  const before = await storedHistory(worker);
  await fillStorage(worker);

  // A change on the history page.
  await account.getByRole('textbox', { name: 'Name for this account' }).fill('Renamed');
  await account.getByRole('button', { name: 'Save' }).click();
  await expect(history.getByRole('alert')).toContainText("Nothing was saved: the browser's storage for Objector is full.");
  await expect(history.getByText('Name saved.')).toHaveCount(0);
  await expect(history.getByRole('region', { name: 'Renamed' })).toHaveCount(0);

  const control = page.locator('[data-objector-control]');
  const saveFailed =
    "Objector could not save this submission in its history: the browser's storage for Objector is full. Your form " +
    "was still sent to Meta. Note today's date, then open Objector's history page, export your history to keep a copy " +
    'and delete submissions you no longer need.';

  // A Send on Meta's server-rendered form: it posts and the page reloads on Meta's answer. The background
  // answers with an error and stores nothing; the new page says so, in the same words, without Autofill.
  await (await autofillAndSend(page, REPLICA_URLS.fbEnglish, 'Send')).sent;
  await expect(page.getByText(REPLICA_TEXTS.fbEnglish.confirmation.slice(0, 40))).toBeVisible();
  await expect(control.getByRole('status')).toHaveText(saveFailed);
  await expect(control).not.toContainText(/saved in Objector's history|Saved in your history|Meta confirmed/);
  await expect(control.getByRole('button', { name: /Autofill/ })).toBeHidden();
  await screenshot(page, 'form-storage-full-reloaded');
  expect(await storedHistory(worker)).toEqual(before);
  // Said once: the same form opened again is a fresh form, with the offer.
  await page.goto(REPLICA_URLS.fbEnglish);
  await expect(page.getByRole('button', { name: /Autofill/ })).toBeVisible();
  await expect(control).not.toContainText('could not save');

  // On a form that stays on the page, the control says so in words, with the way out: not "saved".
  await (await autofillAndSend(page, REPLICA_URLS.fbEnglishSpa, REPLICA_TEXTS.fbEnglishSpa.send)).sent;
  await expect(page.getByText(REPLICA_TEXTS.fbEnglishSpa.confirmation.slice(0, 40))).toBeVisible();
  await expect(control.getByRole('status')).toHaveText(saveFailed);
  await expect(control).not.toContainText(/saved in Objector's history|Saved in your history/);
  await expect(control.getByRole('button', { name: /Autofill/ })).toBeHidden();
  await screenshot(page, 'form-storage-full');
  expect(await storedHistory(worker)).toEqual(before);
  await screenshot(history, 'history-storage-full');
});

test('zod runs without eval: no CSP violation in the worker or the history page', async ({ context, extensionId, worker }) => {
  const problems: string[] = [];
  const watch = (source: string) => (message: ConsoleMessage) => {
    if (message.type() === 'error' || /Content Security Policy|unsafe-eval/i.test(message.text())) problems.push(`${source}: ${message.text()}`);
  };
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await seedHistory(worker);

  // A fresh worker, watched from its first line: zod builds its schemas when the worker starts (the Worker
  // object follows the new instance).
  const page = await openHistory(context, extensionId);
  page.on('console', watch('history page'));
  page.on('pageerror', (error) => problems.push(`history page: ${error.message}`));
  worker.on('console', watch('worker'));
  await stopExtensionWorker(context, page, extensionId);
  await page.reload();
  await expect(page.getByRole('region', { name: 'My profile' })).toBeVisible();
  // Wake the worker (and its schemas) with a real change, and read the page's own schemas.
  await page.getByRole('region', { name: 'My profile' }).getByRole('textbox', { name: 'Name for this account' }).fill('Renamed');
  await page.getByRole('region', { name: 'My profile' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('region', { name: 'Renamed' })).toBeVisible();
  await importFile(page, 'bad.json', '{"format":"objector-history","version":2,"exportedAt":"x","accounts":[],"entries":[]}');
  await expect(page.getByRole('alert')).toContainText('This file is damaged');
  const popup = await context.newPage();
  popup.on('console', watch('popup'));
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading').first()).toBeVisible();
  expect(problems).toEqual([]);
  // The worker's own violations do not reach Playwright: check that zod was configured there before use.
  const jitless = () => (globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless;
  expect(await worker.evaluate(jitless)).toBe(true);
  expect(await page.evaluate(jitless)).toBe(true);
});

/**
 * Five tabs on Meta's form, each sending ten times (trusted clicks), the worker stopped in the middle. Each Send
 * uses its own e-mail address, and the tab moves on only once the control says that Meta's answer is saved in
 * the history, as a user who waits for Objector's word would: the engine keeps sending a report the stopped
 * worker lost until the background acknowledges it, so every answer Meta gave reaches its entry.
 */
test('5 tabs × 10 trusted Sends with the worker stopped during the burst → 50 entries, all Confirmed', async ({ context, extensionId, worker, replicas }) => {
  void replicas;
  // 50 real Sends through Meta's replica (page load, Autofill, Send, Meta's answer each): a budget for the
  // work, not a wait; every step below waits on a condition.
  test.setTimeout(360_000);
  await logIn(context, 'instagram', '200002');
  await saveSettings(worker, { reasonIds: ['no-consent'], ownWords: '', email: 'ich@example.de', country: 'DE' });
  const history = await openHistory(context, extensionId);
  const tabs = await Promise.all(Array.from({ length: 5 }, () => context.newPage()));
  let sent = 0;
  let stopRequested: Promise<void> | null = null;

  const sendTenTimes = async (tab: Page, t: number) => {
    const control = tab.locator('[data-objector-control]').getByRole('status');
    for (let i = 0; i < 10; i++) {
      await tab.goto(REPLICA_URLS.igGerman, { waitUntil: 'commit' });
      await tab.getByRole('button', { name: /Autofill/ }).click();
      await expect(control).toContainText('Filled in');
      await tab.locator('input[autocomplete="email"]').fill(`tab${t}-send${i}@example.de`);
      await tab.getByRole('button', { name: REPLICA_TEXTS.igGerman.send, exact: true }).click();
      await expect(tab.getByText(REPLICA_TEXTS.igGerman.confirmation.slice(0, 30))).toBeVisible();
      // What the user sees once the background has acknowledged Meta's answer.
      await expect(control).toContainText('Saved in your history as Confirmed');
      sent++;
      if (sent === 20) stopRequested = stopExtensionWorker(context, history, extensionId);
    }
  };
  await Promise.all(tabs.map(sendTenTimes));
  expect(stopRequested).not.toBeNull();
  await stopRequested;

  const account = history.getByRole('region', { name: 'Instagram 200002' });
  await history.reload();
  await expect(account).toContainText('50 submissions');
  const stored = (await storedHistory(worker)) as { entries: Array<{ id: string; email: string; status: string; statusLog: Array<{ status: string }> }> };
  expect(new Set(stored.entries.map((e) => e.id)).size).toBe(50);
  expect(new Set(stored.entries.map((e) => e.email)).size).toBe(50);
  expect(stored.entries.filter((e) => e.status !== 'confirmed')).toEqual([]);
  // Reports sent again left no trace: one Submitted and one Confirmed per entry.
  expect(stored.entries.every((e) => e.statusLog.map((s) => s.status).join() === 'submitted,confirmed')).toBe(true);
});
