import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/src/messaging/handle';
import { refreshReminders } from '@/src/accounts/badge';
import { saveSettings } from '@/src/settings/settings';
import { installEnglish } from '../ui/history/setup';
import { report } from '../history/helpers';

/** What the browser says of Objector's content script in the top frame of a tab (see messaging/sender.ts). */
const tabSender = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, frameId: 0, tab: { id: tabId, url }, url });
const FB_TAB = tabSender(7, 'https://www.facebook.com/');
const FORM_TAB = tabSender(8, 'https://www.facebook.com/help/contact/712876720715583');

let cookies: Record<string, string> = {};
const badge = async (tabId = 7) => ({
  text: await fakeBrowser.action.getBadgeText({ tabId }),
  title: await fakeBrowser.action.getTitle({ tabId }),
});

beforeEach(() => {
  fakeBrowser.reset();
  installEnglish();
  cookies = { 'https://www.facebook.com/|xs': 'session', 'https://www.instagram.com/|sessionid': 'session' };
  vi.spyOn(fakeBrowser.cookies, 'get').mockImplementation((async (details: { url: string; name: string }) => {
    const value = cookies[`${details.url}|${details.name}`];
    // Meta's session cookies are HttpOnly: they prove the login (see accounts/identify.ts).
    const httpOnly = details.name === 'xs' || details.name === 'sessionid';
    return value === undefined ? null : ({ name: details.name, value, httpOnly } as never);
  }) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (id: number) => ({ id, url: id === 7 ? FB_TAB.url : undefined })) as never);
});
afterEach(() => vi.restoreAllMocks());

describe('reminder badge', () => {
  it('a Facebook page of a logged-in account without objection gets "!" and a title naming the account', async () => {
    cookies['https://www.facebook.com/|c_user'] = '100001';
    expect(await handleMessage({ type: 'page-opened' }, FB_TAB)).toEqual({ ok: true, reminded: true });
    expect(await badge()).toEqual({ text: '!', title: 'Objector: Facebook 100001 has not objected to AI training yet' });
  });

  it('nobody logged in: no badge', async () => {
    expect(await handleMessage({ type: 'page-opened' }, FB_TAB)).toEqual({ ok: true, reminded: false });
    expect(await badge()).toEqual({ text: '', title: 'Objector' });
  });

  it('a Submitted objection clears it on the tabs already open; switching the reminder off too', async () => {
    cookies['https://www.facebook.com/|c_user'] = '100001';
    await handleMessage({ type: 'page-opened' }, FB_TAB);
    expect((await badge()).text).toBe('!');

    await handleMessage({ type: 'submitted', submission: report({ platform: 'facebook' }) }, FORM_TAB);
    await refreshReminders(); // the background does this when the history changes
    expect((await badge()).text).toBe('');

    cookies['https://www.facebook.com/|c_user'] = '100002';
    await refreshReminders();
    expect((await badge()).text).toBe('!');
    await saveSettings({ reasonIds: [], ownWords: '', email: '', country: '', reminder: false });
    await refreshReminders();
    expect((await badge()).text).toBe('');
  });

  it('a Failed objection does not clear it', async () => {
    cookies['https://www.facebook.com/|c_user'] = '100001';
    const submission = report({ platform: 'facebook' });
    await handleMessage({ type: 'submitted', submission }, FORM_TAB);
    await handleMessage({ type: 'status', id: submission.id, status: 'failed', at: '2025-06-02T09:31:00.000Z' }, FORM_TAB);
    expect(await handleMessage({ type: 'page-opened' }, FB_TAB)).toEqual({ ok: true, reminded: true });
  });

  it('a tab that left the site is forgotten and its badge left alone', async () => {
    cookies['https://www.instagram.com/|ds_user_id'] = '200002';
    const IG_TAB = tabSender(9, 'https://www.instagram.com/');
    await handleMessage({ type: 'page-opened' }, IG_TAB);
    expect((await badge(9)).text).toBe('!');
    await fakeBrowser.action.setBadgeText({ tabId: 9, text: 'x' }); // stands for "whatever the browser shows now"
    await refreshReminders(); // tab 9 has no URL of ours any more (see the tabs.get mock)
    expect((await badge(9)).text).toBe('x');
    expect((await fakeBrowser.storage.session.get('reminder-tabs'))['reminder-tabs']).not.toHaveProperty('9');
  });

  it.each([
    ['no tab', { id: fakeBrowser.runtime.id, frameId: 0, url: 'https://www.facebook.com/' }],
    ['a page that is not Facebook or Instagram', tabSender(7, 'https://evil.example/')],
    ['http, not https', tabSender(7, 'http://www.facebook.com/')],
    ['no sender URL', { id: fakeBrowser.runtime.id, frameId: 0, tab: { id: 7 } }],
    ['a frame inside the page', { ...FB_TAB, frameId: 3 }],
    ['another extension', { ...FB_TAB, id: 'another-extension' }],
  ])('refused from %s, nothing set', async (_name, sender) => {
    cookies['https://www.facebook.com/|c_user'] = '100001';
    expect(await handleMessage({ type: 'page-opened' }, sender)).toMatchObject({ error: 'sender-refused' });
    expect((await badge()).text).toBe('');
  });

  it('a message with extra fields is still the same harmless request', async () => {
    expect(await handleMessage({ type: 'page-opened', platform: 'instagram', tabId: 99 }, FB_TAB)).toEqual({ ok: true, reminded: false });
  });
});
