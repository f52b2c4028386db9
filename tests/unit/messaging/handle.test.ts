import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/src/messaging/handle';
import { backgroundMessages, type SubmissionReport } from '@/src/messaging/protocol';
import { errorAnswerSchema } from '@/src/messaging/answers';
import { formRules } from '@/src/forms/rules/data';
import { saveSettings } from '@/src/settings/settings';
import { loadCatalogue } from '@/src/reasons/catalogue';
import { loadHistory } from '@/src/history/persist';
import { toExportFile } from '@/src/history/exchange';
import { report } from '../history/helpers';

const catalogue = loadCatalogue();
const TAB = { tab: { id: 12 } };

/** Meta's login cookies, as the browser would give them to the extension. */
let cookies: Record<string, string> = {};
function setCookies(values: Record<string, string>) {
  cookies = values;
}

/** A submission as the content script reports it (shared with the history tests). */
function submission(over: Partial<SubmissionReport> = {}): SubmissionReport {
  return report({ email: 'Me@Example.org', reasonIds: ['no-consent'], text: 'Ich widerspreche.', at: '2025-06-02T09:30:00.000Z', ...over });
}

/** The compose answer, checked against the table's schema (never cast). */
const composeAnswer = (answer: unknown) => backgroundMessages.compose.answer.parse(answer);

const storedLocal = () => fakeBrowser.storage.local.get(null);

beforeEach(() => {
  fakeBrowser.reset();
  cookies = {};
  vi.spyOn(fakeBrowser.cookies, 'get').mockImplementation((async (details: { url: string; name: string }) => {
    const value = cookies[`${details.url}|${details.name}`];
    return value === undefined ? null : ({ name: details.name, value } as never);
  }) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('invalid messages', () => {
  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'submitted'],
    ['an unknown type', { type: 'drop-tables' }],
    ['a submission without id', { type: 'submitted', submission: { ...submission(), id: undefined } }],
    ['a submission with a short id', { type: 'submitted', submission: submission({ id: 'x' }) }],
    ['a submission on another platform', { type: 'submitted', submission: { ...submission(), platform: 'tiktok' } }],
    ['a submission with a non-numeric form id', { type: 'submitted', submission: submission({ formId: '../../etc' }) }],
    ['a status that does not exist', { type: 'status', id: 'submission-0001', status: 'maybe', at: '2025-06-02T09:30:00.000Z' }],
    ['a compose with a negative maxLength', { type: 'compose', maxLength: -5 }],
    ['a label that is too long', { type: 'history:label', accountKey: 'facebook:1', label: 'x'.repeat(81) }],
    ['an e-mail date in another format', { type: 'history:email-received', entryId: 'submission-0001', date: '03.06.2025' }],
  ])('%s → {error}, nothing stored', async (_name, message) => {
    const answer = await handleMessage(message, TAB);
    expect(answer).toEqual({ error: 'Invalid message' });
    expect(await storedLocal()).toEqual({});
  });
});

describe('rule', () => {
  it.each(formRules.map((r) => [r.id] as const))('returns the full rule of %s, in the shape the content script checks', async (id) => {
    const answer = await handleMessage({ type: 'rule', id }, TAB);
    expect(answer).toEqual(formRules.find((r) => r.id === id));
    expect(backgroundMessages.rule.answer.safeParse(answer).success).toBe(true);
  });

  it('an unknown id → {error}', async () => {
    const answer = await handleMessage({ type: 'rule', id: 'facebook-login-help' }, TAB);
    expect(errorAnswerSchema.safeParse(answer).success).toBe(true);
  });
});

