import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type Sender } from '@/src/messaging/handle';
import { errorAnswerSchema } from '@/src/messaging/answers';
import { formRuleSchema as ruleAnswerSchema } from '@/src/forms/rules/schema';
import { backgroundMessages, type SubmissionReport } from '@/src/messaging/protocol';
import { formRules } from '@/src/forms/rules/data';
import { saveSettings } from '@/src/settings/settings';
import { loadCatalogue } from '@/src/reasons/catalogue-all';
import { composeObjection } from '@/src/reasons/compose';
import { loadHistory } from '@/src/history/persist';
import { toExportFile } from '@/src/history/exchange';
import { exportFileSchema } from '@/src/history/schema';
import { report, storedHistoryValues } from '../history/helpers';

const catalogue = loadCatalogue();
const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}/`;
/** Objector's content script in a tab on Meta's Facebook form. */
const TAB: Sender = { id: ID, url: 'https://www.facebook.com/help/contact/712876720715583', frameId: 0, tab: { id: 12, url: 'https://www.facebook.com/help/contact/712876720715583' } };
const IG_TAB: Sender = { id: ID, url: 'https://help.instagram.com/contact/767264225370182', frameId: 0, tab: { id: 14, url: 'https://help.instagram.com/contact/767264225370182' } };
/** Objector's history page, in a tab of its own. */
const PAGE: Sender = { id: ID, url: `${ORIGIN}objections.html`, tab: { id: 30, url: `${ORIGIN}objections.html` } };
/** The popup: an extension page without a tab. */
const POPUP: Sender = { id: ID, url: `${ORIGIN}popup.html` };

/** Meta's cookies as the browser gives them to the extension: name → value (and whether it is HttpOnly). */
type Jar = Record<string, string | { value: string; httpOnly: boolean }>;
let cookies: Jar = {};
function setCookies(values: Jar) {
  cookies = values;
}
/** Logged in to Facebook: the HttpOnly session cookie `xs` and the person's `c_user`. */
const facebookLogin = (id: string): Jar => ({
  'https://www.facebook.com/|xs': { value: '41%3Asecret%3A2%3A1700000000', httpOnly: true },
  'https://www.facebook.com/|c_user': id,
});
/** Logged in to Instagram: the HttpOnly `sessionid` (starting with the id) and `ds_user_id`. */
const instagramLogin = (id: string): Jar => ({
  'https://www.instagram.com/|sessionid': { value: `${id}%3AAbCdEf%3A12%3AAYx`, httpOnly: true },
  'https://www.instagram.com/|ds_user_id': id,
});

/** A submission as the content script reports it (shared with the history tests). */
function submission(over: Partial<SubmissionReport> = {}): SubmissionReport {
  return report({ email: 'Me@Example.org', reasonIds: ['no-consent'], text: 'Ich widerspreche.', at: '2025-06-02T09:30:00.000Z', ...over });
}
const igSubmission = () => submission({ platform: 'instagram', formId: '767264225370182', url: 'https://help.instagram.com/contact/767264225370182' });

/** The `pending` answer when the tab's last Send left nothing for its reloaded page. */
const NOTHING_PENDING = { id: null, saveFailed: null };

const storedLocal = () => fakeBrowser.storage.local.get(null);
const storedHistory = storedHistoryValues;

const composeAnswer = (answer: unknown) => backgroundMessages.compose.answer.parse(answer);

beforeEach(() => {
  fakeBrowser.reset();
  cookies = {};
  vi.spyOn(fakeBrowser.cookies, 'get').mockImplementation((async (details: { url: string; name: string }) => {
    const found = cookies[`${details.url}|${details.name}`];
    if (found === undefined) return null;
    const { value, httpOnly } = typeof found === 'string' ? { value: found, httpOnly: false } : found;
    return { name: details.name, value, httpOnly } as never;
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
  ])('%s → invalid-message, nothing stored', async (_name, message) => {
    const answer = await handleMessage(message, String(message && (message as { type?: string }).type).startsWith('history:') ? PAGE : TAB);
    expect(answer).toEqual({ error: 'invalid-message', problem: { code: 'invalid-message' } });
    expect(await storedLocal()).toEqual({});
  });
});

describe('senders: each message only from where it may come', () => {
  const refused = { error: 'sender-refused', problem: { code: 'sender-refused' } };
  const onHost = (url: string, over: Partial<Sender> = {}): Sender => ({ id: ID, url, frameId: 0, tab: { id: 40, url }, ...over });

  it.each<[string, Sender]>([
    ['another extension', { ...TAB, id: 'someone-else' }],
    ['no extension id', { url: TAB.url, tab: TAB.tab }],
    ['a content script on developers.facebook.com', onHost('https://developers.facebook.com/help/contact/712876720715583')],
    ['a content script on business.facebook.com', onHost('https://business.facebook.com/help/contact/712876720715583')],
    ['a content script on plain http', onHost('http://www.facebook.com/help/contact/712876720715583')],
    ['a content script on a look-alike host', onHost('https://www.facebook.com.evil.example/help/contact/712876720715583')],
    ['a content script in a frame', { ...TAB, frameId: 3 }],
    ['a content script without a tab', { id: ID, url: TAB.url }],
    ['the history page', PAGE],
    ['the popup', POPUP],
  ])('a submission from %s is refused and nothing is stored', async (_name, sender) => {
    setCookies(facebookLogin('1'));
    expect(await handleMessage({ type: 'submitted', submission: submission() }, sender)).toEqual(refused);
    expect(await storedLocal()).toEqual({});
  });

  it.each<[string, Sender]>([
    ['www', onHost('https://www.facebook.com/help/contact/712876720715583')],
    ['web', onHost('https://web.facebook.com/help/contact/712876720715583')],
    ['m', onHost('https://m.facebook.com/help/contact/712876720715583')],
    ['mbasic', onHost('https://mbasic.facebook.com/help/contact/712876720715583')],
    ['touch', onHost('https://touch.facebook.com/help/contact/712876720715583')],
    ['a locale host', onHost('https://fr-fr.facebook.com/help/contact/712876720715583')],
  ])('a submission from the Facebook form on %s is recorded', async (_name, sender) => {
    expect(await handleMessage({ type: 'submitted', submission: submission() }, sender)).toEqual({ ok: true });
    expect((await loadHistory()).doc.entries).toHaveLength(1);
  });

  it('a tab on Instagram cannot report a Facebook submission (nor the reverse)', async () => {
    expect(await handleMessage({ type: 'submitted', submission: submission() }, IG_TAB)).toEqual(refused);
    expect(await handleMessage({ type: 'submitted', submission: igSubmission() }, TAB)).toEqual(refused);
    expect(await storedLocal()).toEqual({});
  });

  it.each<[string, Sender]>([
    ['a content script on a form', TAB],
    ['another extension', { ...PAGE, id: 'someone-else' }],
    ['an extension page shown in a tab of a web page', { ...PAGE, tab: { id: 5, url: 'https://www.facebook.com/' } }],
  ])('history changes from %s are refused and change nothing', async (_name, sender) => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    const before = await storedHistory();
    for (const message of [
      { type: 'history:label', accountKey: 'facebook:unknown:me@example.org', label: 'x' },
      { type: 'history:delete-entry', entryId: 'submission-0001' },
      { type: 'history:delete-account', accountKey: 'facebook:unknown:me@example.org' },
      { type: 'history:import', file: JSON.stringify(toExportFile((await loadHistory()).doc, new Date())) },
      { type: 'history:import-preview', file: JSON.stringify(toExportFile((await loadHistory()).doc, new Date())) },
    ]) {
      expect(await handleMessage(message, sender)).toEqual(refused);
    }
    expect(await storedHistory()).toEqual(before);
  });

  it('status and pending from the history page are refused', async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect(await handleMessage({ type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:31:00.000Z' }, PAGE)).toEqual(refused);
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, PAGE)).toEqual(refused);
    expect((await loadHistory()).doc.entries[0]!.status).toBe('submitted');
  });

  it('the popup (no tab) may change the history', async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect(await handleMessage({ type: 'history:delete-entry', entryId: 'submission-0001' }, POPUP)).toEqual({ ok: true });
  });
});

describe('rule', () => {
  it.each(formRules.map((r) => [r.id] as const))('returns the full rule of %s, in the shape the content script checks', async (id) => {
    const answer = await handleMessage({ type: 'rule', id }, TAB);
    expect(answer).toEqual(formRules.find((r) => r.id === id));
    expect(ruleAnswerSchema.safeParse(answer).success).toBe(true);
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
    // The text is the composition of the saved choices for a German form (compose.test.ts tests composing).
    const composed = composeObjection({ catalogue, reasonIds: ['memorisation', 'no-consent'], ownWords: 'Meine Worte.', formLang: 'de', userLang: undefined });
    expect(composed.lang).toBe('de');
    expect(answer).toEqual({
      text: composed.text,
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
    // Room for exactly the first of the three reasons.
    const maxLength = composeObjection({ catalogue, reasonIds: ['old-posts'], ownWords: '', formLang: 'en', userLang: undefined }).text.length;
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

describe('submitted: the account is whoever is logged in, proven by an HttpOnly cookie', () => {
  it('records an entry under the account of the c_user cookie, while the HttpOnly xs session exists', async () => {
    setCookies(facebookLogin('100012345678901'));
    expect(await handleMessage({ type: 'submitted', submission: submission() }, TAB)).toEqual({ ok: true });
    const { doc } = await loadHistory();
    expect(doc.entries).toHaveLength(1);
    expect(doc.entries[0]).toMatchObject({ id: 'submission-0001', accountKey: 'facebook:100012345678901', status: 'submitted' });
    expect(doc.accounts.get('facebook:100012345678901')).toMatchObject({ accountId: '100012345678901' });
  });

  it('an i_user that page script could have written (not HttpOnly, as Meta sets it) does not change the account', async () => {
    setCookies({ ...facebookLogin('100012345678901'), 'https://www.facebook.com/|i_user': '61550000000001' });
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect((await loadHistory()).doc.entries[0]!.accountKey).toBe('facebook:100012345678901');
  });

  it('an HttpOnly i_user (which page script cannot write) is the profile the user switched to', async () => {
    setCookies({ ...facebookLogin('100012345678901'), 'https://www.facebook.com/|i_user': { value: '61550000000001', httpOnly: true } });
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect((await loadHistory()).doc.entries[0]!.accountKey).toBe('facebook:61550000000001');
  });

  it.each<[string, Jar]>([
    ['only c_user (no session)', { 'https://www.facebook.com/|c_user': '100012345678901' }],
    ['c_user and an xs that page script wrote', { 'https://www.facebook.com/|c_user': '100012345678901', 'https://www.facebook.com/|xs': 'forged' }],
    ['c_user and i_user, no session', { 'https://www.facebook.com/|c_user': '1', 'https://www.facebook.com/|i_user': '2' }],
  ])('cookies a page could have set (%s) prove no login: the unknown account of the e-mail used', async (_name, jar) => {
    setCookies(jar);
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect((await loadHistory()).doc.entries[0]!.accountKey).toBe('facebook:unknown:me@example.org');
  });

  it('Instagram: the id in the HttpOnly sessionid (and not the Facebook cookies)', async () => {
    setCookies({ ...instagramLogin('5550001'), ...facebookLogin('100012345678901') });
    await handleMessage({ type: 'submitted', submission: igSubmission() }, IG_TAB);
    expect((await loadHistory()).doc.entries[0]!.accountKey).toBe('instagram:5550001');
  });

  it('Instagram: a ds_user_id written by page script does not change the account', async () => {
    setCookies({ ...instagramLogin('5550001'), 'https://www.instagram.com/|ds_user_id': '6660002' });
    await handleMessage({ type: 'submitted', submission: igSubmission() }, IG_TAB);
    expect((await loadHistory()).doc.entries[0]!.accountKey).toBe('instagram:5550001');
  });

  it('Instagram: ds_user_id alone (no HttpOnly session) proves no login', async () => {
    setCookies({ 'https://www.instagram.com/|ds_user_id': '5550001' });
    await handleMessage({ type: 'submitted', submission: igSubmission() }, IG_TAB);
    expect((await loadHistory()).doc.entries[0]!.accountKey).toBe('instagram:unknown:me@example.org');
  });

  it('no cookie → the unknown account of the e-mail used', async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    const { doc } = await loadHistory();
    expect(doc.entries[0]!.accountKey).toBe('facebook:unknown:me@example.org');
    expect(doc.accounts.get('facebook:unknown:me@example.org')).toMatchObject({ accountId: null });
  });

  it.each([['abc'], [''], ['  '], ['12 34'], ['1'.repeat(31)]])('a c_user that is not an account id (%j) counts as no login', async (value) => {
    setCookies({ ...facebookLogin('1'), 'https://www.facebook.com/|c_user': value });
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect((await loadHistory()).doc.entries[0]!.accountKey).toBe('facebook:unknown:me@example.org');
  });

  it('a repeated report of the same submission makes one entry', async () => {
    setCookies(facebookLogin('1'));
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect((await loadHistory()).doc.entries).toHaveLength(1);
  });

  it("the tab's submission is pending until Meta answers (a reloaded page finds it, once)", async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, { ...TAB, tab: { id: 13, url: TAB.url } })).toEqual(NOTHING_PENDING);
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual({ id: 'submission-0001', saveFailed: null });
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual(NOTHING_PENDING);
  });

  it('storage full: the answer is an error, not ok, and the reloaded page of that tab learns why, once', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    expect(await handleMessage({ type: 'submitted', submission: submission() }, TAB)).toEqual({ error: 'storage-full', problem: { code: 'storage-full' } });
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, { ...TAB, tab: { id: 13, url: TAB.url } })).toEqual(NOTHING_PENDING);
    expect(await handleMessage({ type: 'pending', formId: '510058597920541' }, TAB)).toEqual(NOTHING_PENDING);
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual({ id: null, saveFailed: 'storage-full' });
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual(NOTHING_PENDING);
    expect((await loadHistory()).doc.entries).toEqual([]);
  });

  it('another storage failure is noted with its code; a later Send that is stored replaces the note', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('IO error: disk'));
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    set.mockRestore();
    await handleMessage({ type: 'submitted', submission: submission({ id: 'submission-0002' }) }, TAB);
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual({ id: 'submission-0002', saveFailed: null });
  });

  it('the note of a failed save expires like a pending submission', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2025-06-02T09:30:00.000Z'));
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    now.mockReturnValue(Date.parse('2025-06-02T09:45:00.000Z'));
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual(NOTHING_PENDING);
  });

  it('hostile: a corrupt note in session storage is dropped, never shown', async () => {
    await fakeBrowser.storage.session.set({ pending: { 12: { id: 'x', formId: '712876720715583', at: Date.now(), saveFailed: { code: 'storage-full' } } } });
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual(NOTHING_PENDING);
  });
});

describe('status', () => {
  it('updates the entry and clears the pending submission', async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    // The acknowledgement names what is stored: the engine says "saved as Confirmed" only on it.
    expect(await handleMessage({ type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:31:00.000Z' }, TAB)).toEqual({
      ok: true,
      status: 'confirmed',
    });
    const entry = (await loadHistory()).doc.entries[0]!;
    expect(entry.status).toBe('confirmed');
    expect(entry.statusLog).toEqual([
      { status: 'submitted', at: '2025-06-02T09:30:00.000Z' },
      { status: 'confirmed', at: '2025-06-02T09:31:00.000Z' },
    ]);
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual(NOTHING_PENDING);
  });

  it('failed, then a late confirmation', async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    await handleMessage({ type: 'status', id: 'submission-0001', status: 'failed', at: '2025-06-02T09:31:00.000Z' }, TAB);
    await handleMessage({ type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:40:00.000Z' }, TAB);
    expect((await loadHistory()).doc.entries[0]!.status).toBe('confirmed');
  });

  it('a repeated report (the engine retries until acknowledged) changes nothing and is acknowledged again', async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    const report = { type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:31:00.000Z' };
    await handleMessage(report, TAB);
    const once = (await loadHistory()).doc.entries;
    expect(await handleMessage(report, TAB)).toEqual({ ok: true, status: 'confirmed' });
    expect(await handleMessage({ ...report, at: '2025-06-02T09:35:00.000Z' }, TAB)).toEqual({ ok: true, status: 'confirmed' });
    expect((await loadHistory()).doc.entries).toEqual(once);
    expect(once[0]!.statusLog.filter((s) => s.status === 'confirmed')).toHaveLength(1);
  });

  it('a late or repeated "failed" never downgrades Confirmed: the answer says what is stored', async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    await handleMessage({ type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:31:00.000Z' }, TAB);
    expect(await handleMessage({ type: 'status', id: 'submission-0001', status: 'failed', at: '2025-06-02T09:32:00.000Z' }, TAB)).toEqual({
      ok: true,
      status: 'confirmed',
    });
    const entry = (await loadHistory()).doc.entries[0]!;
    expect(entry.status).toBe('confirmed');
    expect(entry.statusLog).toEqual([
      { status: 'submitted', at: '2025-06-02T09:30:00.000Z' },
      { status: 'confirmed', at: '2025-06-02T09:31:00.000Z' },
    ]);
  });

  it('a repeated submission report (its acknowledgement lost) adds no second entry', async () => {
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    await handleMessage({ type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:31:00.000Z' }, TAB);
    expect(await handleMessage({ type: 'submitted', submission: submission() }, TAB)).toEqual({ ok: true });
    const { entries } = (await loadHistory()).doc;
    expect(entries).toHaveLength(1);
    expect(entries[0]!.status).toBe('confirmed');
    // Nothing waits for Meta's answer any more: a reload of the form does not judge it again.
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual(NOTHING_PENDING);
  });

  it('an unknown submission → no-such-entry', async () => {
    const answer = await handleMessage({ type: 'status', id: 'submission-9999', status: 'confirmed', at: '2025-06-02T09:31:00.000Z' }, TAB);
    expect(answer).toEqual({ error: 'no-such-entry', problem: { code: 'no-such-entry' } });
  });
});

describe('account-status', () => {
  it('tells the form that this account already has a confirmed objection', async () => {
    setCookies(facebookLogin('100012345678901'));
    expect(await handleMessage({ type: 'account-status', platform: 'facebook' }, TAB)).toEqual({ confirmedAt: null, account: null });
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    await handleMessage({ type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:31:00.000Z' }, TAB);
    await handleMessage({ type: 'history:label', accountKey: 'facebook:100012345678901', label: 'Main' }, PAGE);
    expect(await handleMessage({ type: 'account-status', platform: 'facebook' }, TAB)).toEqual({ confirmedAt: '2025-06-02T09:31:00.000Z', account: 'Main' });
    // Another account in the same browser has not objected.
    setCookies(facebookLogin('100099999999999'));
    expect(await handleMessage({ type: 'account-status', platform: 'facebook' }, TAB)).toEqual({ confirmedAt: null, account: null });
  });

  it('not logged in → nothing known', async () => {
    expect(await handleMessage({ type: 'account-status', platform: 'instagram' }, IG_TAB)).toEqual({ confirmedAt: null, account: null });
  });
});

describe('history messages', () => {
  async function withOneEntry() {
    setCookies(facebookLogin('1'));
    await handleMessage({ type: 'submitted', submission: submission() }, TAB);
    return storedHistory();
  }

  it.each([
    ['not JSON', 'not json at all', 'import-not-json'],
    ['a foreign JSON file', JSON.stringify({ hello: 'world' }), 'import-foreign'],
    ['a damaged export', JSON.stringify({ format: 'objector-history', version: 1, exportedAt: 'x', accounts: [], entries: [] }), 'import-invalid'],
    ['an export keyed __proto__', JSON.stringify({ format: 'objector-history', version: 2, exportedAt: '2025-07-01T00:00:00.000Z', accounts: [{ key: '__proto__', platform: 'facebook', accountId: null, label: 'polluted' }], entries: [] }), 'import-invalid'],
  ])('history:import of %s → a coded error, history unchanged', async (_name, file, code) => {
    const before = await withOneEntry();
    const answer = await handleMessage({ type: 'history:import', file }, PAGE);
    expect(errorAnswerSchema.safeParse(answer).success).toBe(true);
    expect((answer as { problem: { code: string } }).problem.code).toBe(code);
    expect(await storedHistory()).toEqual(before);
    expect(({} as Record<string, unknown>).label).toBeUndefined();
  });

  it('history:import of a valid export adds what is missing', async () => {
    await withOneEntry();
    const { doc } = await loadHistory();
    const other = structuredClone(doc);
    other.entries.push({ ...other.entries[0]!, id: 'submission-0002' });
    const file = JSON.stringify(toExportFile(other, new Date('2025-07-01T00:00:00.000Z')));
    expect(await handleMessage({ type: 'history:import', file }, PAGE)).toEqual({ addedEntries: 1, addedAccounts: 0, duplicates: 1 });
    expect((await loadHistory()).doc.entries.map((e) => e.id)).toEqual(['submission-0001', 'submission-0002']);
  });

  it('history:import-preview says what adding would change, and changes nothing', async () => {
    const before = await withOneEntry();
    const { doc } = await loadHistory();
    const other = structuredClone(doc);
    other.entries.push({ ...other.entries[0]!, id: 'submission-0002' });
    const file = JSON.stringify(toExportFile(other, new Date('2025-07-01T00:00:00.000Z')));
    expect(await handleMessage({ type: 'history:import-preview', file }, PAGE)).toEqual({ addedEntries: 1, addedAccounts: 0, duplicates: 1, checkId: expect.any(String) });
    expect(await storedHistory()).toEqual(before);
    const refused = await handleMessage({ type: 'history:import-preview', file: '{"format":"objector-history","version":2}' }, PAGE);
    expect(refused).toMatchObject({ problem: { code: 'import-invalid' } });
    expect(await storedHistory()).toEqual(before);
  });

  it('a file checked for its preview is added by its check id: not sent or checked again', async () => {
    await withOneEntry();
    const other = structuredClone((await loadHistory()).doc);
    other.entries.push({ ...other.entries[0]!, id: 'submission-0002' });
    const file = JSON.stringify(toExportFile(other, new Date('2025-07-02T00:00:00.000Z')));
    const checks = vi.spyOn(exportFileSchema, 'safeParse');
    const { checkId } = backgroundMessages['history:import-preview'].answer.parse(await handleMessage({ type: 'history:import-preview', file }, PAGE));
    expect(await handleMessage({ type: 'history:import', checkId }, PAGE)).toEqual({ addedEntries: 1, addedAccounts: 0, duplicates: 1 });
    expect(checks).toHaveBeenCalledTimes(1);
    expect((await loadHistory()).doc.entries.map((e) => e.id)).toEqual(['submission-0001', 'submission-0002']);
    // The check is used once: the same id again (or an id the background never gave) asks for the file.
    expect(await handleMessage({ type: 'history:import', checkId }, PAGE)).toEqual({ needFile: true });
  });

  it('the same text sent after its preview is not checked again; a check id the background no longer has asks for the file and changes nothing', async () => {
    const before = await withOneEntry();
    const other = structuredClone((await loadHistory()).doc);
    other.entries.push({ ...other.entries[0]!, id: 'submission-0002' });
    const file = JSON.stringify(toExportFile(other, new Date('2025-07-03T00:00:00.000Z')));
    const { checkId } = backgroundMessages['history:import-preview'].answer.parse(await handleMessage({ type: 'history:import-preview', file }, PAGE));
    // Another file previewed since (or the worker restarted): that check is gone.
    await handleMessage({ type: 'history:import-preview', file: JSON.stringify(toExportFile((await loadHistory()).doc, new Date('2025-07-04T00:00:00.000Z'))) }, PAGE);
    expect(await handleMessage({ type: 'history:import', checkId }, PAGE)).toEqual({ needFile: true });
    expect(await storedHistory()).toEqual(before);
    const checks = vi.spyOn(exportFileSchema, 'safeParse');
    await handleMessage({ type: 'history:import-preview', file }, PAGE);
    expect(await handleMessage({ type: 'history:import', file }, PAGE)).toEqual({ addedEntries: 1, addedAccounts: 0, duplicates: 1 });
    expect(checks).toHaveBeenCalledTimes(1);
  });

  it('hostile: another text sent to be added after a preview is checked in full (and refused)', async () => {
    const before = await withOneEntry();
    const good = JSON.stringify(toExportFile((await loadHistory()).doc, new Date('2025-07-01T00:00:00.000Z')));
    await handleMessage({ type: 'history:import-preview', file: good }, PAGE);
    const bad = good.replace('"status":"submitted"', '"status":"hacked"');
    expect(await handleMessage({ type: 'history:import', file: bad }, PAGE)).toMatchObject({ problem: { code: 'import-invalid' } });
    expect(await storedHistory()).toEqual(before);
  });

  it('label, e-mail received, delete entry, delete account', async () => {
    await withOneEntry();
    expect(await handleMessage({ type: 'history:label', accountKey: 'facebook:1', label: 'Work' }, PAGE)).toEqual({ ok: true });
    expect(await handleMessage({ type: 'history:email-received', entryId: 'submission-0001', date: '2025-06-03' }, PAGE)).toEqual({ ok: true });
    let { doc } = await loadHistory();
    expect(doc.accounts.get('facebook:1')!.label).toBe('Work');
    expect(doc.entries[0]!.emailReceivedOn).toBe('2025-06-03');
    expect(await handleMessage({ type: 'history:delete-entry', entryId: 'submission-0001' }, PAGE)).toEqual({ ok: true });
    expect((await loadHistory()).doc.entries).toHaveLength(0);
    expect(await handleMessage({ type: 'history:delete-account', accountKey: 'facebook:1' }, PAGE)).toEqual({ ok: true });
    ({ doc } = await loadHistory());
    expect(doc.accounts.size).toBe(0);
  });

  it.each([['facebook:999'], ['__proto__'], ['constructor'], ['toString']])(
    'labelling an account that does not exist (%s) → no-such-account, nothing changes',
    async (accountKey) => {
      const before = await withOneEntry();
      const answer = await handleMessage({ type: 'history:label', accountKey, label: 'x' }, PAGE);
      expect(answer).toEqual({ error: 'no-such-account', problem: { code: 'no-such-account' } });
      expect(await storedHistory()).toEqual(before);
      expect(({} as Record<string, unknown>).label).toBeUndefined();
    },
  );
});
