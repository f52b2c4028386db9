import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { listingDescription } from '@/scripts/store-listing';

/*
 * The store page (Chrome Web Store, addons.mozilla.org) is the first thing a user reads in their language:
 * every UI locale has its own translated description, with the same parts as the English one, naming the
 * Autofill button exactly as the extension shows it.
 */

const root = resolve(__dirname, '../../..');
const listingDir = join(root, 'store/listing');
const codes = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();
const locales = codes(join(root, 'locales'), '.yml');
const english = listingDescription('en', listingDir);

/** Paragraphs and bullet points: the parts a translation must keep. */
function shape(text: string) {
  const lines = text.split('\n').filter((line) => line.trim());
  return { paragraphs: text.split(/\n\s*\n/).length, bullets: lines.filter((line) => line.startsWith('• ')).length };
}

async function message(lang: string, key: string): Promise<string> {
  const found = (await parseMessagesFile(join(root, 'locales', `${lang}.yml`))).find((m) => m.key.join('_') === key);
  if (found?.type !== 'simple') throw new Error(`${lang}.yml has no plain ${key}`);
  return found.message;
}

describe('store listing texts', () => {
  it('exist for exactly the UI locales (26), none empty and none left in English', () => {
    expect(locales).toHaveLength(26);
    expect(codes(listingDir, '.md')).toEqual(locales);
    for (const lang of locales) expect(() => listingDescription(lang, listingDir), lang).not.toThrow();
  });

  it.each(locales)('%s has the English text\'s paragraphs and bullets, and names the Autofill button as the UI does', async (lang) => {
    const text = listingDescription(lang, listingDir);
    expect(shape(text)).toEqual(shape(english));
    expect(shape(english)).toEqual({ paragraphs: 4, bullets: 4 });
    expect(text).toContain(await message(lang, 'control_button'));
    expect(text).not.toMatch(/\$\d|\{\{|TODO/);
  });
});

describe('a locale without a usable description stops `npm run store` (no English fallback)', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  function listingsWith(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), 'objector-listing-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('missing', () => {
    expect(() => listingDescription('mt', listingsWith({ 'en.md': english }))).toThrow(/mt: no store description; write .*mt\.md/);
  });

  it('empty or only white space', () => {
    expect(() => listingDescription('ga', listingsWith({ 'en.md': english, 'ga.md': ' \n\n\t' }))).toThrow(/ga: .*ga\.md is empty/);
  });

  it('a copy of the English text', () => {
    const copied = listingsWith({ 'en.md': english, 'is.md': `\n${english}\n\n` });
    expect(() => listingDescription('is', copied)).toThrow(/is: .*is\.md is still the English text/);
  });

  it('the real description, trimmed, when it is there', () => {
    const own = readFileSync(join(listingDir, 'de.md'), 'utf8');
    expect(listingDescription('de', listingsWith({ 'en.md': english, 'de.md': `${own}\n\n` }))).toBe(own.trim());
  });
});