describe('compose', () => {
  it('uses the saved settings and the form language', async () => {
    await saveSettings({ reasonIds: ['memorisation', 'no-consent'], ownWords: 'Meine Worte.', email: 'me@example.org', country: 'AT' });
    const answer = await handleMessage({ type: 'compose', lang: 'de' }, TAB);
    expect(backgroundMessages.compose.answer.safeParse(answer).success).toBe(true);
    const de = catalogue.de;
    expect(answer).toEqual({
      text: [de.opening, de.reasons.memorisation!.text, de.reasons['no-consent']!.text, 'Meine Worte.', de.closing].join('\n\n'),
      lang: 'de',
      reasonIds: ['memorisation', 'no-consent'],
      email: 'me@example.org',
      country: 'AT',
      droppedReasons: 0,
      ownWordsDropped: false,
    });
  });

  it('on a form in an unknown language, uses the browser language', async () => {
    vi.mocked(fakeBrowser.i18n.getUILanguage).mockReturnValue('nl-NL');
    const answer = composeAnswer(await handleMessage({ type: 'compose', lang: 'zz' }, TAB));
    expect(answer.lang).toBe('nl');
    expect(answer.text.startsWith(catalogue.nl.opening)).toBe(true);
  });

  it('first run: the default reasons, no e-mail, no country', async () => {
    const answer = composeAnswer(await handleMessage({ type: 'compose', lang: 'fr' }, TAB));
    expect(answer.reasonIds.length).toBeGreaterThan(0);
    expect(answer).toMatchObject({ email: '', country: '' });
  });

  it("respects the field's maxlength and says how many reasons were left out", async () => {
    await saveSettings({ reasonIds: ['no-consent', 'irreversible', 'old-posts'], ownWords: '', email: '', country: '' });
    const en = catalogue.en;
    const maxLength = [en.opening, en.reasons['old-posts']!.text, en.closing].join('\n\n').length;
    const answer = composeAnswer(await handleMessage({ type: 'compose', lang: 'en', maxLength }, TAB));
    expect(answer.text.length).toBeLessThanOrEqual(maxLength);
    expect(answer.reasonIds).toEqual(['old-posts']);
    expect(answer.droppedReasons).toBe(2);
  });

  it('corrupt settings still compose (with what could be salvaged)', async () => {
    await fakeBrowser.storage.sync.set({ settings: { reasonIds: ['safety'], ownWords: 3, email: 'broken', country: 'NL' } });
    const answer = composeAnswer(await handleMessage({ type: 'compose', lang: 'en' }, TAB));
    expect(answer).toMatchObject({ reasonIds: ['safety'], email: '', country: 'NL' });
  });
});

describe('submitted', () => {
  it('records an entry under the account of the c_user cookie', async () => {
    setCookies({ 'https://www.facebook.com/|c_user': '100012345678901' });
    expect(await handleMessage({ type: 'submitted', submission: submission() }, TAB)).toEqual({ ok: true });
    const { doc } = await loadHistory();
    expect(doc.entries).toHaveLength(1);
    expect(doc.entries[0]).toMatchObject({ id: 'submission-0001', accountKey: 'facebook:100012345678901', status: 'submitted' });
    expect(doc.accounts['facebook:100012345678901']).toMatchObject({ accountId: '100012345678901' });
  });

  it('i_user (acting as another profile) wins over c_user', async () => {
    setCookies({ 'https://www.facebook.com/|c_user': '100012345678901', 'https://www.facebook.com/|i_user': '61550000000001' });
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect((await loadHistory()).doc.entries[0]!.accountKey).toBe('facebook:61550000000001');
  });

  it('Instagram uses ds_user_id (and not the Facebook cookies)', async () => {
    setCookies({ 'https://www.instagram.com/|ds_user_id': '5550001', 'https://www.facebook.com/|c_user': '100012345678901' });
    await handleMessage({ type: 'submitted', submission: submission({ platform: 'instagram', formId: '767264225370182' }) }, TAB);
    expect((await loadHistory()).doc.entries[0]!.accountKey).toBe('instagram:5550001');
  });

  it('no cookie → the unknown account of the e-mail used', async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    const { doc } = await loadHistory();
    expect(doc.entries[0]!.accountKey).toBe('facebook:unknown:me@example.org');
    expect(doc.accounts['facebook:unknown:me@example.org']).toMatchObject({ accountId: null });
  });

  it.each([['abc'], [''], ['  '], ['12 34'], ['1'.repeat(31)]])('a cookie that is not an account id (%j) counts as no login', async (value) => {
    setCookies({ 'https://www.facebook.com/|c_user': value });
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect((await loadHistory()).doc.entries[0]!.accountKey).toBe('facebook:unknown:me@example.org');
  });

  it('a repeated report of the same submission makes one entry', async () => {
    setCookies({ 'https://www.facebook.com/|c_user': '1' });
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect((await loadHistory()).doc.entries).toHaveLength(1);
  });

  it("the tab's submission is pending until Meta answers (a reloaded page finds it)", async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual({ id: 'submission-0001' });
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, { tab: { id: 13 } })).toEqual({ id: null });
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, {})).toEqual({ id: null });
  });
});

