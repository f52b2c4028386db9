// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { detectObjectionForm, namesOf, type FoundForm } from '@/src/forms/find';
import { formRules } from '@/src/forms/rules/data';
import { ruleById, setPageLanguage } from './fixtures';

/*
 * The finder against forms it has never seen: each field kind named only by its visible label, in 16 of the
 * 26 languages, in every way a page can attach a name to a field; the free text as textarea or rich-text
 * editor; and the things that must never be taken for a field.
 */

const objection = ruleById(formRules, 'facebook-ai-objection');
const thirdParty = ruleById(formRules, 'facebook-third-party-ai');

/** Labels as Meta's forms word them (what a translator would write), per language. */
const LABELS: Record<string, { email: string; country: string; name: string }> = {
  en: { email: 'Email address', country: 'Country of residence', name: 'Full name' },
  nl: { email: 'E-mailadres', country: 'Land waar je woont', name: 'Volledige naam' },
  de: { email: 'E-Mail-Adresse', country: 'Land, in dem du wohnst', name: 'Vollständiger Name' },
  fr: { email: 'Adresse e-mail', country: 'Pays de résidence', name: 'Nom complet' },
  it: { email: 'Indirizzo e-mail', country: 'Paese di residenza', name: 'Nome completo' },
  es: { email: 'Correo electrónico', country: 'País de residencia', name: 'Nombre completo' },
  pl: { email: 'Adres e-mail', country: 'Kraj zamieszkania', name: 'Imię i nazwisko' },
  pt: { email: 'Endereço de e-mail', country: 'País de residência', name: 'Nome completo' },
  sv: { email: 'E-postadress', country: 'Bosättningsland', name: 'Fullständigt namn' },
  da: { email: 'E-mailadresse', country: 'Bopælsland', name: 'Fulde navn' },
  fi: { email: 'Sähköpostiosoite', country: 'Asuinmaa', name: 'Koko nimi' },
  cs: { email: 'E-mailová adresa', country: 'Země pobytu', name: 'Celé jméno' },
  ro: { email: 'Adresă de e-mail', country: 'Țara de reședință', name: 'Nume complet' },
  hu: { email: 'E-mail-cím', country: 'Lakóhely szerinti ország', name: 'Teljes név' },
  el: { email: 'Διεύθυνση ηλεκτρονικού ταχυδρομείου', country: 'Χώρα διαμονής', name: 'Ονοματεπώνυμο' },
  bg: { email: 'Имейл адрес', country: 'Държава на пребиваване', name: 'Пълно име' },
  sk: { email: 'E-mailová adresa', country: 'Krajina pobytu', name: 'Celé meno' },
  sl: { email: 'E-poštni naslov', country: 'Država prebivališča', name: 'Polno ime' },
  hr: { email: 'Adresa e-pošte', country: 'Država prebivališta', name: 'Puno ime' },
  et: { email: 'E-posti aadress', country: 'Elukoha riik', name: 'Täisnimi' },
  lv: { email: 'E-pasta adrese', country: 'Dzīvesvietas valsts', name: 'Pilns vārds' },
  lt: { email: 'El. pašto adresas', country: 'Gyvenamoji šalis', name: 'Vardas ir pavardė' },
  nb: { email: 'E-postadresse', country: 'Bostedsland', name: 'Fullt navn' },
  is: { email: 'Netfang', country: 'Búsetuland', name: 'Fullt nafn' },
  ga: { email: 'Seoladh ríomhphoist', country: 'Tír chónaithe', name: 'Ainm iomlán' },
  mt: { email: 'Indirizz tal-email', country: 'Pajjiż ta’ residenza', name: 'Isem sħiħ' },
};
const LANGS = Object.keys(LABELS);

/** How a page can give a field its name (Meta uses several, and changes them). */
type Naming = 'label-for' | 'wrapping-label' | 'aria-labelledby' | 'aria-label' | 'placeholder' | 'text-before';
const NAMINGS: Naming[] = ['label-for', 'wrapping-label', 'aria-labelledby', 'aria-label', 'placeholder', 'text-before'];

