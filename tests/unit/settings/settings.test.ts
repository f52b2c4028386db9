import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_REASON_IDS, DEFAULT_SETTINGS, loadSettings, salvage, saveSettings, type Settings } from '@/src/settings/settings';
import { REASON_IDS } from '@/src/reasons/catalogue';
import { OWN_WORDS_MAX } from '@/src/reasons/compose';

const stored = async () => (await fakeBrowser.storage.sync.get('settings')).settings;
const unreadable = async () => (await fakeBrowser.storage.local.get('settings-unreadable'))['settings-unreadable'];
const store = (value: unknown) => fakeBrowser.storage.sync.set({ settings: value });

const VALID: Settings = {
  reasonIds: ['children-family', 'memorisation', 'no-consent'],
  ownWords: 'My photos show my kids.',
  email: 'me@example.org',
  country: 'NL',
  reminder: true,
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings saved before the reminder existed', () => {
  it('read without a notice, with the reminder on', async () => {
    const { reminder: _dropped, ...older } = VALID;
    await store(older);
    const loaded = await loadSettings();
    expect(loaded.recovered).toBe(false);
    expect(loaded.settings).toEqual({ ...older, reminder: true });
  });

  it('a reminder setting of the wrong type falls back to on and keeps the rest', async () => {
    await store({ ...VALID, reminder: 'no' });
    const loaded = await loadSettings();
    expect(loaded.recovered).toBe(true);
    expect(loaded.settings).toEqual({ ...VALID, reminder: true });
  });
});

describe('first run', () => {
  it('gives the defaults, with reasons already chosen', async () => {
    const loaded = await loadSettings();
    expect(loaded.recovered).toBe(false);
    // The defaults, in catalogue order (the order the text is composed in).
    expect(loaded.settings.reasonIds).toEqual(REASON_IDS.filter((id) => DEFAULT_REASON_IDS.includes(id)));
    expect(DEFAULT_REASON_IDS.length).toBeGreaterThan(0);
    for (const id of DEFAULT_REASON_IDS) expect(REASON_IDS).toContain(id);
    expect(loaded.settings).toMatchObject({ ownWords: '', email: '', country: '', reminder: true });
    expect(await unreadable()).toBeUndefined();
  });
});

describe('default reasons', () => {
  it('the first objection leads with reasons from the person\'s own situation, not the general "I was never asked"', async () => {
    const { settings } = await loadSettings();
    expect(settings.reasonIds[0]).toBe('old-posts');
    expect(settings.reasonIds).toEqual(expect.arrayContaining(['old-posts', 'third-parties', 'irreversible']));
    expect(settings.reasonIds).not.toContain('no-consent');
  });
});

describe('save and load', () => {
  it('round trip keeps every choice', async () => {
    await saveSettings(VALID);
    expect(await loadSettings()).toEqual({ settings: VALID, recovered: false });
  });

  it('the reasons come back in catalogue order', async () => {
    await saveSettings({ ...VALID, reasonIds: ['no-consent', 'memorisation'] });
    expect((await loadSettings()).settings.reasonIds).toEqual(['memorisation', 'no-consent']);
  });

  it('a later save replaces the earlier one', async () => {
    await saveSettings(VALID);
    await saveSettings({ ...VALID, email: '', country: '', reasonIds: [] });
    expect((await loadSettings()).settings).toEqual({ ...VALID, email: '', country: '', reasonIds: [] });
  });

  it.each<[string, Partial<Record<keyof Settings, unknown>>]>([
    ['an invalid e-mail', { email: 'not-an-email' }],
    ['an unknown country', { country: 'US' }],
    ['own words that are too long', { ownWords: 'x'.repeat(OWN_WORDS_MAX + 1) }],
  ])('refuses to save %s and keeps the stored settings', async (_name, bad) => {
    await saveSettings(VALID);
    await expect(saveSettings({ ...VALID, ...bad } as Settings)).rejects.toThrow();
    expect((await loadSettings()).settings).toEqual(VALID);
  });

  it('unknown reason ids are dropped, known ones stay', async () => {
    await store({ ...VALID, reasonIds: ['memorisation', 'removed-in-v2', 'no-consent'] });
    const loaded = await loadSettings();
    expect(loaded.settings.reasonIds).toEqual(['memorisation', 'no-consent']);
    expect(loaded.recovered).toBe(false);
    await saveSettings({ ...VALID, reasonIds: ['irreversible', 'bogus'] as Settings['reasonIds'] });
    expect((await loadSettings()).settings.reasonIds).toEqual(['irreversible']);
    expect(await stored()).toMatchObject({ reasonIds: ['irreversible'] });
  });
});

describe('corrupt stored settings', () => {
  it.each<[string, unknown, Settings]>([
    ['a string', 'garbage', DEFAULT_SETTINGS],
    ['a number', 42, DEFAULT_SETTINGS],
    ['an array', ['no-consent'], DEFAULT_SETTINGS],
    ['null fields', { reasonIds: null, ownWords: null, email: null, country: null }, DEFAULT_SETTINGS],
    ['an invalid e-mail', { ...VALID, email: 'me@' }, { ...VALID, email: '' }],
    ['an unknown country', { ...VALID, country: 'XX' }, { ...VALID, country: '' }],
    ['a lower-case country', { ...VALID, country: 'nl' }, { ...VALID, country: '' }],
    ['reasons of the wrong type', { ...VALID, reasonIds: 'no-consent' }, { ...VALID, reasonIds: DEFAULT_REASON_IDS }],
    ['reason ids of the wrong type', { ...VALID, reasonIds: ['no-consent', 7] }, { ...VALID, reasonIds: DEFAULT_REASON_IDS }],
    ['own words of the wrong type', { ...VALID, ownWords: 12 }, { ...VALID, ownWords: '' }],
    ['own words that are too long', { ...VALID, ownWords: 'x'.repeat(OWN_WORDS_MAX + 1) }, { ...VALID, ownWords: '' }],
    ['a missing field', { reasonIds: VALID.reasonIds, ownWords: VALID.ownWords, email: VALID.email }, { ...VALID, country: '' }],
    ['everything wrong but the e-mail', { reasonIds: 1, ownWords: [], email: 'me@example.org', country: false }, { ...DEFAULT_SETTINGS, email: 'me@example.org' }],
  ])('%s: recovered, every field valid on its own is kept', async (_name, raw, expected) => {
    await store(raw);
    const loaded = await loadSettings();
    expect(loaded.recovered).toBe(true);
    expect(loaded.settings).toEqual(expected);
    // Nothing the user wrote is lost: the unreadable value is kept aside.
    expect(await unreadable()).toEqual(raw);
  });

  it('recovered settings can be saved, and load cleanly afterwards', async () => {
    await store({ ...VALID, email: 'broken' });
    const { settings } = await loadSettings();
    await saveSettings(settings);
    expect(await loadSettings()).toEqual({ settings: { ...VALID, email: '' }, recovered: false });
  });

  it('salvage of nothing gives the defaults', () => {
    expect(salvage(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(salvage(null)).toEqual(DEFAULT_SETTINGS);
  });
});
