import { describe, expect, it } from 'vitest';
import { buildAccountKey, isAccountKey, parseAccountKey } from '@/src/history/account-key';

describe('account keys: one codec builds and reads them', () => {
  it.each([
    ['facebook', '100012345678901', '', 'facebook:100012345678901'],
    ['instagram', '5550001', 'ignored@example.org', 'instagram:5550001'],
    ['facebook', null, '  Me@Example.ORG ', 'facebook:unknown:me@example.org'],
    ['instagram', null, '', 'instagram:unknown:-'],
  ] as const)('%s, %j, %j → %s, and back', (platform, accountId, email, key) => {
    expect(buildAccountKey(platform, accountId, email)).toBe(key);
    const parts = parseAccountKey(key)!;
    expect(parts.platform).toBe(platform);
    expect(parts.accountId).toBe(accountId);
    expect(parts.email).toBe(accountId ? null : email.trim().toLowerCase() || null);
  });

  it.each([
    ['__proto__'],
    ['constructor'],
    ['toString'],
    ['hasOwnProperty'],
    [''],
    ['facebook'],
    ['facebook:'],
    ['facebook:unknown:'],
    ['facebook:abc'],
    ['facebook:12a'],
    ['tiktok:1'],
    ['Facebook:1'],
    [' facebook:1'],
    ['facebook:1 '],
    ['facebook:' + '1'.repeat(31)],
    ['facebook:unknown:' + 'x'.repeat(300)],
  ])('%j is not an account key', (key) => {
    expect(isAccountKey(key)).toBe(false);
    expect(parseAccountKey(key)).toBeNull();
  });

  it.each([[undefined], [null], [42], [{}], [['facebook:1']]])('a non-string (%j) is not an account key', (value) => {
    expect(isAccountKey(value)).toBe(false);
    expect(parseAccountKey(value)).toBeNull();
  });

  it('an e-mail with colons stays whole', () => {
    expect(parseAccountKey('facebook:unknown:a:b@example.org')).toEqual({ platform: 'facebook', accountId: null, email: 'a:b@example.org' });
  });
});
