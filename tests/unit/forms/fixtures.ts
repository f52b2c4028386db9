/**
 * Pages for the unit tests, built in the test's document from what meta-forms.md says about Meta's forms:
 * a server-rendered "help contact" form, a React-controlled form with obfuscated classes in several
 * languages, the pre-question stage, the third-party form.
 */

export interface LanguageTexts {
  title: string;
  email: string;
  country: string;
  reason: string;
  send: string;
  preQuestion: string;
  yes: string;
  no: string;
}

export const TEXTS = {
  en: { title: 'Object to Your Information Being Used for AI at Meta', email: 'Email address', country: 'Country of residence', reason: 'Please tell us how this processing impacts you', send: 'Send', preQuestion: 'Is your request about AI at Meta?', yes: 'Yes', no: 'No' },
  de: { title: 'Einspruch gegen die Verwendung deiner Informationen für KI bei Meta', email: 'E-Mail-Adresse', country: 'Land, in dem du wohnst', reason: 'Bitte teile uns mit, wie sich diese Verarbeitung auf dich auswirkt', send: 'Senden', preQuestion: 'Bezieht sich deine Anfrage auf KI bei Meta?', yes: 'Ja', no: 'Nein' },
  nl: { title: 'Bezwaar maken tegen het gebruik van je informatie voor AI bij Meta', email: 'E-mailadres', country: 'Land waar je woont', reason: 'Vertel ons hoe deze verwerking invloed op je heeft', send: 'Verzenden', preQuestion: 'Gaat je verzoek over AI bij Meta?', yes: 'Ja', no: 'Nee' },
  fr: { title: "S'opposer à l'utilisation de vos informations pour l'IA chez Meta", email: 'Adresse e-mail', country: 'Pays de résidence', reason: 'Veuillez nous indiquer en quoi ce traitement vous affecte', send: 'Envoyer', preQuestion: "Votre demande concerne-t-elle l'IA chez Meta ?", yes: 'Oui', no: 'Non' },
  it: { title: "Opposizione all'uso delle tue informazioni per l'IA in Meta", email: 'Indirizzo e-mail', country: 'Paese di residenza', reason: 'Spiegaci in che modo questo trattamento ti riguarda', send: 'Invia', preQuestion: "La tua richiesta riguarda l'IA in Meta?", yes: 'Sì', no: 'No' },
  es: { title: 'Oponerte al uso de tu información para la IA en Meta', email: 'Correo electrónico', country: 'País de residencia', reason: 'Indícanos cómo te afecta este tratamiento', send: 'Enviar', preQuestion: '¿Tu solicitud está relacionada con la IA en Meta?', yes: 'Sí', no: 'No' },
  pl: { title: 'Sprzeciw wobec wykorzystywania Twoich informacji do AI w Meta', email: 'Adres e-mail', country: 'Kraj zamieszkania', reason: 'Powiedz nam, jak to przetwarzanie na Ciebie wpływa', send: 'Wyślij', preQuestion: 'Czy Twoja prośba dotyczy AI w Meta?', yes: 'Tak', no: 'Nie' },
  pt: { title: 'Opor-te à utilização das tuas informações para a IA na Meta', email: 'Endereço de e-mail', country: 'País de residência', reason: 'Diz-nos de que forma este tratamento te afeta', send: 'Enviar', preQuestion: 'O teu pedido é sobre a IA na Meta?', yes: 'Sim', no: 'Não' },
  sv: { title: 'Invänd mot att din information används för AI hos Meta', email: 'E-postadress', country: 'Bosättningsland', reason: 'Berätta hur den här behandlingen påverkar dig', send: 'Skicka', preQuestion: 'Gäller din begäran AI hos Meta?', yes: 'Ja', no: 'Nej' },
  fi: { title: 'Vastusta tietojesi käyttöä tekoälyyn Metassa', email: 'Sähköpostiosoite', country: 'Asuinmaa', reason: 'Kerro meille, miten tämä käsittely vaikuttaa sinuun', send: 'Lähetä', preQuestion: 'Koskeeko pyyntösi tekoälyä Metassa?', yes: 'Kyllä', no: 'Ei' },
  el: { title: 'Εναντίωση στη χρήση των πληροφοριών σας για την ΤΝ στη Meta', email: 'Διεύθυνση email', country: 'Χώρα διαμονής', reason: 'Πείτε μας πώς σας επηρεάζει αυτή η επεξεργασία', send: 'Αποστολή', preQuestion: 'Αφορά το αίτημά σας την ΤΝ στη Meta;', yes: 'Ναι', no: 'Όχι' },
  bg: { title: 'Възражение срещу използването на вашата информация за ИИ в Meta', email: 'Имейл адрес', country: 'Държава на пребиваване', reason: 'Кажете ни как ви засяга това обработване', send: 'Изпрати', preQuestion: 'Отнася ли се заявката ви до ИИ в Meta?', yes: 'Да', no: 'Не' },
} satisfies Record<string, LanguageTexts>;
export type FixtureLang = keyof typeof TEXTS;
export const OTHER_LANGS: FixtureLang[] = ['nl', 'fr', 'it', 'es', 'pl', 'pt', 'sv', 'fi', 'el', 'bg'];