let n = 0;
/** One field named only by its label text, with a generated name and no type/autocomplete hints. */
function named(naming: Naming, label: string, control: string): string {
  const id = `u_0_${(n++).toString(36)}_Qx`;
  const el = control.replace('%ATTRS%', () => {
    switch (naming) {
      case 'label-for':
        return `id="${id}"`;
      case 'aria-labelledby':
        return `aria-labelledby="${id}-l"`;
      case 'aria-label':
        return `aria-label="${label}"`;
      case 'placeholder':
        return `placeholder="${label}"`;
      default:
        return '';
    }
  });
  switch (naming) {
    case 'label-for':
      return `<div><label for="${id}">${label}</label></div><div>${el}</div>`;
    case 'wrapping-label':
      return `<label><span>${label}</span> ${el}</label>`;
    case 'aria-labelledby':
      return `<div><span id="${id}-l">${label}</span></div><div><div>${el}</div></div>`;
    case 'text-before':
      return `<div><div><span>${label}</span></div><div>${el}</div></div>`;
    default:
      return `<div>${el}</div>`;
  }
}

const TEXT_INPUT = `<input type="text" name="Field${Date.now() % 1000}1234567" %ATTRS%>`;
const SELECT = `<select name="Field998877" %ATTRS%><option value=""></option><option value="AT">AT</option><option value="DE">DE</option></select>`;

/** A form whose other fields carry no structural hint: only names tell them apart. */
function pageWith(fieldsHtml: string, lang: string): HTMLElement {
  setPageLanguage(lang);
  document.body.innerHTML = `
    <div role="banner"><input type="search" aria-label="Search"></div>
    <div role="main"><form method="post">${fieldsHtml}
      <div><textarea name="Field555"></textarea></div>
      <button type="submit">Send</button></form></div>`;
  return document.querySelector('form')!;
}

function expectForm(rule = objection): FoundForm {
  const detection = detectObjectionForm(document, rule);
  expect(detection.state).toBe('form');
  return detection as FoundForm;
}

beforeEach(() => {
  document.body.innerHTML = '';
  setPageLanguage(null);
});

describe('e-mail as a plain text input named only by its label', () => {
  const cases = LANGS.flatMap((lang) => NAMINGS.map((naming) => [lang, naming] as const));
  it.each(cases)('%s, %s', (lang, naming) => {
    // A decoy one-line field comes first, so the label (not the position) decides.
    pageWith(named('label-for', 'Reference', TEXT_INPUT) + named(naming, LABELS[lang]!.email, TEXT_INPUT), lang);
    const inputs = document.querySelectorAll<HTMLInputElement>('form input[type=text]');
    expect(expectForm().fields.email).toBe(inputs[1]);
  });
});

describe('country as a select named only by its label', () => {
  const cases = LANGS.flatMap((lang) => NAMINGS.filter((x) => x !== 'placeholder').map((naming) => [lang, naming] as const));
  it.each(cases)('%s, %s', (lang, naming) => {
    pageWith(named(naming, LABELS[lang]!.country, SELECT), lang);
    expect(expectForm().fields.country).toBe(document.querySelector('form select'));
  });
});

describe('the name on a third-party form, named only by its label', () => {
  const cases = LANGS.flatMap((lang) => NAMINGS.map((naming) => [lang, naming] as const));
  it.each(cases)('%s, %s', (lang, naming) => {
    pageWith(named(naming, LABELS[lang]!.name, TEXT_INPUT), lang);
    expect(expectForm(thirdParty).fields.name).toBe(document.querySelector('form input[type=text]'));
  });
});

describe('structure first, then name, then the shape of the value', () => {
  it.each([
    ['type=email', '<input type="email" name="x">'],
    ['autocomplete=email', '<input type="text" autocomplete="email" name="x">'],
    ['inputmode=email', '<input type="text" inputmode="email" name="x">'],
    ['a name with "mail"', '<input type="text" name="contact_mail">'],
  ])('%s is the e-mail field, without any label', (_name, html) => {
    pageWith(`<div>${html}</div>`, 'en');
    expect(expectForm().fields.email).toBe(document.querySelector('form input[name]:not([name^=Field])'));
  });

  it('a prefilled value with an @ is the e-mail field when nothing else tells', () => {
    pageWith('<div><input type="text" name="Field1" value="Ref 12"></div><div><input type="text" name="Field2" value="me@example.org"></div>', 'en');
    expect(expectForm().fields.email).toBe(document.querySelector('input[name=Field2]'));
  });

  it('a field with no structure, no name and no e-mail value is not guessed: named as missing', () => {
    pageWith('<div><input type="text" name="Field1"></div>', 'en');
    const found = expectForm();
    expect(found.fields.email).toBeUndefined();
    expect(found.missing).toEqual(['email', 'country']);
  });

  it('a label on the field wins over a label text elsewhere', () => {
    pageWith(`<p>Email address</p><div><input type="text" name="Field1" aria-label="Reference number"></div>${named('label-for', 'E-mail', TEXT_INPUT)}`, 'en');
    expect(expectForm().fields.email).toBe(document.querySelectorAll('form input[type=text]')[1]);
  });

  it("a select's options are not its label (a country named Email Land is not an e-mail label)", () => {
    pageWith('<div><select name="Field1"><option>Email</option></select></div>', 'en');
    expect(namesOf(document.querySelector('select')!).join(' ')).not.toContain('email');
  });
});

