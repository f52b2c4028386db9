// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { formRulesSchema, type FormRule } from '@/src/forms/rules/schema';
import { formRules } from '@/src/forms/rules/data';
import { formUrls } from '@/src/forms/rules/urls';
import { detectObjectionForm, findSubmitButton } from '@/src/forms/find';
import { currentAlerts, judgeAnswer } from '@/src/forms/track';
import { setPageLanguage } from './fixtures';

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

/*
 * The rules' words as the user meets them: on a page in Meta's wording, through the engine's own finder
 * (find.ts) and its judgement of Meta's answer (track.ts). Nothing here restates how words are compared.
 */

beforeEach(() => {
  document.body.innerHTML = '';
  setPageLanguage(null);
});

/** A form page in `lang` whose Send control is a plain `div[role=button]` showing `send`, next to Cancel. */
function formWithSendControl(lang: string, send: string): HTMLElement {
  setPageLanguage(lang);
  document.body.innerHTML = `
    <div role="main"><div>
      <h2>Meta AI</h2>
      <div><span id="r1">…</span><textarea aria-labelledby="r1"></textarea></div>
      <div><div role="button" tabindex="0" id="cancel"><span>Abbrechen</span></div>
      <div role="button" tabindex="0" id="send"><span>${send}</span></div></div>
    </div></div>`;
  return document.getElementById('send')!;
}

/** The pre-question stage in `lang`: a question and two answers, no fields yet. */
function preQuestion(lang: string, yes: string, no: string): HTMLElement {
  setPageLanguage(lang);
  document.body.innerHTML = `
    <div role="main"><h2>Meta AI</h2><p>?</p>
      <div role="radiogroup">
        <div role="button" tabindex="0" id="no"><span>${no}</span></div>
        <div role="button" tabindex="0" id="yes"><span>${yes}</span></div>
      </div>
    </div>`;
  return document.getElementById('yes')!;
}

/**
 * Meta's answer to a Send, as the engine judges it with each rule: the form page is shown, then `after`
 * (markup) replaces the body, as Meta's page does after a Send. Rule id → answer.
 */
function answersTo(after: string): Record<string, ReturnType<typeof judgeAnswer>> {
  formWithSendControl('en', 'Send');
  const alertsBefore = currentAlerts(document);
  document.body.innerHTML = after;
  return Object.fromEntries(formRules.map((rule) => [rule.id, judgeAnswer(document, rule, detectObjectionForm(document, rule), alertsBefore)]));
}

/** Every rule's id with the same answer. */
const everyRule = (answer: ReturnType<typeof judgeAnswer>) => Object.fromEntries(formRules.map((rule) => [rule.id, answer]));

