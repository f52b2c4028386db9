// The long store description of a UI locale, store/listing/<lang>.md. Every locale must have its own: a store
// page in English for a user who reads Maltese is a broken listing, so a missing, empty or untranslated one
// stops `npm run store` instead of quietly falling back to English.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const LISTING_DIR = path.resolve('store/listing');

export function listingDescription(lang: string, dir = LISTING_DIR): string {
  const file = path.join(dir, `${lang}.md`);
  const where = path.relative(process.cwd(), file);
  if (!existsSync(file)) throw new Error(`${lang}: no store description; write ${where} (a translation of en.md)`);
  const text = readFileSync(file, 'utf8').trim();
  if (!text) throw new Error(`${lang}: ${where} is empty`);
  if (lang !== 'en' && text === readFileSync(path.join(dir, 'en.md'), 'utf8').trim()) {
    throw new Error(`${lang}: ${where} is still the English text; translate it`);
  }
  return text;
}
