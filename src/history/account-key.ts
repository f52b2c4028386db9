import * as z from 'zod/mini';
import type { Platform } from '../domain/platform';

/*
 * The one place that builds and reads account keys. A key is `<platform>:<Meta's numeric id>` for a
 * logged-in account, or `<platform>:unknown:<e-mail>` for a submission made without login. Keys are also
 * lookup keys in the history and in the proof page's address, so anything else (`__proto__`,
 * `constructor`, `toString`, a platform we do not know) is refused here, before it reaches a lookup.
 */

export const ACCOUNT_KEY_MAX = 300;
const PATTERN = /^(facebook|instagram):(\d{1,30}|unknown:.+)$/s;

/** Stands for "no e-mail given" in the key of an unknown account (never a valid address). */
const NO_EMAIL = '-';

export type AccountPlatform = Platform;

export interface AccountKeyParts {
  platform: AccountPlatform;
  /** Meta's numeric id, or null for "unknown account". */
  accountId: string | null;
  /** The e-mail used, for an unknown account; null otherwise. */
  email: string | null;
}

export function isAccountKey(value: unknown): value is string {
  return typeof value === 'string' && value.length <= ACCOUNT_KEY_MAX && PATTERN.test(value);
}

export const accountKeySchema = z.string().check(z.refine(isAccountKey, { message: 'not an account key' }));

/** The key of an account: platform and id, or platform and e-mail (trimmed, lower case) without login. */
export function buildAccountKey(platform: AccountPlatform, accountId: string | null, email: string): string {
  const address = email.trim().toLowerCase() || NO_EMAIL;
  const key = accountId ? `${platform}:${accountId}` : `${platform}:unknown:${address}`;
  if (!isAccountKey(key)) throw new Error('Cannot make an account key from these values');
  return key;
}

/** The parts of a key; null for anything that is not a valid key. */
export function parseAccountKey(key: unknown): AccountKeyParts | null {
  if (!isAccountKey(key)) return null;
  const match = PATTERN.exec(key)!;
  const platform = match[1] as AccountPlatform;
  const rest = match[2]!;
  return rest.startsWith('unknown:')
    ? { platform, accountId: null, email: emailOf(rest.slice('unknown:'.length)) }
    : { platform, accountId: rest, email: null };
}

function emailOf(text: string): string | null {
  return text === NO_EMAIL ? null : text;
}