// A known word of each language, as Meta shows it (with accents and capitals).
const SEND: Array<[string, string]> = [
  ['en', 'Send'], ['en', 'Submit'], ['nl', 'Verzenden'], ['de', 'Senden'], ['fr', 'Envoyer'], ['it', 'Invia'],
  ['es', 'Enviar'], ['pl', 'Wyślij'], ['pt', 'Enviar'], ['sv', 'Skicka'], ['da', 'Send'], ['nb', 'Send'],
  ['fi', 'Lähetä'], ['et', 'Saada'], ['lv', 'Nosūtīt'], ['lt', 'Siųsti'], ['ga', 'Seol'], ['bg', 'Изпрати'],
  ['hr', 'Pošalji'], ['cs', 'Odeslat'], ['sk', 'Odoslať'], ['sl', 'Pošlji'], ['el', 'Αποστολή'], ['hu', 'Küldés'],
  ['ro', 'Trimite'], ['is', 'Senda'], ['mt', 'Ibgħat'],
];
const YES: Array<[string, string, string]> = [
  ['en', 'Yes', 'No'], ['nl', 'Ja', 'Nee'], ['de', 'Ja', 'Nein'], ['fr', 'Oui', 'Non'], ['it', 'Sì', 'No'],
  ['es', 'Sí', 'No'], ['pl', 'Tak', 'Nie'], ['pt', 'Sim', 'Não'], ['sv', 'Ja', 'Nej'], ['fi', 'Kyllä', 'Ei'],
  ['cs', 'Ano', 'Ne'], ['hu', 'Igen', 'Nem'], ['el', 'Ναι', 'Όχι'], ['bg', 'Да', 'Не'], ['ro', 'Da', 'Nu'],
  ['et', 'Jah', 'Ei'], ['lt', 'Taip', 'Ne'], ['ga', 'Tá', 'Níl'], ['mt', 'Iva', 'Le'], ['is', 'Já', 'Nei'],
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
/** Pages after a Send that say something, but not that Meta received the objection. */
const NOT_A_CONFIRMATION: Array<[string, string]> = [
  ['en', 'Thank you.'],
  ['en', 'We have received many requests like yours.'],
  ['en', 'You will receive'],
  ['de', 'Danke. Wir haben dir einen Code gesendet.'],
  ['de', 'Wir haben deinen'],
  ['nl', 'Bedankt voor je bezoek.'],
  ['fr', 'Merci de votre visite.'],
  ['es', 'Gracias por tu paciencia.'],
];

describe('the Send control, in every language (every rule)', () => {
  it.each(SEND)('%s: the user\'s Send is the control showing %j', (lang, word) => {
    const send = formWithSendControl(lang, word);
    for (const rule of formRules) {
      const form = detectObjectionForm(document, rule);
      expect(form.state, rule.id).toBe('form');
      if (form.state === 'form') expect(findSubmitButton(form), rule.id).toBe(send);
    }
  });

  it.each(['Abbrechen', 'Cancel', 'Zurück', 'Nein', 'Send feedback', 'Senden Sie uns Feedback'])(
    'a form whose only other control says %j has no Send the engine would count',
    (word) => {
      formWithSendControl('de', word);
      for (const rule of formRules) {
        const form = detectObjectionForm(document, rule);
        if (form.state === 'form') expect(findSubmitButton(form), rule.id).toBeUndefined();
        else expect.unreachable(`${rule.id}: the form was not recognised`);
      }
    },
  );
});

describe('the pre-question, in every language (every rule)', () => {
  it.each(YES)('%s: Autofill answers %j, never %j', (lang, yesWord, noWord) => {
    const yes = preQuestion(lang, yesWord, noWord);
    for (const rule of formRules) {
      const found = detectObjectionForm(document, rule);
      expect(found.state, rule.id).toBe('pre-question');
      if (found.state === 'pre-question') expect(found.yes, rule.id).toBe(yes);
    }
  });

  it.each([
    ['de', 'Nein', 'Abbrechen'],
    ['en', 'No', 'Cancel'],
    ['fr', 'Non', 'Retour'],
    ['en', 'Yes, tell me more about AI at Meta', 'Not now'],
    ['de', 'Ja, ich möchte mehr erfahren', 'Später'],
  ])('%s: a page offering only %j and %j is no pre-question', (lang, first, second) => {
    preQuestion(lang, first, second);
    for (const rule of formRules) {
      expect(detectObjectionForm(document, rule).state, rule.id).toBe('none');
    }
  });
});

describe("Meta's answer after a Send, in every known language (every rule)", () => {
  it.each(CONFIRMATION)('%s: a confirmation in place of the form → confirmed', (lang, text) => {
    expect(answersTo(`<div role="main"><h2>Meta</h2><p lang="${lang}">${text}</p></div>`)).toEqual(everyRule('confirmed'));
  });

  it.each(NOT_A_CONFIRMATION)('%s: %j in place of the form is not a confirmation (Submitted stays)', (lang, text) => {
    expect(answersTo(`<div role="main"><p lang="${lang}">${text}</p></div>`)).toEqual(everyRule('form-gone'));
  });

  it.each(ERROR)('%s: the error %j → failed', (_lang, text) => {
    expect(answersTo(`<div role="main"><p>${text}</p></div>`)).toEqual(everyRule('failed'));
  });

  it('a confirmation phrase on the form itself (its help text, say) confirms nothing while the form is there', () => {
    formWithSendControl('en', 'Send');
    const alertsBefore = currentAlerts(document);
    document.querySelector('h2')!.textContent = "You'll receive an email with the details.";
    for (const rule of formRules) {
      expect(judgeAnswer(document, rule, detectObjectionForm(document, rule), alertsBefore), rule.id).toBe('form-still-there');
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