describe('the free text that makes the form: textarea or rich-text editor', () => {
  it.each([
    ['a textarea', '<textarea name="Field1"></textarea>'],
    ['a contenteditable div', '<div contenteditable="true"><p><br></p></div>'],
    ['contenteditable with no value', '<div contenteditable=""><p><br></p></div>'],
    ['a Lexical-style editor (role=textbox, contenteditable)', '<div contenteditable="true" role="textbox" aria-multiline="true" data-lexical-editor="true"><p><br></p></div>'],
    ['a role=textbox only', '<div role="textbox" aria-multiline="true" tabindex="0"></div>'],
  ])('%s is recognised', (_name, html) => {
    setPageLanguage('en');
    document.body.innerHTML = `<div role="main"><div><span>Email address</span><input type="text" aria-label="Email address"></div><div>${html}</div><div role="button">Send</div></div>`;
    const found = expectForm();
    expect(found.fields.reason).toBe(document.querySelector('[role=main] > div:nth-child(2) > *'));
    expect(found.fields.email).toBe(document.querySelector('input'));
  });

  it('the nested paragraphs of an editor are not fields of their own', () => {
    document.body.innerHTML = '<div role="main"><div contenteditable="true" id="ed"><p contenteditable="true">x</p></div><button type="submit">Send</button></div>';
    expect(expectForm().fields.reason).toBe(document.getElementById('ed'));
  });
});

describe('never a form field', () => {
  it('a site search box, even labelled "e-mail", and even with an @ in it', () => {
    setPageLanguage('en');
    document.body.innerHTML = `
      <div role="banner"><div role="search"><input type="text" aria-label="Search email" value="x@y.zz"></div></div>
      <div role="main"><form><textarea name="Field1"></textarea><button type="submit">Send</button></form></div>`;
    expect(expectForm().fields.email).toBeUndefined();
  });

  it('a hidden composer textarea does not make an objection form', () => {
    document.body.innerHTML = '<div role="main"><div hidden><textarea name="composer"></textarea></div><p>Nothing here</p></div>';
    expect(detectObjectionForm(document, objection).state).toBe('none');
  });

  it('a composer textarea made invisible by style does not count', () => {
    document.body.innerHTML = '<div role="main"><div style="display:none"><textarea name="composer"></textarea></div></div>';
    const textarea = document.querySelector('textarea')!;
    // happy-dom computes no layout: stand in for what checkVisibility() says in a browser.
    textarea.checkVisibility = () => false;
    expect(detectObjectionForm(document, objection).state).toBe('none');
  });

  it('a comment box in a post outside the form is not the reason field', () => {
    document.body.innerHTML = `
      <div role="feed"><div role="article"><p>A post</p><div contenteditable="true" role="textbox" aria-label="Write a comment"></div></div></div>
      <div role="main"><form><label>Email <input type="email"></label><textarea name="Field1"></textarea><button type="submit">Send</button></form></div>`;
    const found = expectForm();
    expect(found.fields.reason).toBe(document.querySelector('textarea'));
    expect(found.root).toBe(document.querySelector('form'));
  });

  it('a comment box alone on the page is not an objection form', () => {
    document.body.innerHTML = '<div role="feed"><div role="article"><div contenteditable="true" role="textbox" aria-label="Write a comment"></div></div></div>';
    expect(detectObjectionForm(document, objection).state).toBe('none');
  });

  it('an e-mail input outside the form (newsletter box in the footer) is not the form\'s', () => {
    document.body.innerHTML = `
      <div role="main"><form><textarea name="Field1"></textarea><button type="submit">Send</button></form></div>
      <footer><input type="email" aria-label="Newsletter e-mail"></footer>`;
    expect(expectForm().fields.email).toBeUndefined();
  });

  it('a disabled or aria-hidden text input is not the e-mail field', () => {
    pageWith('<div><input type="email" disabled></div><div aria-hidden="true"><input type="email"></div>', 'en');
    expect(expectForm().fields.email).toBeUndefined();
  });
});
