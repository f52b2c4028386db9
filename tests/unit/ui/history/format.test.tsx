import { describe, expect, it } from 'vitest';
import type { Platform } from '@/src/domain/platform';
import {
  describeImportError,
  domId,
  exportFileName,
  formatDateTime,
  formatDay,
  groupByPlatform,
  isDay,
  languageName,
  localDay,
  proofHref,
  readPageMode,
} from '@/src/ui/history/format';
import type { AccountSummary } from '@/src/history/summary';

describe('localDay and exportFileName', () => {
  it.each([
    [new Date(2025, 0, 5, 0, 0), '2025-01-05'],
    [new Date(2025, 11, 31, 23, 59), '2025-12-31'],
    [new Date(2024, 1, 29, 12), '2024-02-29'],
  ])('%s is the local day %s', (date, day) => {
    expect(localDay(date)).toBe(day);
    expect(exportFileName('json', date)).toBe(`objector-history-${day}.json`);
    expect(exportFileName('csv', date)).toBe(`objector-history-${day}.csv`);
  });
});

describe('isDay', () => {
  it.each([
    ['2025-06-04', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-6-4', false],
    ['', false],
    ['2025-06-04T00:00', false],
  ])('%j → %s', (value, ok) => expect(isDay(value)).toBe(ok));
});

describe('formatDateTime', () => {
  it.each([
    ['2025-05-21T09:30:00.000Z', 'UTC', false, /^21 May 2025(,| at) 09:30$/],
    ['2025-05-21T09:30:00+02:00', 'UTC', false, /^21 May 2025(,| at) 07:30$/],
    ['2025-05-21T23:30:00.000Z', 'Europe/Berlin', false, /^22 May 2025(,| at) 01:30$/],
    ['2025-05-21T09:30:00.000Z', 'Europe/Berlin', true, /^21 May 2025(,| at) 11:30 CEST$/],
  ])('%s in %s (zone shown: %s)', (iso, timeZone, withZone, expected) => {
    expect(formatDateTime(iso, { locale: 'en-GB', timeZone, withZone })).toMatch(expected);
  });

  it.each([
    ['en-US', /^May 21, 2025(,| at) 9:30\u202fAM$|^May 21, 2025(,| at) 9:30 AM$/],
    ['de-DE', /^21\. Mai 2025(,| um) 09:30$/],
  ])('uses the clock of %s', (locale, expected) => {
    expect(formatDateTime('2025-05-21T09:30:00.000Z', { locale, timeZone: 'UTC' })).toMatch(expected);
  });

  it('gives back what it cannot read', () => {
    expect(formatDateTime('yesterday', { locale: 'en-GB' })).toBe('yesterday');
  });

  it('falls back to the default locale for an unusable tag', () => {
    expect(formatDateTime('2025-05-21T09:30:00.000Z', { locale: 'not a locale!', timeZone: 'UTC' })).toMatch(/2025/);
  });
});

describe('formatDay', () => {
  it.each([
    ['2025-06-04', 'en-GB', '4 June 2025'],
    ['2025-06-04', 'de-DE', '4. Juni 2025'],
    ['2025-01-01', 'en-US', 'January 1, 2025'],
    ['2025-02-30', 'en-GB', '2025-02-30'],
  ])('%s in %s → %s', (day, locale, expected) => expect(formatDay(day, locale)).toBe(expected));
});

describe('languageName', () => {
  it.each([
    ['de', 'en', 'German (de)'],
    ['pt_BR', 'en', 'Brazilian Portuguese (pt_BR)'],
    ['fr', 'de', 'Französisch (fr)'],
    ['', 'en', ''],
    ['!!', 'en', '!!'],
  ])('%j in %s → %j', (code, locale, expected) => expect(languageName(code, locale)).toBe(expected));
});

describe('proof address', () => {
  it.each([
    ['facebook:1001', false, 'objections.html?proof=facebook%3A1001'],
    ['facebook:1001', true, 'objections.html?proof=facebook%3A1001&noprint=1'],
    ['instagram:unknown:a+b@x.org', false, 'objections.html?proof=instagram%3Aunknown%3Aa%2Bb%40x.org'],
  ])('%s (noprint %s) → %s', (key, noPrint, href) => {
    expect(proofHref(key, noPrint)).toBe(href);
    const mode = readPageMode(href.slice('objections.html'.length));
    expect(mode).toEqual({ kind: 'proof', accountKey: key, autoPrint: !noPrint });
  });

  it.each([[''], ['?'], ['?other=1'], ['?noprint=1']])('%j is the list', (search) =>
    expect(readPageMode(search)).toEqual({ kind: 'list' }),
  );
});

describe('describeImportError', () => {
  it.each([
    ['not-json', { kind: 'not-json' }],
    ['foreign', { kind: 'foreign' }],
    ['invalid: entries.0.id: Too small', { kind: 'invalid', detail: 'entries.0.id: Too small' }],
    ['invalid: ', { kind: 'invalid', detail: '' }],
    ['Invalid message', { kind: 'other', detail: 'Invalid message' }],
  ])('%j', (code, problem) => expect(describeImportError(code)).toEqual(problem));
});

describe('groupByPlatform', () => {
  const summary = (key: string): AccountSummary => {
    const [platform, id] = key.split(':') as [Platform, string];
    return { account: { key, platform, accountId: id }, entries: [], latestStatus: null, latestAt: null };
  };
  it.each([
    [[], []],
    [['instagram:1', 'facebook:2', 'instagram:3'], [['facebook', ['facebook:2']], ['instagram', ['instagram:1', 'instagram:3']]]],
    [['instagram:1'], [['instagram', ['instagram:1']]]],
  ])('%j', (keys, expected) => {
    const groups = groupByPlatform(keys.map(summary)).map((g) => [g.platform, g.accounts.map((a) => a.account.key)]);
    expect(groups).toEqual(expected);
  });
});

describe('domId', () => {
  it('makes ids without spaces that tell keys apart', () => {
    const a = domId('account', 'facebook:unknown:a b@x.org');
    const b = domId('account', 'facebook:unknown:a_b@x.org');
    expect(a).not.toMatch(/\s/);
    expect(a).not.toBe(b);
  });
});
