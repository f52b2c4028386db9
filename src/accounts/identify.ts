import { browser } from 'wxt/browser';
import type { Platform } from '../domain/platform';

/*
 * Who is logged in, from Meta's own cookies as the browser gives them to the extension (`browser.cookies`
 * reports `httpOnly`; a cookie written by page script through `document.cookie` never is).
 *
 * What is known (Meta's cookies as browsers export them, see README "Which account"): on Facebook `c_user`
 * holds the logged-in person's id and `xs` the session secret, and only `xs` is HttpOnly; `i_user` (the
 * page/additional profile the person switched to) is NOT HttpOnly. On Instagram `ds_user_id` holds the id
 * and is not HttpOnly, while the HttpOnly `sessionid` starts with the same id (`<id>%3A…`).
 *
 * So a page script can write `c_user`, `i_user` and `ds_user_id`, but cannot create an HttpOnly session
 * cookie. The rules:
 * - nobody is logged in (null, "unknown account") unless the HttpOnly session cookie is there;
 * - Instagram: the id in the HttpOnly `sessionid`; `ds_user_id` only if that id cannot be read from it;
 * - Facebook: `i_user` only if it is HttpOnly (Meta does not set it so today, so it is never used), else
 *   `c_user`. `c_user` cannot be proven: a page script on facebook.com could overwrite it, which also breaks
 *   the person's own Facebook session (Meta pairs it with `xs`). That is the remaining risk, documented.
 */

const ID = /^\d{1,30}$/;

interface CookieFacts {
  value: string;
  httpOnly: boolean;
}

async function cookie(url: string, name: string): Promise<CookieFacts | null> {
  const found = await browser.cookies.get({ url, name });
  if (!found) return null;
  return { value: found.value.trim(), httpOnly: found.httpOnly === true };
}

/** The numeric id of the account logged in on `platform`, or null when no login can be shown. */
export async function identifyAccount(platform: Platform): Promise<string | null> {
  return platform === 'facebook' ? facebookAccount() : instagramAccount();
}

// A site's cookies are asked for at once, not one after the other (the popup's first screen waits for
// them), then judged in the order the rules above give. Only the session cookie's read failing fails the
// whole; another that cannot be read counts as absent.

const optional = (read: Promise<CookieFacts | null>) => read.catch(() => null);

async function facebookAccount(): Promise<string | null> {
  const url = 'https://www.facebook.com/';
  const [session, profile, person] = await Promise.all([
    cookie(url, 'xs'),
    optional(cookie(url, 'i_user')),
    optional(cookie(url, 'c_user')),
  ]);
  if (!session?.httpOnly || !session.value) return null;
  if (profile?.httpOnly && ID.test(profile.value)) return profile.value;
  return person && ID.test(person.value) ? person.value : null;
}

async function instagramAccount(): Promise<string | null> {
  const url = 'https://www.instagram.com/';
  const [session, user] = await Promise.all([cookie(url, 'sessionid'), optional(cookie(url, 'ds_user_id'))]);
  if (!session?.httpOnly || !session.value) return null;
  const sessionId = safeDecode(session.value).split(':')[0] ?? '';
  if (ID.test(sessionId)) return sessionId;
  return user && ID.test(user.value) ? user.value : null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
