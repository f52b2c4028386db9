import type { FieldRule, FormRule } from './schema';
import { formUrl } from './urls';

/*
 * What Objector knows about Meta's AI objection forms (see shared notes in meta-forms.md).
 * Recognition never depends on the page's language: forms are found by URL and by the structure of their
 * fields (types, roles, autocomplete). Text is used only where nothing structural exists: the Send button
 * of forms without `type=submit`, the pre-question's "yes", Meta's confirmation and error messages.
 * Texts are normalised (lower case, no accents, single spaces) before matching, so write them plainly.
 */

/** "Send"/"Submit" in the 24 EU languages, Norwegian and Icelandic. */
const submitWords = [
  'send', 'submit', // en, da, nb
  'verzenden', 'versturen', 'indienen', // nl
  'senden', 'absenden', 'abschicken', // de
  'envoyer', 'soumettre', // fr
  'invia', 'inviare', // it
  'enviar', // es, pt
  'wyslij', 'przeslij', // pl
  'skicka', 'senda', 'laheta', 'saada', 'saatke', // sv, is, fi, et
  'nosutit', 'siusti', 'pateikti', 'seol', // lv, lt, ga
  'izprati', 'изпрати', 'изпращане', 'posalji', 'odeslat', 'odoslat', 'poslji', // bg, hr, cs, sk, sl
  'αποστολη', 'υποβολη', 'kuldes', 'ibghat', 'trimite', 'trimiteti', // el, hu, mt, ro
];

/** "Yes" for the pre-question ("Is your request about AI at Meta?"). */
const yesWords = [
  'yes', 'ja', 'oui', 'si', 'sim', 'tak', 'ano', 'da', 'igen', 'jah', 'ja', 'kylla', 'ja',
  'taip', 'ta', 'iva', 'nai', 'ναι', 'да',
];

/** Meta's confirmation, as far as its wording is known. Recognition does not rely on it alone. */
const confirmationPhrases = [
  'we have received your', 'your request will be applied', 'you will receive an email', "you'll receive an email",
  'wir haben deinen einspruch erhalten', 'deine anfrage ab jetzt', 'du erhaltst eine e-mail',
  'we hebben je bezwaar ontvangen', 'je verzoek wordt vanaf nu', 'je ontvangt een e-mail',
  'nous avons bien recu', 'votre demande sera appliquee', 'vous recevrez un e-mail',
  "cio significa che la tua richiesta verra applicata", 'riceverai una e-mail',
  'hemos recibido tu', 'tu solicitud se aplicara', 'recibiras un correo',
  'otrzymalismy', 'twoja prosba bedzie', 'otrzymasz e-mail',
  'recebemos o teu', 'recebemos seu', 'o teu pedido sera aplicado', 'receberas um e-mail',
];

/** Meta's error messages met by users (see meta-forms.md, failure modes). */
const errorPhrases = [
  "we can't take further action", 'we cannot take further action', "can't take further action",
  "we don't automatically fulfill", 'we do not automatically fulfil', 'something went wrong', 'try again later',
  'wir konnen deine anfrage nicht', 'nicht weiter bearbeiten', 'etwas ist schiefgelaufen',
  'we kunnen geen verdere actie', 'er is iets misgegaan',
  'nous ne pouvons pas donner suite', "une erreur s'est produite",
  'non possiamo intraprendere', 'si e verificato un errore',
  'no podemos tomar', 'se ha producido un error', 'algo salio mal',
  'nie mozemy podjac', 'cos poszlo nie tak',
  'nao podemos tomar', 'algo correu mal', 'ocorreu um erro',
];

const emailField: FieldRule = {
  role: 'email',
  fill: 'email',
  required: true,
  selectors: [
    'input[type=email]',
    'input[autocomplete~=email]',
    'input[inputmode=email]',
    'input[name*="mail" i]',
    'input[id*="mail" i]',
  ],
};

const countryField: FieldRule = {
  role: 'country',
  fill: 'country',
  required: false,
  selectors: ['select', 'input[list]', '[role=combobox]'],
};

const reasonField: FieldRule = {
  role: 'reason',
  fill: 'reason',
  required: true,
  selectors: ['textarea'],
};

const objectionTexts = {
  preQuestionYes: yesWords,
  submitWords,
  confirmationPhrases,
  errorPhrases,
} satisfies Partial<FormRule>;

export const formRules: FormRule[] = [
  {
    ...formUrl('facebook-ai-objection'),
    kind: 'objection',
    fields: [emailField, countryField, reasonField],
    ...objectionTexts,
  },
  {
    ...formUrl('instagram-ai-objection'),
    kind: 'objection',
    fields: [emailField, countryField, reasonField],
    ...objectionTexts,
  },
  {
    ...formUrl('facebook-ai-objection-general'),
    kind: 'objection',
    fields: [emailField, countryField, reasonField],
    ...objectionTexts,
  },
  ...['facebook-third-party-ai', 'facebook-third-party-ai-older'].map((id): FormRule => ({
    ...formUrl(id),
    kind: 'third-party',
    fields: [
      emailField,
      countryField,
      { role: 'name', fill: null, required: false, selectors: ['input[autocomplete~=name]', 'input[name*="name" i]', 'input[type=text]:not([autocomplete~=email]):not([inputmode=email])'] },
      { role: 'prompts', fill: null, required: true, selectors: ['textarea'] },
      { role: 'screenshot', fill: null, required: false, selectors: ['input[type=file]'] },
    ],
    ...objectionTexts,
  })),
];
