/**
 * Old-style, server-rendered Facebook "help contact" forms (#1, #4, #5): a real <form method="post">, inputs
 * named `Field<digits>`, <label for>, a submit button. The POST is a real navigation answered by the route.
 */
import { atomicSheet, escapeHtml, legacyId, randomToken, SYSTEM_FONT } from './atomic.js';
import { countries } from './countries.js';
import { TEXTS } from './texts.js';

export type LegacyFieldKind = 'email' | 'text' | 'country' | 'textarea' | 'file';

export interface LegacyField {
  kind: LegacyFieldKind;
  name: string;
  label: string;
  description?: string;
  required?: boolean;
  maxLength?: number;
  /** prefilled unless the page URL has ?noprefill=1 */
  prefill?: string;
  accept?: string;
}

export interface LegacyFormSpec {
  formId: string;
  title: string;
  intro: string[];
  fields: LegacyField[];
  confirmation: string;
  error: string;
  multipart?: boolean;
}

export const PREFILLED_EMAIL = 'prefilled@example.com';

export const LEGACY_FIELDS = {
  fbEnglish: {
    email: 'Field166040066844792',
    country: 'Field1089930758094427',
    reason: 'Field1092009531000297',
  },
  fbLoginIssue: {
    email: 'Field195413420567093',
    description: 'Field1117846698256929',
  },
  fbThirdParty: {
    fullName: 'Field1405187389796012',
    country: 'Field1080327542338744',
    email: 'Field1426013044322393',
    prompts: 'Field1409127166413218',
    screenshot: 'Field1463101557049213',
  },
} as const;

export const LEGACY_FORMS: Record<'fbEnglish' | 'fbLoginIssue' | 'fbThirdParty', LegacyFormSpec> = {
  fbEnglish: {
    formId: '712876720715583',
    title: TEXTS.en.objectionTitle,
    intro: [
      'AI at Meta is our collection of generative AI features and experiences, like Meta AI and AI creative tools, along with the models that power them.',
      'You have the right to object to Meta using the information you’ve shared on our Products and services to develop and improve AI at Meta. You can submit this form to exercise that right.',
      'If your objection is honored, it will be applied going forward.',
    ],
    fields: [
      { kind: 'country', name: LEGACY_FIELDS.fbEnglish.country, label: TEXTS.en.country },
      {
        kind: 'email',
        name: LEGACY_FIELDS.fbEnglish.email,
        label: TEXTS.en.email,
        description: 'Please make sure this is the email address associated with your account.',
        required: true,
        prefill: PREFILLED_EMAIL,
      },
      {
        kind: 'textarea',
        name: LEGACY_FIELDS.fbEnglish.reason,
        label: TEXTS.en.reason,
        description: 'Optional',
        maxLength: 3000,
      },
    ],
    confirmation: TEXTS.en.confirmation,
    error: TEXTS.en.error,
  },
  fbLoginIssue: {
    formId: '268228883256323',
    title: TEXTS.loginIssue.title,
    intro: [
      'If you’re having trouble logging into your account, let us know. Please include as much detail as possible.',
    ],
    fields: [
      {
        kind: 'email',
        name: LEGACY_FIELDS.fbLoginIssue.email,
        label: 'Email address',
        description: 'The email address where we can reach you.',
        required: true,
        prefill: PREFILLED_EMAIL,
      },
      {
        kind: 'textarea',
        name: LEGACY_FIELDS.fbLoginIssue.description,
        label: 'Please describe the issue',
        maxLength: 3000,
      },
    ],
    confirmation: TEXTS.loginIssue.confirmation,
    error: TEXTS.loginIssue.error,
  },
  fbThirdParty: {
    formId: '510058597920541',
    title: TEXTS.thirdParty.title,
    intro: [
      'If you believe information about you from third parties appears in a response from AI at Meta, you can use this form to submit a request.',
      'Your request will be reviewed in line with local laws.',
    ],
    fields: [
      { kind: 'text', name: LEGACY_FIELDS.fbThirdParty.fullName, label: 'Full name', required: true },
      { kind: 'country', name: LEGACY_FIELDS.fbThirdParty.country, label: 'Country of residence' },
      {
        kind: 'email',
        name: LEGACY_FIELDS.fbThirdParty.email,
        label: 'Email address',
        required: true,
        prefill: PREFILLED_EMAIL,
      },
      {
        kind: 'textarea',
        name: LEGACY_FIELDS.fbThirdParty.prompts,
        label:
          'Please provide the prompts you entered that resulted in your personal information appearing in a response from an AI at Meta model, feature or experience',
        maxLength: 3000,
      },
      {
        kind: 'file',
        name: LEGACY_FIELDS.fbThirdParty.screenshot,
        label: 'Please upload a screenshot of the response',
        accept: 'image/*',
      },
    ],
    confirmation: TEXTS.thirdParty.confirmation,
    error: TEXTS.thirdParty.error,
    multipart: true,
  },
};