/** Countries offered by the fixtures' selects. */
export const LISTED = ['AT', 'BE', 'DE', 'FR', 'IT', 'NL', 'PL', 'ES'] as const;

/** Meta-style atomic class names: different on every render, meaningless. */
export function atomic(): string {
  const part = () => 'x' + Math.random().toString(36).slice(2, 9);
  return [part(), part(), part()].join(' ');
}
let nextId = 0;
const reactId = () => `:r${(nextId++).toString(36)}:`;

export function setPageLanguage(lang: string | null): void {
  if (lang === null) document.documentElement.removeAttribute('lang');
  else document.documentElement.setAttribute('lang', lang);
}

/** A spy on Send: counts clicks on any Send button and submits of any form. */
export function watchSend(): { count: () => number; stop: () => void } {
  let n = 0;
  const onClick = (e: Event) => {
    const t = e.target as HTMLElement | null;
    if (t?.closest('[data-send]')) n++;
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    n++;
  };
  document.addEventListener('click', onClick, true);
  document.addEventListener('submit', onSubmit, true);
  return {
    count: () => n,
    stop: () => {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('submit', onSubmit, true);
    },
  };
}

export interface ServerFormOptions {
  email?: string;
  /** Selected country value (ISO), '' for the placeholder. */
  country?: string;
  maxLength?: number;
  countries?: readonly string[];
  withTextarea?: boolean;
}

/** The older server-rendered help contact form (English): labels, Field… names, ISO option values. */
export function serverRenderedEnglishForm(opts: ServerFormOptions = {}): HTMLFormElement {
  setPageLanguage('en');
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const options = (opts.countries ?? LISTED)
    .map((c) => `<option value="${c}">${names.of(c)}</option>`)
    .join('');
  document.body.innerHTML = `
    <div id="globalContainer"><div id="u_0_0_Ab" class="${atomic()}">
      <h2>${TEXTS.en.title}</h2>
      <form id="u_0_4_Xy" method="post" action="/ajax/help/contact/submit/page">
        <input type="hidden" name="lsd" value="AVqEJmbH">
        <input type="hidden" name="support_form_id" value="712876720715583">
        <label for="u_0_5_Cd">${TEXTS.en.country}</label>
        <select name="Field1238476123847612" id="u_0_5_Cd"><option value="">Select a country</option>${options}</select>
        <label for="u_0_6_Ef">${TEXTS.en.email}</label>
        <input type="email" name="Field1932847561928374" id="u_0_6_Ef" value="${opts.email ?? ''}">
        ${opts.withTextarea === false ? '' : `<label for="u_0_7_Gh">${TEXTS.en.reason}</label>
        <textarea name="Field2893746512837465" id="u_0_7_Gh"${opts.maxLength ? ` maxlength="${opts.maxLength}"` : ''}></textarea>`}
        <button type="submit" data-send>${TEXTS.en.send}</button>
      </form>
    </div></div>`;
  // happy-dom does not honour the `selected` attribute reliably: select as the server would have.
  document.querySelector('select')!.value = opts.country ?? '';
  return document.querySelector('form')!;
}

