// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { detectObjectionForm, findSubmitButton, isUsable, type FoundForm } from '@/src/forms/find';
import { currentAlerts, judgeAnswer } from '@/src/forms/track';
import { matchFormRule } from '@/src/forms/match';
import { formRules } from '@/src/forms/rules/data';
import {
  OTHER_LANGS,
  controlledForm,
  otherHelpForm,
  preQuestionStage,
  ruleById,
  serverRenderedEnglishForm,
  setPageLanguage,
  thirdPartyForm,
} from './fixtures';

const objection = ruleById(formRules, 'facebook-ai-objection');
const instagram = ruleById(formRules, 'instagram-ai-objection');
const general = ruleById(formRules, 'facebook-ai-objection-general');
const thirdParty = ruleById(formRules, 'facebook-third-party-ai');

function expectForm(detection: ReturnType<typeof detectObjectionForm>): FoundForm {
  expect(detection.state).toBe('form');
  return detection as FoundForm;
}

beforeEach(() => {
  document.body.innerHTML = '';
  setPageLanguage(null);
});

describe('detectObjectionForm: server-rendered English form', () => {
  it.each([objection, instagram, general].map((r) => [r.id, r] as const))('is recognised by %s', (_id, rule) => {
    const form = serverRenderedEnglishForm({ maxLength: 1500 });
    const found = expectForm(detectObjectionForm(document, rule));
    expect(found.fields.email).toBe(form.querySelector('input[type=email]'));
    expect(found.fields.country).toBe(form.querySelector('select'));
    expect(found.fields.reason).toBe(form.querySelector('textarea'));
    expect(found.missing).toEqual([]);
    expect(found.root).toBe(form);
  });

  it('never takes a hidden input for a field', () => {
    serverRenderedEnglishForm();
    const found = expectForm(detectObjectionForm(document, objection));
    for (const el of Object.values(found.fields)) expect((el as HTMLInputElement).type).not.toBe('hidden');
  });

  it('finds the Send button by type=submit', () => {
    const form = serverRenderedEnglishForm();
    const found = expectForm(detectObjectionForm(document, objection));
    expect(findSubmitButton(found)).toBe(form.querySelector('button[type=submit]'));
  });

  it('a type=submit button counts whatever its text says', () => {
    const form = serverRenderedEnglishForm();
    form.querySelector('button')!.textContent = 'Something Meta never said';
    const found = expectForm(detectObjectionForm(document, objection));
    expect(findSubmitButton(found)).toBe(form.querySelector('button'));
  });
});

describe('detectObjectionForm: React-like controlled form', () => {
  it('German: obfuscated classes, aria-labelledby, inputmode=email, role=button Send', () => {
    const f = controlledForm('de');
    const found = expectForm(detectObjectionForm(document, objection));
    expect(found.fields).toEqual({ email: f.email, country: f.country, reason: f.reason });
    expect(found.root.contains(f.send)).toBe(true);
    expect(findSubmitButton(found)).toBe(f.send);
  });

  it('class names that change on every render do not matter', () => {
    for (let i = 0; i < 3; i++) {
      const f = controlledForm('de');
      expect(expectForm(detectObjectionForm(document, objection)).fields.reason).toBe(f.reason);
    }
  });

  it.each(OTHER_LANGS)('%s: recognised the same way (not by language)', (lang) => {
    const f = controlledForm(lang);
    const found = expectForm(detectObjectionForm(document, objection));
    expect(found.fields).toEqual({ email: f.email, country: f.country, reason: f.reason });
    expect(findSubmitButton(found)).toBe(f.send);
  });

  it.each(OTHER_LANGS)('%s: recognised even when the page says it is in another language', (lang) => {
    const f = controlledForm(lang);
    setPageLanguage('en');
    expect(expectForm(detectObjectionForm(document, objection)).fields.reason).toBe(f.reason);
  });

  it('a Send button in a language Meta does not use is not taken for Send', () => {
    const f = controlledForm('de');
    f.send.textContent = 'Lorem';
    expect(findSubmitButton(expectForm(detectObjectionForm(document, objection)))).toBeUndefined();
  });

  it('the "No" of another button group is not taken for Send', () => {
    const f = controlledForm('de');
    f.send.textContent = 'Abbrechen';
    expect(findSubmitButton(expectForm(detectObjectionForm(document, objection)))).toBeUndefined();
  });
});