function sheet() {
  return atomicSheet({
    html: 'background:#f0f2f5;margin:0',
    body: SYSTEM_FONT + ';margin:0;color:#1c1e21;font-size:15px;line-height:1.34;background:#f0f2f5',
    header:
      'background:#1877f2;height:56px;display:flex;align-items:center;padding:0 16px;gap:16px;box-shadow:0 2px 4px rgba(0,0,0,.1)',
    wordmark:
      'color:#fff;font-size:28px;font-weight:700;letter-spacing:-1px;text-decoration:none;font-family:Helvetica,Arial,sans-serif',
    helpCenter: 'color:#fff;font-size:17px;font-weight:600;white-space:nowrap',
    search:
      'flex:1;max-width:420px;margin-left:auto;height:36px;border:none;border-radius:18px;padding:0 14px;font-size:15px;background:#fff;outline:none',
    main: 'max-width:680px;margin:24px auto;padding:0 12px',
    crumb: 'font-size:13px;color:#65676b;margin:0 0 12px 4px',
    crumbLink: 'color:#65676b;text-decoration:none;hover:text-decoration:underline',
    card: 'background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);padding:20px 20px 16px',
    title: 'font-size:20px;font-weight:700;margin:0 0 12px;line-height:1.2',
    intro: 'margin:0 0 12px;color:#1c1e21',
    sep: 'border:0;border-top:1px solid #dadde1;margin:16px 0',
    group: 'margin:0 0 16px',
    label: 'display:block;font-weight:600;font-size:14px;margin:0 0 4px;color:#1c1e21',
    required: 'color:#be4b49;margin-left:2px',
    desc: 'font-size:13px;color:#65676b;margin:0 0 6px',
    control:
      'box-sizing:border-box;width:100%;border:1px solid #ccd0d5;border-radius:6px;padding:8px 10px;font-size:15px;font-family:inherit;background:#fff;color:#1c1e21;focus:border-color:#1877f2;focus:box-shadow:0 0 0 2px #e7f3ff;focus:outline:none',
    textarea: 'min-height:120px;resize:vertical',
    file: 'font-size:14px',
    footerRow: 'display:flex;justify-content:flex-end;border-top:1px solid #dadde1;padding-top:12px;margin-top:4px',
    send:
      'background:#1877f2;color:#fff;border:none;border-radius:6px;padding:0 20px;height:36px;font-size:15px;font-weight:600;font-family:inherit;cursor:pointer;hover:background:#166fe5;active:background:#1467d6',
    alert:
      'background:#ffebe8;border:1px solid #dd3c10;color:#1c1e21;padding:10px 12px;border-radius:6px;margin:0 0 16px;font-size:14px',
    confirmation: 'font-size:15px;margin:0;line-height:1.45',
    footer: 'max-width:680px;margin:24px auto;padding:0 12px;font-size:12px;color:#8a8d91',
  });
}

type Sheet = ReturnType<typeof sheet>;

function pageShell(s: Sheet, title: string, inner: string): string {
  return (
    '<!DOCTYPE html>\n<html lang="en" id="facebook" class="' +
    s.cls.html +
    '"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="referrer" content="origin-when-crossorigin"><title>' +
    escapeHtml(title) +
    '</title><style>' +
    s.css +
    '</style></head><body class="' +
    s.cls.body +
    '" dir="ltr">' +
    '<div class="' +
    s.cls.header +
    '" role="banner"><a class="' +
    s.cls.wordmark +
    '" href="/" aria-label="Facebook">facebook</a><span class="' +
    s.cls.helpCenter +
    '">Help Center</span>' +
    '<div role="search" style="display:contents"><input type="search" class="' +
    s.cls.search +
    '" name="query" placeholder="How can we help?" aria-label="Search help articles" autocomplete="off"></div></div>' +
    '<div class="' +
    s.cls.main +
    '" role="main"><div class="' +
    s.cls.crumb +
    '"><a class="' +
    s.cls.crumbLink +
    '" href="/help/">Help Center</a> › <a class="' +
    s.cls.crumbLink +
    '" href="/privacy/center/">Privacy, Safety and Security</a></div>' +
    inner +
    '</div><div class="' +
    s.cls.footer +
    '">Meta © 2025 · <a class="' +
    s.cls.crumbLink +
    '" href="/privacy/policy/">Privacy Policy</a> · <a class="' +
    s.cls.crumbLink +
    '" href="/policies/cookies/">Cookies</a></div></body></html>'
  );
}

export interface LegacyRenderOptions {
  /** path + query the form posts to (the page's own URL) */
  action: string;
  prefill: boolean;
  /** values to show (re-rendered after an error) */
  values?: Record<string, string>;
  error?: string;
}