export interface ControlledForm {
  root: HTMLElement;
  email: HTMLInputElement;
  country: HTMLSelectElement;
  reason: HTMLTextAreaElement;
  send: HTMLElement;
  /** The app's state, as React would hold it. */
  state: Record<string, string>;
  /** A re-render: writes the app's state back to the DOM, as React does for controlled inputs. */
  rerender(): void;
}

export interface ControlledOptions {
  email?: string;
  maxLength?: number;
  /** When true, the app refuses every change of the reason (e.g. it validates and resets it). */
  refuseReason?: boolean;
}

/**
 * A React-like controlled form: obfuscated classes, aria-labelledby labels, `input type=text
 * inputmode=email`, a `div[role=button]` Send, country names in the page's language with opaque values.
 * Each field has React's value tracker (an own `value` property that records assignments); the app's
 * `input` listener takes the native value into its state only when it differs from the tracker, then
 * re-renders, writing its state back. So `el.value = x` without an event is undone by the next render.
 */
export function controlledForm(lang: FixtureLang, opts: ControlledOptions = {}, container: HTMLElement = document.body): ControlledForm {
  setPageLanguage(lang);
  const t: LanguageTexts = TEXTS[lang];
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  const [idEmail, idCountry, idReason, idTitle] = [reactId(), reactId(), reactId(), reactId()];
  const options = LISTED.map((c, i) => `<option value="${1000 + i}">${names.of(c)}</option>`).join('');
  container.innerHTML = `
    <div class="${atomic()}" role="main">
      <div class="${atomic()}" role="region" aria-labelledby="${idTitle}">
        <h2 id="${idTitle}" class="${atomic()}">${t.title}</h2>
        <div class="${atomic()}">
          <div class="${atomic()}"><span id="${idEmail}" class="${atomic()}">${t.email}</span>
            <input class="${atomic()}" type="text" inputmode="email" dir="auto" aria-labelledby="${idEmail}" value="${opts.email ?? ''}"></div>
          <div class="${atomic()}"><span id="${idCountry}" class="${atomic()}">${t.country}</span>
            <select class="${atomic()}" aria-labelledby="${idCountry}"><option value="">—</option>${options}</select></div>
          <div class="${atomic()}"><span id="${idReason}" class="${atomic()}">${t.reason}</span>
            <textarea class="${atomic()}" dir="auto" aria-labelledby="${idReason}"${opts.maxLength ? ` maxlength="${opts.maxLength}"` : ''}></textarea></div>
          <div class="${atomic()}"><div class="${atomic()}" role="button" tabindex="0" data-send><span class="${atomic()}">${t.send}</span></div></div>
        </div>
      </div>
    </div>`;
  const root = container.querySelector<HTMLElement>('[role=main]')!;
  const email = root.querySelector<HTMLInputElement>('input')!;
  const country = root.querySelector<HTMLSelectElement>('select')!;
  const reason = root.querySelector<HTMLTextAreaElement>('textarea')!;
  const send = root.querySelector<HTMLElement>('[role=button]')!;
  const state: Record<string, string> = { email: email.value, country: country.value, reason: '' };
  const fields: Array<[keyof typeof state, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement]> = [
    ['email', email],
    ['country', country],
    ['reason', reason],
  ];
  const rerender = () => {
    for (const [key, el] of fields) if (el.value !== state[key]) el.value = state[key] ?? '';
  };
  for (const [key, el] of fields) {
    const native = nativeValue(el);
    let tracked = native.get.call(el) as string;
    Object.defineProperty(el, 'value', {
      configurable: true,
      get() {
        return native.get.call(this);
      },
      set(v: string) {
        tracked = String(v);
        native.set.call(this, v);
      },
    });
    const onEvent = () => {
      const current = native.get.call(el) as string;
      if (current !== tracked) {
        tracked = current;
        if (!(key === 'reason' && opts.refuseReason)) state[key] = current;
      }
      rerender();
    };
    el.addEventListener('input', onEvent);
    el.addEventListener('change', onEvent);
  }
  return { root, email, country, reason, send, state, rerender };
}

