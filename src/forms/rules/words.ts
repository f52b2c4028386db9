import type { FieldRule, FormRule } from './schema';

/*
 * Words and phrases of Meta's forms shared by the rules of several forms, in the 24 EU languages, Norwegian
 * and Icelandic. Texts are normalised before matching (lower case, no accents, single spaces; Cyrillic and
 * Greek letters lose their accents too), so write them plainly. Label words are matched inside a field's
 * accessible name; Send and Yes words must be a button's whole text.
 */

/** "Send"/"Submit". */
export const submitWords = [
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
export const yesWords = [
  'yes', 'ja', 'oui', 'si', 'sim', 'tak', 'ano', 'da', 'igen', 'jah', 'kylla',
  'taip', 'ta', 'iva', 'nai', 'ναι', 'да',
];

/**
 * Meta's confirmation, as far as its wording is known: only these make a submission Confirmed (a form that
 * merely disappears stays Submitted). No bare "thank you": a page says that for anything.
 */
export const confirmationPhrases = [
  'we have received your', 'your request will be applied', 'you will receive an email', "you'll receive an email",
  'wir haben deinen einspruch erhalten', 'deine anfrage ab jetzt', 'du erhaltst eine e-mail',
  'we hebben je bezwaar ontvangen', 'je verzoek wordt vanaf nu', 'je ontvangt een e-mail',
  'nous avons bien recu', 'votre demande sera appliquee', 'vous recevrez un e-mail',
  'cio significa che la tua richiesta verra applicata', 'riceverai una e-mail',
  'hemos recibido tu', 'tu solicitud se aplicara', 'recibiras un correo',
  'otrzymalismy', 'twoja prosba bedzie', 'otrzymasz e-mail',
  'recebemos o teu', 'recebemos seu', 'o teu pedido sera aplicado', 'receberas um e-mail',
];

/** Meta's error messages met by users (see meta-forms.md, failure modes). */
export const errorPhrases = [
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

/** Words in the name of an e-mail field (en nl de fr it es pl pt sv da fi cs sk sl hr hu ro bg el et lv lt ga mt nb is). */
export const emailLabels = [
  'mail', // email, e-mail, e-mailadres, E-Mail-Adresse, adresse e-mail, indirizzo e-mail, adres e-mail, e-mailová adresa, e-mail-cím, Διεύθυνση email
  'e-post', // sv, nb, et, sl (e-poštni), hr (e-pošta)
  'courriel', 'correo', 'correio eletronico', 'posta elettronica', 'poczta elektroniczna',
  'sahkoposti', // fi sähköposti
  'имейл', 'електронна поща', // bg
  'ηλεκτρονικ', // el ηλεκτρονικό ταχυδρομείο
  'e-pasta', 'e-pasts', // lv
  'el. past', 'el. pasto', 'elektroninio pasto', // lt el. paštas
  'riomhphost', 'riomhphoist', // ga
  'netfang', // is
];

/** Words in the name of a country field. */
export const countryLabels = [
  'country', 'land', // en; nl, de, sv, da, nb, is (Land, Bosättningsland, Bopælsland)
  'pays', 'paese', 'pais', // fr, it, es/pt
  'kraj', 'krajina', 'zeme', // pl, sk, cs (Země)
  'maa', // fi (Asuinmaa), et uses riik
  'drzava', 'orszag', 'tara', // sl/hr država, hu ország, ro țara
  'държава', 'страна', 'χωρα', // bg, el χώρα
  'riik', 'valsts', 'salis', // et, lv, lt šalis
  'tir chonaithe', 'pajjiz', // ga, mt pajjiż
  'residence', 'residencia', 'residenza', 'wohnsitz', 'woonplaats',
];

/** Words in the name of the free-text field for the reason ("how this processing impacts you"). */
export const reasonLabels = [
  'impacts you', 'affects you', 'processing', 'tell us',
  'auswirkt', 'verarbeitung', 'invloed', 'verwerking', 'vous affecte', 'traitement', 'ti riguarda', 'trattamento',
  'te afecta', 'tratamiento', 'wplywa', 'przetwarzanie', 'te afeta', 'tratamento', 'paverkar', 'behandling',
  'paavirker', 'vaikuttaa', 'kasittely', 'ovlivnuje', 'zpracovani', 'va afecteaza', 'prelucrare', 'erinti', 'adatkezeles',
  'σας επηρεαζει', 'επεξεργασια', 'ви засяга', 'обработване',
];

/** Words in the name of a person's name field (third-party forms). */
export const nameLabels = [
  'name', 'naam', 'nom', 'nome', 'nombre', 'imie', 'namn', 'navn', 'nimi', 'jmeno', 'meno', 'ime', 'nev', 'nume',
  'име', 'ονομα', 'vards', 'vardas', 'ainm', 'isem', 'nafn',
];

/** Words in the name of the free-text field for the prompts that showed the user's data (third-party forms). */
export const promptLabels = ['prompt', 'prompts', 'eingabe', 'invoer', 'requete', 'richiesta', 'instruccion', 'polecenie'];

export const emailField: FieldRule = {
  role: 'email',
  fill: 'email',
  control: 'line',
  selectors: ['input[type=email]', 'input[autocomplete~=email]', 'input[inputmode=email]', 'input[name*="mail" i]', 'input[id*="mail" i]'],
  labels: emailLabels,
  valueShape: 'email',
};

export const countryField: FieldRule = {
  role: 'country',
  fill: 'country',
  control: 'choice',
  selectors: ['select[autocomplete~=country]', 'select[autocomplete~=country-name]', '[role=combobox][aria-autocomplete]', 'select', '[role=combobox]', 'input[list]'],
  labels: countryLabels,
};

export const reasonField: FieldRule = {
  role: 'reason',
  fill: 'reason',
  control: 'freeText',
  recognises: true,
  selectors: ['textarea', '[contenteditable=true]', '[contenteditable=""]', '[role=textbox]'],
  labels: reasonLabels,
};

/** What every objection form shares: its texts. */
export const objectionTexts = {
  preQuestionYes: yesWords,
  submitWords,
  confirmationPhrases,
  errorPhrases,
} satisfies Partial<FormRule>;
