import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { identifyAccount } from '@/src/accounts/identify';

/*
 * Which account is logged in, from Meta's cookies as the browser reports them (src/accounts/identify.ts): the
 * HttpOnly session cookie proves the login, the id cookies name the account. A site's cookies are read at
 * once; only the session cookie's read failing fails the whole.
 */

type Jar = Record<string, { value: string; httpOnly: boolean } | 'unreadable'>;

function cookies(jar: Jar) {
  vi.spyOn(fakeBrowser.cookies, 'get').mockImplementation(async ({ name }) => {
    const cookie = jar[name];
    if (cookie === 'unreadable') throw new Error('cookie store unavailable');
    return (cookie ? { name, ...cookie } : null) as never;
  });
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('who is logged in', () => {
  it('Facebook: the HttpOnly xs proves the login, c_user names the account', async () => {
    cookies({ xs: { value: 'secret', httpOnly: true }, c_user: { value: '100001', httpOnly: false } });
    expect(await identifyAccount('facebook')).toBe('100001');
  });

  it('Facebook, hostile: a c_user without the HttpOnly session (page script can write it) is nobody', async () => {
    cookies({ xs: { value: 'secret', httpOnly: false }, c_user: { value: '100001', httpOnly: false } });
    expect(await identifyAccount('facebook')).toBeNull();
    cookies({ c_user: { value: '100001', httpOnly: false } });
    expect(await identifyAccount('facebook')).toBeNull();
  });

  it('Facebook: an i_user counts only when HttpOnly; an id cookie that cannot be read counts as absent', async () => {
    cookies({ xs: { value: 'secret', httpOnly: true }, i_user: { value: '200002', httpOnly: false }, c_user: { value: '100001', httpOnly: false } });
    expect(await identifyAccount('facebook')).toBe('100001');
    cookies({ xs: { value: 'secret', httpOnly: true }, i_user: { value: '200002', httpOnly: true }, c_user: { value: '100001', httpOnly: false } });
    expect(await identifyAccount('facebook')).toBe('200002');
    cookies({ xs: { value: 'secret', httpOnly: true }, i_user: 'unreadable', c_user: { value: '100001', httpOnly: false } });
    expect(await identifyAccount('facebook')).toBe('100001');
    cookies({ xs: { value: 'secret', httpOnly: true }, c_user: 'unreadable' });
    expect(await identifyAccount('facebook')).toBeNull();
  });

  it('a session cookie that cannot be read fails the question (the popup then shows nobody)', async () => {
    cookies({ xs: 'unreadable', c_user: { value: '100001', httpOnly: false } });
    await expect(identifyAccount('facebook')).rejects.toThrow();
    cookies({ sessionid: 'unreadable', ds_user_id: { value: '300003', httpOnly: false } });
    await expect(identifyAccount('instagram')).rejects.toThrow();
  });

  it('Instagram: the id at the start of the HttpOnly sessionid wins over ds_user_id, which is used only without one', async () => {
    cookies({ sessionid: { value: '300003%3Aabc%3A1', httpOnly: true }, ds_user_id: { value: '999999', httpOnly: false } });
    expect(await identifyAccount('instagram')).toBe('300003');
    cookies({ sessionid: { value: 'opaque', httpOnly: true }, ds_user_id: { value: '300003', httpOnly: false } });
    expect(await identifyAccount('instagram')).toBe('300003');
    cookies({ sessionid: { value: '300003%3Aabc', httpOnly: true }, ds_user_id: 'unreadable' });
    expect(await identifyAccount('instagram')).toBe('300003');
    cookies({ ds_user_id: { value: '300003', httpOnly: false } });
    expect(await identifyAccount('instagram')).toBeNull();
  });
});