describe('status', () => {
  it('updates the entry and clears the pending submission', async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect(await handleMessage({ type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:31:00.000Z' }, TAB)).toEqual({ ok: true });
    const entry = (await loadHistory()).doc.entries[0]!;
    expect(entry.status).toBe('confirmed');
    expect(entry.statusLog).toEqual([
      { status: 'submitted', at: '2025-06-02T09:30:00.000Z' },
      { status: 'confirmed', at: '2025-06-02T09:31:00.000Z' },
    ]);
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual({ id: null });
  });

  it('failed, then a late confirmation', async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    await handleMessage({ type: 'status', id: 'submission-0001', status: 'failed', at: '2025-06-02T09:31:00.000Z' }, TAB);
    await handleMessage({ type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:40:00.000Z' }, TAB);
    expect((await loadHistory()).doc.entries[0]!.status).toBe('confirmed');
  });

  it('an unknown submission → {error}', async () => {
    const answer = await handleMessage({ type: 'status', id: 'submission-9999', status: 'confirmed', at: '2025-06-02T09:31:00.000Z' }, TAB);
    expect(errorAnswerSchema.safeParse(answer).success).toBe(true);
  });
});

describe('account-status', () => {
  it('tells the form that this account already has a confirmed objection', async () => {
    setCookies({ 'https://www.facebook.com/|c_user': '100012345678901' });
    expect(await handleMessage({ type: 'account-status', platform: 'facebook' }, TAB)).toEqual({ confirmedAt: null, account: null });
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    await handleMessage({ type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:31:00.000Z' }, TAB);
    await handleMessage({ type: 'history:label', accountKey: 'facebook:100012345678901', label: 'Main' }, TAB);
    expect(await handleMessage({ type: 'account-status', platform: 'facebook' }, TAB)).toEqual({ confirmedAt: '2025-06-02T09:31:00.000Z', account: 'Main' });
    // Another account in the same browser has not objected.
    setCookies({ 'https://www.facebook.com/|c_user': '100099999999999' });
    expect(await handleMessage({ type: 'account-status', platform: 'facebook' }, TAB)).toEqual({ confirmedAt: null, account: null });
  });

  it('not logged in → nothing known', async () => {
    expect(await handleMessage({ type: 'account-status', platform: 'instagram' }, TAB)).toEqual({ confirmedAt: null, account: null });
  });
});

describe('history messages', () => {
  async function withOneEntry() {
    setCookies({ 'https://www.facebook.com/|c_user': '1' });
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    return (await fakeBrowser.storage.local.get('history')).history;
  }

  it.each([
    ['not JSON', 'not json at all'],
    ['a foreign JSON file', JSON.stringify({ hello: 'world' })],
    ['a damaged export', JSON.stringify({ format: 'objector-history', version: 1, exportedAt: 'x', accounts: [], entries: [] })],
  ])('history:import of %s → {error}, history unchanged', async (_name, file) => {
    const before = await withOneEntry();
    const answer = await handleMessage({ type: 'history:import', file }, TAB);
    expect(errorAnswerSchema.safeParse(answer).success).toBe(true);
    expect((await fakeBrowser.storage.local.get('history')).history).toEqual(before);
  });

  it('history:import of a valid export adds what is missing', async () => {
    await withOneEntry();
    const { doc } = await loadHistory();
    const other = structuredClone(doc);
    other.entries.push({ ...other.entries[0]!, id: 'submission-0002' });
    const file = JSON.stringify(toExportFile(other, new Date('2025-07-01T00:00:00.000Z')));
    expect(await handleMessage({ type: 'history:import', file }, TAB)).toEqual({ addedEntries: 1, addedAccounts: 0, duplicates: 1 });
    expect((await loadHistory()).doc.entries.map((e) => e.id)).toEqual(['submission-0001', 'submission-0002']);
  });

  it('label, e-mail received, delete entry, delete account', async () => {
    await withOneEntry();
    expect(await handleMessage({ type: 'history:label', accountKey: 'facebook:1', label: 'Work' }, TAB)).toEqual({ ok: true });
    expect(await handleMessage({ type: 'history:email-received', entryId: 'submission-0001', date: '2025-06-03' }, TAB)).toEqual({ ok: true });
    let { doc } = await loadHistory();
    expect(doc.accounts['facebook:1']!.label).toBe('Work');
    expect(doc.entries[0]!.emailReceivedOn).toBe('2025-06-03');
    expect(await handleMessage({ type: 'history:delete-entry', entryId: 'submission-0001' }, TAB)).toEqual({ ok: true });
    expect((await loadHistory()).doc.entries).toHaveLength(0);
    expect(await handleMessage({ type: 'history:delete-account', accountKey: 'facebook:1' }, TAB)).toEqual({ ok: true });
    ({ doc } = await loadHistory());
    expect(doc.accounts).toEqual({});
  });

  it('labelling an account that does not exist → {error}, nothing changes', async () => {
    const before = await withOneEntry();
    const answer = await handleMessage({ type: 'history:label', accountKey: 'facebook:999', label: 'x' }, TAB);
    expect(answer).toEqual({ error: 'No such account' });
    expect((await fakeBrowser.storage.local.get('history')).history).toEqual(before);
  });
});
