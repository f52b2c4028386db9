// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formRulesSchema, type FormRule } from '@/src/forms/rules/schema';
import { formRules } from '@/src/forms/rules/data';
import { formUrls } from '@/src/forms/rules/urls';
import { normalizeText } from '@/src/forms/match';

/** How the engine compares a button's whole text with a rule's words (see detect.ts findByWords). */
const isWord = (words: readonly string[], shown: string) => words.map(normalizeText).includes(normalizeText(shown));
/** How the engine looks for a phrase in the page's text (see detect.ts pageSays). */
const says = (phrases: readonly string[], pageText: string) =>
  phrases.some((p) => normalizeText(pageText).includes(normalizeText(p)));

const clone = (): FormRule[] => structuredClone(formRules);

describe('form rules data', () => {
  it('passes the schema', () => {
    expect(() => formRulesSchema().parse(formRules)).not.toThrow();
  });

  it('has unique ids and unique form ids', () => {
    expect(new Set(formRules.map((r) => r.id)).size).toBe(formRules.length);
    expect(new Set(formRules.map((r) => r.formId)).size).toBe(formRules.length);
  });

  it('knows the five forms of meta-forms.md', () => {
    expect(formRules.map((r) => [r.platform, r.formId, r.kind]).sort()).toEqual(
      [
        ['facebook', '712876720715583', 'objection'],
        ['instagram', '767264225370182', 'objection'],
        ['facebook', '6359191084165019', 'objection'],
        ['facebook', '510058597920541', 'third-party'],
        ['facebook', '1266025207620918', 'third-party'],
      ].sort(),
    );
  });

  it('the content script knows exactly the forms the background has rules for', () => {
    expect(formUrls.map((u) => u.id).sort()).toEqual(formRules.map((r) => r.id).sort());
  });

  it.each(formRules.map((r) => [r.id, r] as const))('%s: every path pattern names its form id and is anchored', (_id, rule) => {
    for (const p of rule.paths) {
      expect(p).toContain(rule.formId);
      expect(p.startsWith('^')).toBe(true);
      expect(p.endsWith('$')).toBe(true);
    }
  });

  it.each(formRules.map((r) => [r.id, r] as const))('%s: field roles are unique and something is filled', (_id, rule) => {
    const roles = rule.fields.map((f) => f.role);
    expect(new Set(roles).size).toBe(roles.length);
    expect(rule.fields.some((f) => f.fill !== null)).toBe(true);
    expect(rule.fields.filter((f) => f.recognises).map((f) => f.control)).toEqual(['freeText']);
  });

  it('selectors are valid CSS and never use class names', () => {
    for (const rule of formRules) {
      for (const field of rule.fields) {
        for (const selector of field.selectors) {
          expect(() => document.querySelector(selector), selector).not.toThrow();
          expect(selector, `${rule.id}/${field.role}`).not.toMatch(/\.[a-z_-]|\[class/i);
        }
      }
    }
  });
});

// A known word of each language, as Meta shows it (with accents and capitals).
const SEND: Array<[string, string]> = [
  ['en', 'Send'], ['en', 'Submit'], ['nl', 'Verzenden'], ['de', 'Senden'], ['fr', 'Envoyer'], ['it', 'Invia'],
  ['es', 'Enviar'], ['pl', 'Wyślij'], ['pt', 'Enviar'], ['sv', 'Skicka'], ['da', 'Send'], ['nb', 'Send'],
  ['fi', 'Lähetä'], ['et', 'Saada'], ['lv', 'Nosūtīt'], ['lt', 'Siųsti'], ['ga', 'Seol'], ['bg', 'Изпрати'],
  ['hr', 'Pošalji'], ['cs', 'Odeslat'], ['sk', 'Odoslať'], ['sl', 'Pošlji'], ['el', 'Αποστολή'], ['hu', 'Küldés'],
  ['ro', 'Trimite'], ['is', 'Senda'], ['mt', 'Ibgħat'],
];
const YES: Array<[string, string]> = [
  ['en', 'Yes'], ['nl', 'Ja'], ['de', 'Ja'], ['fr', 'Oui'], ['it', 'Sì'], ['es', 'Sí'], ['pl', 'Tak'], ['pt', 'Sim'],
  ['sv', 'Ja'], ['fi', 'Kyllä'], ['cs', 'Ano'], ['hu', 'Igen'], ['el', 'Ναι'], ['bg', 'Да'], ['ro', 'Da'], ['et', 'Jah'],
  ['lt', 'Taip'], ['ga', 'Tá'], ['mt', 'Iva'], ['is', 'Já'],
];
const CONFIRMATION: Array<[string, string]> = [
  ['en', "Thank you. We have received your objection. You'll receive an email with the details."],
  ['nl', 'Bedankt. We hebben je bezwaar ontvangen. Je ontvangt een e-mail met de details.'],
  ['de', 'Danke. Wir haben deinen Einspruch erhalten. Du erhältst eine E-Mail mit den Details.'],
  ['fr', 'Merci. Nous avons bien reçu votre opposition. Vous recevrez un e-mail avec les détails.'],
  ['it', "Ciò significa che la tua richiesta verrà applicata d'ora in avanti allo sviluppo e al miglioramento dell'IA in Meta. Riceverai una e-mail con i dettagli"],
  ['es', 'Gracias. Hemos recibido tu objeción. Recibirás un correo electrónico con los detalles.'],
  ['pl', 'Dziękujemy. Otrzymaliśmy Twój sprzeciw. Otrzymasz e-mail ze szczegółami.'],
  ['pt', 'Obrigado. Recebemos o teu pedido. Receberás um e-mail com os detalhes.'],
];
const ERROR: Array<[string, string]> = [
  ['en', 'We can\u2019t take further action on this request.'],
  ['en', "We don't automatically fulfill requests."],
  ['nl', 'Er is iets misgegaan.'],
  ['de', 'Wir können deine Anfrage nicht weiter bearbeiten.'],
  ['fr', "Une erreur s'est produite."],
  ['it', 'Si è verificato un errore.'],
  ['es', 'Algo salió mal.'],
  ['pl', 'Nie możemy podjąć dalszych działań.'],
  ['pl', 'Coś poszło nie tak.'],
  ['pt', 'Ocorreu um erro.'],
];

describe('rule texts, matched after normalisation (every rule)', () => {
  it.each(SEND)('Send button in %s: %j', (_lang, word) => {
    for (const rule of formRules) expect(isWord(rule.submitWords, word), rule.id).toBe(true);
  });

  it.each(YES)('pre-question yes in %s: %j', (_lang, word) => {
    for (const rule of formRules) expect(isWord(rule.preQuestionYes ?? [], word), rule.id).toBe(true);
  });

  it.each(CONFIRMATION)('confirmation in %s', (_lang, text) => {
    for (const rule of formRules) expect(says(rule.confirmationPhrases, text), rule.id).toBe(true);
  });

  it.each(ERROR)('error in %s: %j', (_lang, text) => {
    for (const rule of formRules) expect(says(rule.errorPhrases, text), rule.id).toBe(true);
  });

  it('"No" and unrelated buttons are neither Send nor Yes', () => {
    for (const rule of formRules) {
      for (const word of ['Nein', 'Nee', 'Non', 'No', 'Nie', 'Não', 'Abbrechen', 'Cancel', 'Zurück']) {
        expect(isWord(rule.submitWords, word), word).toBe(false);
        expect(isWord(rule.preQuestionYes ?? [], word), word).toBe(false);
      }
    }
  });

  it('an error message is not taken for a confirmation', () => {
    for (const rule of formRules) {
      for (const [, text] of ERROR) expect(says(rule.confirmationPhrases, text), text).toBe(false);
    }
  });
});

describe('a broken rule is refused by the schema', () => {
  it.each<[string, (rules: FormRule[]) => void]>([
    ['an invalid path regex', (r) => void (r[0]!.paths = ['^/help/contact/(712876720715583$'])],
    ['a duplicate id', (r) => void (r[1]!.id = r[0]!.id)],
    ['a field that cannot be found', (r) => void (r[0]!.fields[1] = { ...r[0]!.fields[1]!, selectors: [], labels: undefined, valueShape: undefined })],
    ['an empty selector', (r) => void (r[0]!.fields[0]!.selectors = [''])],
    ['no fields', (r) => void (r[0]!.fields = [])],
    ['no paths', (r) => void (r[0]!.paths = [])],
    ['no submit words', (r) => void (r[0]!.submitWords = [])],
    ['an empty confirmation phrase', (r) => void (r[0]!.confirmationPhrases = [''])],
    ['no error phrases', (r) => void (r[0]!.errorPhrases = [])],
    ['a non-numeric form id', (r) => void (r[0]!.formId = '71287672071558x')],
    ['another rule format', (r) => void ((r[0] as { format: number }).format = 2)],
    ['no recognising field', (r) => void (r[0]!.fields = r[0]!.fields.map((f) => ({ ...f, recognises: false })))],
    ['two recognising fields', (r) => void (r[0]!.fields = r[0]!.fields.map((f) => ({ ...f, recognises: true })))],
    ['a recognising field that is not free text', (r) => void (r[0]!.fields = r[0]!.fields.map((f) => (f.recognises ? { ...f, control: 'line' as const } : f)))],
    ['a duplicate field role', (r) => void r[0]!.fields.push({ ...r[0]!.fields[1]! })],
    ['an unknown control', (r) => void ((r[0]!.fields[0] as { control: string }).control = 'slider')],
    ['an id with capitals', (r) => void (r[0]!.id = 'Facebook-AI')],
    ['an unanchored host pattern', (r) => void (r[0]!.hosts = 'facebook\\.com')],
    ['an invalid host pattern', (r) => void (r[0]!.hosts = '^(www\\.facebook\\.com$')],
    ['an unknown platform', (r) => void ((r[0] as { platform: string }).platform = 'threads')],
    ['an unknown field role', (r) => void ((r[0]!.fields[0] as { role: string }).role = 'password')],
    ['an unknown fill', (r) => void ((r[0]!.fields[0] as { fill: string }).fill = 'password')],
    ['no rules at all', (r) => void r.splice(0, r.length)],
  ])('%s', (_name, breakIt) => {
    const rules = clone();
    breakIt(rules);
    expect(formRulesSchema().safeParse(rules).success).toBe(false);
  });

  it('the unbroken clone passes (the cases above fail for their own reason)', () => {
    expect(formRulesSchema().safeParse(clone()).success).toBe(true);
  });
});
