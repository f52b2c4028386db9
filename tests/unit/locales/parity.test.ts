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

/** Every form of every message of a language that English also has, in English's order. */
const eachForm = (messages: Map<string, Message>) =>
  [...en.keys()].flatMap((key) => Object.entries(messages.get(key)?.forms ?? {}).map(([form, text]) => ({ key, form, text })));

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

      // Each check below lists every message that breaks it and expects that list to be empty: one assertion
      // per language and check, and a failure names all the offending messages at once.
      it('has the same kind of message and plural forms as English', () => {
        const wrong = [...en].flatMap(([key, source]) => {
          const m = messages.get(key);
          if (!m) return [];
          const problems = [];
          if (m.kind !== source.kind) problems.push(`${key}: ${m.kind}, English is ${source.kind}`);
          const forms = Object.keys(m.forms).sort().join();
          if (forms !== Object.keys(source.forms).sort().join()) problems.push(`${key}: forms ${forms}, English has ${Object.keys(source.forms).sort().join()}`);
          return problems;
        });
        expect(wrong).toEqual([]);
      });

      it('keeps every placeholder of every form, and no others', () => {
        const wrong = eachForm(messages).flatMap(({ key, form, text }) => {
          const problems = [];
          const have = placeholders(text).join(' ');
          const want = placeholders(en.get(key)?.forms[form] ?? '').join(' ');
          if (have !== want) problems.push(`${key} ${form}: placeholders "${have}", English has "${want}"`);
          if (/(?<!\$)\$(?![\d$])/.test(text)) problems.push(`${key} ${form}: a lone $ (write $$ for a dollar sign)`);
          return problems;
        });
        expect(wrong).toEqual([]);
      });

      it('keeps the names Objector, Meta, Facebook and Instagram (inflected or not) where English has them', () => {
        const wrong = eachForm(messages).flatMap(({ key, form, text }) =>
          ['Objector', 'Meta', 'Facebook', 'Instagram']
            // Inflected where the language inflects names: Metas, Metin, Meti, Metának, Objectoru, Facebooku…
            .filter((name) => (en.get(key)?.forms[form] ?? '').includes(name) && !(name === 'Meta' ? /\bMet\p{L}/u : new RegExp(name)).test(text))
            .map((name) => `${key} ${form}: no ${name} in "${text}"`),
        );
        expect(wrong).toEqual([]);
      });

      it('leaves no English behind', () => {
        const allowed = new Set([...SAME_EVERYWHERE, ...(SAME_AS_ENGLISH[code] ?? [])]);
        const wrong = eachForm(messages).flatMap(({ key, form, text }) => {
          if (key === 'ui_language') return [];
          const problems = [];
          if (text === en.get(key)?.forms[form] && !allowed.has(text)) problems.push(`${key} ${form} is the English "${text}"`);
          if (ENGLISH_WORDS.test(text.replace(/Objector|Meta|Facebook|Instagram/g, ''))) problems.push(`${key} ${form}: English words in "${text}"`);
          return problems;
        });
        expect(wrong).toEqual([]);
      });

      it('names the extension Objector, says which language it is, and fits the stores\' 132 characters', () => {
        expect(messages.get('extName')?.forms['']).toBe('Objector');
        expect(messages.get('ui_language')?.forms['']).toBe(code);
        expect(messages.get('extDescription')?.forms['']?.length ?? 0).toBeLessThanOrEqual(132);
      });

      it('writes an ellipsis where English does, with no stray whitespace', () => {
        const wrong = eachForm(messages).flatMap(({ key, form, text }) => {
          const problems = [];
          if (text !== text.trim()) problems.push(`${key} ${form}: whitespace around "${text}"`);
          if (text.includes('...')) problems.push(`${key} ${form}: three dots for an ellipsis`);
          if ((en.get(key)?.forms[form] ?? '').endsWith('…') && !text.endsWith('…')) problems.push(`${key} ${form}: no closing ellipsis`);
          return problems;
        });
        expect(wrong).toEqual([]);
      });
    });
  }

  it('the English description also fits the stores\' 132 characters', () => {
    expect(en.get('extDescription')?.forms['']?.length ?? 0).toBeLessThanOrEqual(132);
    expect(en.get('ui_language')?.forms['']).toBe('en');
  });
});
