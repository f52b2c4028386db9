import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { UI_LOCALES } from '@/src/ui/locales';
import { FORM_LANGUAGES } from '@/src/reasons/catalogue';

/*
 * Every locale file says what en.yml says: the same keys, the same kind of message (plain or plural, with the
 * plural forms @wxt-dev/i18n can choose from), the same placeholders in every form, the brand names kept, and
 * no English left behind.
 */

const dir = resolve(__dirname, '../../../locales');
const codes = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => f.slice(0, -'.yml'.length))
  .sort();

type Forms = Record<string, string>;
interface Message {
  kind: 'simple' | 'plural';
  forms: Forms;
}

async function load(code: string): Promise<Map<string, Message>> {
  const out = new Map<string, Message>();
  for (const m of await parseMessagesFile(resolve(dir, `${code}.yml`))) {
    const key = m.key.join('_');
    if (key.startsWith('@@')) continue; // Chrome's predefined messages, added by the parser
    if (m.type === 'plural') out.set(key, { kind: 'plural', forms: Object.fromEntries(Object.entries(m.plurals).map(([k, v]) => [k, String(v)])) });
    else if (m.type === 'simple') out.set(key, { kind: 'simple', forms: { '': m.message } });
    else throw new Error(`${code}.yml: ${key} uses Chrome's verbose format; write the plain yml format`);
  }
  return out;
}

const all = new Map<string, Map<string, Message>>();
for (const code of codes) all.set(code, await load(code));
const en = all.get('en')!;

/** Values that are rightly the same as in English, per language (names, codes, international words). */
const SAME_EVERYWHERE = new Set(['Objector', 'Facebook', 'Instagram', 'ID $1']);
const SAME_AS_ENGLISH: Partial<Record<string, readonly string[]>> = {
  cs: ['E-mail'],
  da: ['E-mail', 'Platform', 'Status'],
  de: ['Status'],
  fr: ['E-mail'],
  hr: ['Status'],
  hu: ['E-mail', 'Platform'],
  it: ['Account', '1 account'],
  mt: ['Status', 'ID $1'],
  nb: ['Status'],
  nl: ['Account', '1 account', '$1 accounts', 'E-mail', 'Platform', 'Status'],
  pl: ['E-mail', 'Status'],
  pt: ['E-mail'],
  ro: ['E-mail'],
  sk: ['E-mail'],
  sv: ['Status'],
};

/** English words no other language of ours writes as a word. */
const ENGLISH_WORDS = /\b(the|your|you|with|from|this|please|could|would|should|been|which|submission|history)\b/i;

const placeholders = (text: string) =>
  [...text.matchAll(/(?<!\$)\$(\d)/g)].map((m) => `$${m[1]}`).concat([...text.matchAll(/\{(\w+)\}/g)].map((m) => `{${m[1]}}`)).sort();

describe('locale files', () => {
  it('speak every language the reasons are written in (the 24 EU languages, Norwegian, Icelandic)', () => {
    expect([...UI_LOCALES].sort()).toEqual([...FORM_LANGUAGES].sort());
    expect(UI_LOCALES).toHaveLength(26);
  });

  it('are exactly the languages of UI_LOCALES, English among them', () => {
    expect(codes).toEqual([...UI_LOCALES].sort());
    expect(codes).toContain('en');
  });

  it('English plural messages have the forms @wxt-dev/i18n chooses from: 1 and n (and 0)', () => {
    for (const [key, m] of en) {
      if (m.kind !== 'plural') continue;
      expect(Object.keys(m.forms).sort(), key).toSatisfy((k: string[]) => k.join() === '1,n' || k.join() === '0,1,n');
    }
  });

  for (const code of codes.filter((c) => c !== 'en')) {
    describe(code, () => {
      const messages = all.get(code)!;

      it('has exactly the English keys', () => {
        expect([...messages.keys()].sort()).toEqual([...en.keys()].sort());
      });

      it('has the same kind of message and plural forms as English', () => {
        for (const [key, source] of en) {
          const m = messages.get(key);
          if (!m) continue;
          expect(m.kind, key).toBe(source.kind);
          expect(Object.keys(m.forms).sort(), key).toEqual(Object.keys(source.forms).sort());
        }
      });

      it('keeps every placeholder of every form, and no others', () => {
        for (const [key, source] of en) {
          for (const [form, text] of Object.entries(messages.get(key)?.forms ?? {})) {
            expect(placeholders(text), `${key} ${form}`).toEqual(placeholders(source.forms[form] ?? ''));
            expect(text, `${key} ${form}: a lone $ (write $$ for a dollar sign)`).not.toMatch(/(?<!\$)\$(?![\d$])/);
          }
        }
      });

      it('keeps the names Objector, Meta, Facebook and Instagram (inflected or not) where English has them', () => {
        for (const [key, source] of en) {
          for (const [form, text] of Object.entries(messages.get(key)?.forms ?? {})) {
            for (const name of ['Objector', 'Meta', 'Facebook', 'Instagram']) {
              // Inflected where the language inflects names: Metas, Metin, Meti, Metának, Objectoru, Facebooku…
              const stem = name === 'Meta' ? /\bMet\p{L}/u : new RegExp(name);
              if ((source.forms[form] ?? '').includes(name)) expect(text, `${key} ${form}`).toMatch(stem);
            }
          }
        }
      });

      it('leaves no English behind', () => {
        const allowed = new Set([...SAME_EVERYWHERE, ...(SAME_AS_ENGLISH[code] ?? [])]);
        for (const [key, source] of en) {
          if (key === 'ui_language') continue;
          for (const [form, text] of Object.entries(messages.get(key)?.forms ?? {})) {
            if (text === source.forms[form]) expect(allowed.has(text), `${key} ${form} is the English "${text}"`).toBe(true);
            expect(text.replace(/Objector|Meta|Facebook|Instagram/g, ''), `${key} ${form}`).not.toMatch(ENGLISH_WORDS);
          }
        }
      });

      it('names the extension Objector, says which language it is, and fits the stores\' 132 characters', () => {
        expect(messages.get('extName')?.forms['']).toBe('Objector');
        expect(messages.get('ui_language')?.forms['']).toBe(code);
        expect(messages.get('extDescription')?.forms['']?.length ?? 0).toBeLessThanOrEqual(132);
      });

      it('writes an ellipsis where English does, with no stray whitespace', () => {
        for (const [key, source] of en) {
          for (const [form, text] of Object.entries(messages.get(key)?.forms ?? {})) {
            expect(text, `${key} ${form}`).toBe(text.trim());
            expect(text, `${key} ${form}`).not.toContain('...');
            if ((source.forms[form] ?? '').endsWith('…')) expect(text, `${key} ${form}`).toMatch(/…$/);
          }
        }
      });
    });
  }

  it('the English description also fits the stores\' 132 characters', () => {
    expect(en.get('extDescription')?.forms['']?.length ?? 0).toBeLessThanOrEqual(132);
    expect(en.get('ui_language')?.forms['']).toBe('en');
  });
});