describe('detectObjectionForm: pre-question stage', () => {
  it.each(['de', 'en', ...OTHER_LANGS] as const)('%s: the "yes" button is found while the fields are absent', (lang) => {
    const stage = preQuestionStage(lang);
    const detection = detectObjectionForm(document, objection);
    expect(detection.state).toBe('pre-question');
    if (detection.state === 'pre-question') {
      expect(detection.yes).toBe(stage.yes);
      expect(detection.yes).not.toBe(stage.no);
    }
  });

  it('once the form is there, it is a form, not a pre-question', async () => {
    const stage = preQuestionStage('de', 1);
    stage.yes.click();
    const f = await stage.formShown;
    expect(expectForm(detectObjectionForm(document, objection)).fields.reason).toBe(f.reason);
  });
});

describe('detectObjectionForm: third-party form', () => {
  it('finds name, country, e-mail, prompts and screenshot', () => {
    const form = thirdPartyForm();
    const found = expectForm(detectObjectionForm(document, thirdParty));
    expect(found.fields.name).toBe(form.querySelector('input[autocomplete=name]'));
    expect(found.fields.country).toBe(form.querySelector('select'));
    expect(found.fields.email).toBe(form.querySelector('input[type=email]'));
    expect(found.fields.prompts).toBe(form.querySelector('textarea'));
    expect(found.fields.screenshot).toBe(form.querySelector('input[type=file]'));
    expect(found.fields.reason).toBeUndefined();
  });
});

describe('detectObjectionForm: not an objection form', () => {
  it('a page without the required textarea is "none"', () => {
    serverRenderedEnglishForm({ withTextarea: false });
    expect(detectObjectionForm(document, objection).state).toBe('none');
  });

  it('a page without an e-mail field is still the form: the e-mail is named as missing', () => {
    const form = serverRenderedEnglishForm();
    document.querySelector('input[type=email]')!.remove();
    const found = expectForm(detectObjectionForm(document, objection));
    expect(found.missing).toEqual(['email']);
    expect(found.fields.reason).toBe(form.querySelector('textarea'));
  });

  it.each([
    ['disabled', (t: HTMLTextAreaElement) => (t.disabled = true)],
    ['hidden', (t: HTMLTextAreaElement) => (t.hidden = true)],
    ['in an aria-hidden container', (t: HTMLTextAreaElement) => t.parentElement!.setAttribute('aria-hidden', 'true')],
    ['in an inert container', (t: HTMLTextAreaElement) => t.parentElement!.setAttribute('inert', '')],
  ])('a %s textarea does not count', (_name, spoil) => {
    serverRenderedEnglishForm();
    spoil(document.querySelector('textarea')!);
    expect(detectObjectionForm(document, objection).state).toBe('none');
  });

  it('an empty page is "none"', () => {
    expect(detectObjectionForm(document, objection).state).toBe('none');
  });

  it('a page with Yes/No buttons and fields already there is a form, not a pre-question', () => {
    serverRenderedEnglishForm();
    document.body.insertAdjacentHTML('afterbegin', '<button>Yes</button><button>No</button>');
    expect(detectObjectionForm(document, objection).state).toBe('form');
  });

  it('a help page on another URL is never offered, even if it has e-mail and textarea', () => {
    otherHelpForm();
    for (const href of [
      'https://www.facebook.com/help/contact/268228883256323',
      'https://www.facebook.com/help/contact/1234567890',
      'https://www.facebook.com.evil.example/help/contact/712876720715583',
    ]) {
      expect(matchFormRule(href, formRules)).toBeUndefined();
    }
  });
});

