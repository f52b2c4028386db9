import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountLines, choiceSummary, profileSummary } from '@/src/ui/popup/lines';
import { installEnglish, sampleDoc } from '../history/setup';

beforeEach(() => {
  fakeBrowser.reset();
  installEnglish();
});

const NOBODY = { facebook: null, instagram: null };

describe('account lines', () => {
  it('one line per account with its latest status and time, Facebook first', () => {
    const lines = accountLines(sampleDoc(), NOBODY, true);
    expect(lines.map((l) => [l.name, l.status, l.at, l.remind])).toEqual([
      ['Anna personal', 'confirmed', '2025-05-21T09:30:04.000Z', false],
      ['Facebook 1002', 'submitted', '2025-05-20T14:02:00.000Z', false],
      ['Instagram 2001', 'confirmed', '2025-05-20T14:02:03.000Z', false],
    ]);
  });

  it('adds the logged-in account the history does not know, with the reminder', () => {
    const lines = accountLines(sampleDoc(), { facebook: '1003', instagram: '2001' }, true);
    expect(lines.map((l) => [l.name, l.status, l.loggedIn, l.remind])).toEqual([
      ['Anna personal', 'confirmed', false, false],
      ['Facebook 1002', 'submitted', false, false],
      ['Facebook 1003', null, true, true],
      ['Instagram 2001', 'confirmed', true, false],
    ]);
  });

  it('no reminder when switched off; the account is still listed', () => {
    const lines = accountLines(sampleDoc(), { facebook: '1003', instagram: null }, false);
    expect(lines.find((l) => l.name === 'Facebook 1003')).toMatchObject({ loggedIn: true, remind: false, status: null });
  });

  it('an account whose only objection failed is reminded', () => {
    const doc = sampleDoc();
    doc.entries = doc.entries.filter((e) => e.id === 'entry-fb1-old');
    const lines = accountLines(doc, { facebook: '1001', instagram: null }, true);
    expect(lines.find((l) => l.key === 'facebook:1001')).toMatchObject({ status: 'failed', remind: true });
  });

  it('an empty history and nobody logged in: no line', () => {
    expect(accountLines({ accounts: new Map(), entries: [] }, NOBODY, true)).toEqual([]);
  });
});

describe('summary lines', () => {
  it.each([
    [{ reasonCount: 4, hasOwnWords: false, previewLanguage: 'English', length: 1191, locale: 'en-GB' }, 'Reasons: 4 · Preview: English · 1,191 characters'],
    [{ reasonCount: 0, hasOwnWords: true, previewLanguage: 'German', length: 80, locale: 'en-GB' }, 'Reasons: 0 and your own words · Preview: German · 80 characters'],
    [{ reasonCount: 2, hasOwnWords: false, previewLanguage: 'Deutsch', length: 12345, locale: 'de-DE' }, 'Reasons: 2 · Preview: Deutsch · 12.345 characters'],
  ])('choices %o → %s', (input, expected) => {
    expect(choiceSummary(input)).toBe(expected);
  });

  it.each([
    [{ email: '', countryName: '', reminder: true }, 'E-mail as Meta fills it in · Country as Meta shows it · Reminder on'],
    [{ email: 'me@example.org', countryName: 'Austria', reminder: false }, 'me@example.org · Austria · Reminder off'],
  ])('profile %o → %s', (input, expected) => {
    expect(profileSummary(input)).toBe(expected);
  });
});