export function renderLegacyForm(spec: LegacyFormSpec, opts: LegacyRenderOptions): string {
  const s = sheet();
  let counter = 2 + Math.floor(Math.random() * 4);
  const nextId = () => legacyId(counter++);
  const parts: string[] = [];
  parts.push('<div class="' + s.cls.card + '"><h2 class="' + s.cls.title + '">' + escapeHtml(spec.title) + '</h2>');
  for (const p of spec.intro) parts.push('<p class="' + s.cls.intro + '">' + escapeHtml(p) + '</p>');
  parts.push('<hr class="' + s.cls.sep + '">');
  const formId = nextId();
  parts.push(
    '<form method="post" action="' +
      escapeHtml(opts.action) +
      '" id="' +
      formId +
      '"' +
      (spec.multipart ? ' enctype="multipart/form-data"' : '') +
      '>',
  );
  if (opts.error) {
    parts.push('<div class="' + s.cls.alert + '" role="alert">' + escapeHtml(opts.error) + '</div>');
  }
  const hidden: Record<string, string> = {
    jazoest: String(20000 + Math.floor(Math.random() * 9999)),
    lsd: 'AV' + randomToken(20),
    support_form_id: spec.formId,
    support_form_locale_id: 'en_US',
    support_form_hidden_fields: '{}',
    support_form_fact_false_fields: '[]',
  };
  for (const [name, value] of Object.entries(hidden)) {
    parts.push('<input type="hidden" name="' + name + '" value="' + escapeHtml(value) + '" autocomplete="off">');
  }
  for (const field of spec.fields) {
    const id = nextId();
    const descId = field.description ? nextId() : '';
    const value = opts.values ? (opts.values[field.name] ?? '') : opts.prefill ? (field.prefill ?? '') : '';
    parts.push('<div class="' + s.cls.group + '">');
    parts.push(
      '<label class="' +
        s.cls.label +
        '" for="' +
        id +
        '">' +
        escapeHtml(field.label) +
        (field.required ? '<span class="' + s.cls.required + '" aria-hidden="true">*</span>' : '') +
        '</label>',
    );
    if (field.description) {
      parts.push('<div class="' + s.cls.desc + '" id="' + descId + '">' + escapeHtml(field.description) + '</div>');
    }
    const common =
      ' id="' +
      id +
      '" name="' +
      field.name +
      '"' +
      (field.required ? ' required aria-required="true"' : '') +
      (descId ? ' aria-describedby="' + descId + '"' : '');
    switch (field.kind) {
      case 'email':
        parts.push(
          '<input type="email" class="' +
            s.cls.control +
            '"' +
            common +
            ' value="' +
            escapeHtml(value) +
            '" autocomplete="email" spellcheck="false">',
        );
        break;
      case 'text':
        parts.push(
          '<input type="text" class="' + s.cls.control + '"' + common + ' value="' + escapeHtml(value) + '">',
        );
        break;
      case 'country': {
        const options = ['<option value=""></option>'];
        for (const c of countries('en')) {
          options.push(
            '<option value="' +
              c.code +
              '"' +
              (value === c.code ? ' selected' : '') +
              '>' +
              escapeHtml(c.name) +
              '</option>',
          );
        }
        parts.push('<select class="' + s.cls.control + '"' + common + '>' + options.join('') + '</select>');
        break;
      }
      case 'textarea':
        parts.push(
          '<textarea class="' +
            s.cls.control +
            ' ' +
            s.cls.textarea +
            '"' +
            common +
            (field.maxLength ? ' maxlength="' + field.maxLength + '"' : '') +
            ' rows="6">' +
            escapeHtml(value) +
            '</textarea>',
        );
        break;
      case 'file':
        parts.push(
          '<input type="file" class="' +
            s.cls.file +
            '"' +
            common +
            (field.accept ? ' accept="' + escapeHtml(field.accept) + '"' : '') +
            '>',
        );
        break;
    }
    parts.push('</div>');
  }
  parts.push(
    '<div class="' +
      s.cls.footerRow +
      '"><button type="submit" value="1" class="' +
      s.cls.send +
      '" id="' +
      nextId() +
      '">Send</button></div></form></div>',
  );
  return pageShell(s, spec.title, parts.join(''));
}

export function renderLegacyConfirmation(spec: LegacyFormSpec): string {
  const s = sheet();
  const inner =
    '<div class="' +
    s.cls.card +
    '"><h2 class="' +
    s.cls.title +
    '">' +
    escapeHtml(spec.title) +
    '</h2><p class="' +
    s.cls.confirmation +
    '">' +
    escapeHtml(spec.confirmation) +
    '</p></div>';
  return pageShell(s, spec.title, inner);
}

/** Static English pages: Privacy Center "AI at Meta" entry point. */
export function renderGenAiPage(): string {
  const s = sheet();
  const inner =
    '<div class="' +
    s.cls.card +
    '"><h2 class="' +
    s.cls.title +
    '">AI at Meta</h2>' +
    '<p class="' +
    s.cls.intro +
    '">AI at Meta is our collection of generative AI features and experiences, like Meta AI and AI creative tools, along with the models that power them.</p>' +
    '<p class="' +
    s.cls.intro +
    '">We use information shared on Meta’s Products and services, such as public posts and comments, to develop and improve AI at Meta. You have the right to object to this use of your information.</p>' +
    '<p class="' +
    s.cls.intro +
    '"><a href="https://www.facebook.com/help/contact/712876720715583">Submit an objection request</a></p>' +
    '<p class="' +
    s.cls.intro +
    '"><a href="https://www.facebook.com/help/contact/510058597920541">Information about you from third parties</a></p>' +
    '</div>';
  return pageShell(s, 'AI at Meta | Privacy Center', inner);
}