describe('findSubmitButton', () => {
  it('finds a Send button placed outside the fields container', () => {
    const f = controlledForm('nl');
    const outside = f.send.parentElement!;
    document.body.append(outside);
    expect(findSubmitButton(expectForm(detectObjectionForm(document, objection)))).toBe(f.send);
  });

  it('does not offer a Send button that is hidden from the user', () => {
    const f = controlledForm('fr');
    f.send.setAttribute('aria-hidden', 'true');
    expect(findSubmitButton(expectForm(detectObjectionForm(document, objection)))).toBeUndefined();
  });
});

describe("Meta's answer to a Send, as the engine judges it (judgeAnswer)", () => {
  it.each([
    ['a role=alert with text', '<div role="alert">Bitte gib eine gültige E-Mail-Adresse ein.</div>', 'failed'],
    ['an aria-live=assertive region with text', '<div aria-live="assertive">Please enter a valid email address.</div>', 'failed'],
    ['a known error phrase (curly apostrophe)', '<div>We can\u2019t take further action on this request.</div>', 'failed'],
    ['a known German error phrase', '<p>Wir können deine Anfrage nicht weiter bearbeiten.</p>', 'failed'],
    ['a known Dutch error phrase', '<p>Er is iets misgegaan.</p>', 'failed'],
    ['an empty role=alert', '<div role="alert">  </div>', 'form-still-there'],
    ['a hidden role=alert', '<div role="alert" hidden>Error</div>', 'form-still-there'],
    ['an aria-hidden role=alert', '<div aria-hidden="true"><div role="alert">Error</div></div>', 'form-still-there'],
    ["Objector's own message", '<div data-objector-control><div role="alert">Objector: review and press Send.</div></div>', 'form-still-there'],
    ['a polite status', '<div role="status">Saved</div>', 'form-still-there'],
    ['an ordinary page', '<p>Object to Your Information Being Used for AI at Meta</p>', 'form-still-there'],
  ])('the form with %s appearing after Send → %s', (_name, html, expected) => {
    const form = serverRenderedEnglishForm();
    const alertsBefore = currentAlerts(document);
    form.insertAdjacentHTML('beforebegin', html);
    expect(judgeAnswer(document, objection, detectObjectionForm(document, objection), alertsBefore)).toBe(expected);
  });

  it('an alert that was already on the page before Send is not the answer to it', () => {
    const form = serverRenderedEnglishForm();
    form.insertAdjacentHTML('beforebegin', '<div role="alert">Your session will expire soon.</div>');
    const alertsBefore = currentAlerts(document);
    expect(judgeAnswer(document, objection, detectObjectionForm(document, objection), alertsBefore)).toBe('form-still-there');
  });

  it('an error shown in place of the form → failed, not a confirmation', () => {
    serverRenderedEnglishForm();
    const alertsBefore = currentAlerts(document);
    document.body.innerHTML = "<div role=\"main\"><p>Something went wrong. You'll receive an email with the details.</p></div>";
    expect(judgeAnswer(document, objection, detectObjectionForm(document, objection), alertsBefore)).toBe('failed');
  });
});

describe('isUsable', () => {
  it.each([
    ['a visible input', '<input id="t">', true],
    ['a hidden input', '<input id="t" type="hidden">', false],
    ['a disabled input', '<input id="t" disabled>', false],
    ['a disabled button', '<button id="t" disabled>Send</button>', false],
    ['an input with the hidden attribute', '<input id="t" hidden>', false],
    ['an input in a hidden container', '<div hidden><input id="t"></div>', false],
    ['an input in an aria-hidden container', '<div aria-hidden="true"><input id="t"></div>', false],
    ['an input in an inert container', '<div inert><input id="t"></div>', false],
    ['a role=button div', '<div role="button" id="t">Senden</div>', true],
  ])('%s → %s', (_name, html, expected) => {
    document.body.innerHTML = html;
    expect(isUsable(document.getElementById('t')!)).toBe(expected);
  });

  it('a detached element is not usable', () => {
    expect(isUsable(document.createElement('textarea'))).toBe(false);
  });
});
