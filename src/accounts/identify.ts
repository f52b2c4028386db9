import { browser } from 'wxt/browser';
import type { Platform } from '../domain/platform';

/**
 * The logged-in account of a Facebook or Instagram page, from Meta's own cookies: `c_user` on Facebook
 * (`i_user` when the user acts as one of their additional profiles), `ds_user_id` on Instagram.
 * Null when nobody is logged in. Needs the `cookies` permission for the two sites only.
 */
export async function identifyAccount(platform: Platform): Promise<string | null> {
  const url = platform === 'facebook' ? 'https://www.facebook.com/' : 'https://www.instagram.com/';
  const names = platform === 'facebook' ? ['i_user', 'c_user'] : ['ds_user_id'];
  for (const name of names) {
    const cookie = await browser.cookies.get({ url, name });
    const value = cookie?.value.trim();
    if (value && /^\d{1,30}$/.test(value)) return value;
  }
  return null;
}