function nativeValue(el: Element): { get: (this: Element) => unknown; set: (this: Element, v: unknown) => void } {
  let proto: object | null = Object.getPrototypeOf(el);
  while (proto) {
    const desc = Object.getOwnPropertyDescriptor(proto, 'value');
    if (desc?.get && desc.set) return { get: desc.get, set: desc.set };
    proto = Object.getPrototypeOf(proto);
  }
  throw new Error('no native value property');
}

/**
 * The pre-question stage ("Is your request about AI at Meta?" Yes/No, no fields yet). Answering yes
 * renders the controlled form after `delayMs`, in place of the question.
 */
export function preQuestionStage(lang: FixtureLang, delayMs = 30, opts: ControlledOptions = {}): { yes: HTMLElement; no: HTMLElement; formShown: Promise<ControlledForm> } {
  setPageLanguage(lang);
  const t: LanguageTexts = TEXTS[lang];
  document.body.innerHTML = `
    <div class="${atomic()}" id="stage">
      <h2 class="${atomic()}">${t.title}</h2>
      <p class="${atomic()}">${t.preQuestion}</p>
      <div role="radiogroup" class="${atomic()}">
        <div role="button" tabindex="0" class="${atomic()}"><span>${t.yes}</span></div>
        <div role="button" tabindex="0" class="${atomic()}"><span>${t.no}</span></div>
      </div>
    </div>`;
  const [yes, no] = Array.from(document.querySelectorAll<HTMLElement>('[role=radiogroup] [role=button]')) as [HTMLElement, HTMLElement];
  const formShown = new Promise<ControlledForm>((resolve) => {
    yes.addEventListener('click', () => {
      setTimeout(() => {
        const container = document.getElementById('stage');
        if (container) resolve(controlledForm(lang, opts, container));
      }, delayMs);
    });
  });
  return { yes, no, formShown };
}

/** The third-party form: name, country, e-mail, the prompts that showed the data, a screenshot. */
export function thirdPartyForm(opts: { email?: string } = {}): HTMLFormElement {
  setPageLanguage('en');
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  document.body.innerHTML = `
    <div class="${atomic()}">
      <h2>Information about you from third parties used for generative AI</h2>
      <form class="${atomic()}">
        <label>Full name <input type="text" name="Field100" autocomplete="name"></label>
        <label>Country <select name="Field200"><option value="">Select</option>${LISTED.map((c) => `<option value="${c}">${names.of(c)}</option>`).join('')}</select></label>
        <label>Email address <input type="email" name="Field300" value="${opts.email ?? ''}"></label>
        <label>Prompts that showed your information <textarea name="Field400"></textarea></label>
        <label>Screenshot <input type="file" name="Field500" accept="image/*"></label>
        <button type="submit" data-send>Send</button>
      </form>
    </div>`;
  return document.querySelector('form')!;
}

/** An ordinary help contact form (not an objection): e-mail and a message. */
export function otherHelpForm(): HTMLFormElement {
  setPageLanguage('en');
  document.body.innerHTML = `
    <form><h2>Report a login issue</h2>
      <label>Email <input type="email" name="email"></label>
      <label>Describe the problem <textarea name="Field1"></textarea></label>
      <button type="submit" data-send>Send</button></form>`;
  return document.querySelector('form')!;
}

export function ruleById<T extends { id: string }>(rules: readonly T[], id: string): T {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}
