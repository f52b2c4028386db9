/** Every text the replicas show that a test may want to assert on. */
export const TEXTS = {
  en: {
    objectionTitle: 'Object to Your Information Being Used for AI at Meta',
    confirmation:
      "Thank you. We have received your objection. This means your request will be applied going forward to the development and improvement of AI at Meta. You'll receive an email with the details.",
    error: "We can't take further action on this request.",
    invalidEmail: 'Please enter a valid email address.',
    email: 'Email address',
    country: 'Country of residence',
    reason: 'Please tell us how this processing impacts you',
    send: 'Send',
    feedLink: 'Object to AI at Meta',
  },
  de: {
    objectionTitle: 'Einspruch gegen die Verwendung deiner Informationen für KI bei Meta',
    preQuestion: 'Bezieht sich deine Anfrage auf KI bei Meta?',
    yes: 'Ja',
    no: 'Nein',
    confirmation:
      'Danke. Wir haben deinen Einspruch erhalten. Das bedeutet, dass deine Anfrage ab jetzt auf die Entwicklung und Verbesserung von KI bei Meta angewendet wird. Du erhältst eine E-Mail mit den Details.',
    error: 'Wir können deine Anfrage nicht weiter bearbeiten.',
    invalidEmail: 'Bitte gib eine gültige E-Mail-Adresse ein.',
    notAiRelated: 'Bitte nutze für andere Anliegen den Instagram-Hilfebereich.',
    email: 'E-Mail-Adresse',
    country: 'Land, in dem du wohnst',
    reason: 'Bitte teile uns mit, wie sich diese Verarbeitung auf dich auswirkt',
    send: 'Senden',
  },
  nl: {
    objectionTitle: 'Bezwaar maken tegen het gebruik van je informatie voor AI bij Meta',
    confirmation:
      'Bedankt. We hebben je bezwaar ontvangen. Dit betekent dat je verzoek vanaf nu wordt toegepast op de ontwikkeling en verbetering van AI bij Meta. Je ontvangt een e-mail met de details.',
    error: 'We kunnen geen verdere actie ondernemen voor dit verzoek.',
    invalidEmail: 'Voer een geldig e-mailadres in.',
    email: 'E-mailadres',
    country: 'Land waar je woont',
    reason: 'Vertel ons hoe deze verwerking invloed op je heeft',
    send: 'Verzenden',
    feedLink: 'Bezwaar maken tegen AI bij Meta',
  },
  loginIssue: {
    title: 'Report a login issue',
    confirmation: "Thanks for contacting us. We'll get back to you by email if we need more information.",
    error: "We can't take further action on this request.",
  },
  thirdParty: {
    title: 'Information about you from third parties used for generative AI',
    confirmation:
      "Thank you. We have received your request. We'll review it and you'll receive an email with the details.",
    error: "We can't take further action on this request.",
  },
} as const;
