/**
 * #2 Instagram (German), React-style: empty root rendered late, random atomic classes and ids, no <form>, no
 * <label for>, a Ja/Nein pre-question, controlled inputs, a div[role=button] "Senden" posting JSON via fetch.
 */
import { atomicSheet, escapeHtml, randomToken, scriptJson, SYSTEM_FONT } from './atomic.js';
import { countries } from './countries.js';
import { RUNTIME_JS } from './runtime.js';
import { TEXTS } from './texts.js';

export const IG_FORM_ID = '767264225370182';
export const IG_SUBMIT_URL = 'https://help.instagram.com/ajax/help/contact/submit/page';

export const IG_FIELDS = {
  email: 'email',
  country: 'country',
  reason: 'impact',
  /** answer to "Bezieht sich deine Anfrage auf KI bei Meta?": "yes" / "no" */
  aiRelated: 'ai_related',
  formId: 'support_form_id',
} as const;

function sheet() {
  return atomicSheet({
    html: 'background:#fafafa',
    body: SYSTEM_FONT + ';margin:0;background:#fafafa;color:#000;font-size:14px;line-height:18px',
    header:
      'background:#fff;border-bottom:1px solid #dbdbdb;height:60px;display:flex;align-items:center;padding:0 20px;gap:14px',
    wordmark: "font-family:'Brush Script MT','Segoe Script',cursive;font-size:30px;color:#000;text-decoration:none",
    helpCenter: 'font-size:16px;font-weight:600;color:#262626;border-left:1px solid #dbdbdb;padding-left:14px',
    main: 'max-width:640px;margin:28px auto;padding:0 12px',
    card: 'background:#fff;border:1px solid #dbdbdb;border-radius:8px;padding:24px',
    title: 'font-size:20px;font-weight:700;line-height:25px;margin:0 0 12px;display:block',
    p: 'margin:0 0 12px;color:#262626;display:block',
    muted: 'color:#737373;font-size:13px',
    block: 'display:flex;flex-direction:column;margin:16px 0 0',
    labelSpan: 'font-weight:600;font-size:14px;margin:0 0 6px;display:block;color:#262626',
    radios: 'display:flex;gap:12px;flex-wrap:wrap',
    radio:
      'display:flex;align-items:center;gap:8px;border:1px solid #dbdbdb;border-radius:8px;padding:10px 14px;cursor:pointer;user-select:none;min-width:90px;hover:background:#fafafa;focus-visible:outline:2px solid #0095f6',
    radioChecked: 'border-color:#0095f6;background:#e0f1ff',
    dot: 'width:16px;height:16px;border-radius:50%;border:2px solid #8e8e8e;box-sizing:border-box;flex:none',
    dotChecked: 'border:5px solid #0095f6',
    control:
      'box-sizing:border-box;width:100%;border:1px solid #dbdbdb;border-radius:6px;padding:9px 12px;font-size:14px;font-family:inherit;background:#fafafa;color:#000;focus:outline:none;focus:border-color:#a8a8a8;focus:background:#fff',
    invalid: 'border-color:#ed4956',
    textarea: 'min-height:110px;resize:vertical',
    fieldError: 'color:#ed4956;font-size:12px;margin:4px 0 0;display:block',
    spinner:
      'width:24px;height:24px;border-radius:50%;border:3px solid #dbdbdb;border-top-color:#737373;margin:20px auto;animation:igspin .8s linear infinite',
    alert:
      'background:#fdecee;color:#c4172c;border-radius:6px;padding:10px 12px;margin:16px 0 0;font-size:14px;display:block',
    footerRow: 'display:flex;justify-content:flex-end;margin:20px 0 0',
    send:
      'background:#0095f6;color:#fff;border-radius:8px;padding:7px 16px;font-weight:600;font-size:14px;cursor:pointer;user-select:none;display:inline-flex;align-items:center;hover:background:#1877f2;focus-visible:outline:2px solid #000',
    sendBusy: 'opacity:.6;cursor:default',
    confirmation: 'font-size:15px;line-height:21px;margin:0;display:block',
    check:
      'width:44px;height:44px;border-radius:50%;background:#e0f1ff;color:#0095f6;font-size:26px;display:flex;align-items:center;justify-content:center;margin:0 0 14px',
  });
}

const APP_JS = String.raw`
  var C = CONFIG.cls, T = CONFIG.texts;
  var container = document.getElementById(CONFIG.rootId);
  var state = { ai_related: '', email: '', country: '', impact: '' };
  var root = new Root(container, state);
  var view = { sending: false, error: '', invalidEmail: false, fieldsShown: false, done: false };
  var fieldsTimer = 0;
  var ui = {};

  function radio(label, value) {
    var dot = h('span', { class: C.dot, 'aria-hidden': 'true' });
    var el = h('div', { class: C.radio, role: 'radio', tabindex: '0', 'aria-checked': 'false' },
      [dot, h('span', { dir: 'auto', text: label })]);
    pressable(el, function () { choose(value); });
    return { el: el, dot: dot, value: value };
  }

  function choose(value) {
    if (state.ai_related === value) return;
    root.setState('ai_related', value);
    updateRadios();
    clearTimeout(fieldsTimer);
    root.clearBindings();
    ui.fieldsArea.textContent = '';
    view.fieldsShown = false;
    ui.fieldsArea.appendChild(h('div', { class: C.spinner, role: 'progressbar', 'aria-label': 'Wird geladen …' }));
    fieldsTimer = setTimeout(function () {
      ui.fieldsArea.textContent = '';
      if (value === 'yes') renderFields();
      else ui.fieldsArea.appendChild(h('span', { class: C.p + ' ' + C.muted, dir: 'auto', text: T.notAiRelated }));
    }, randomBetween(200, 450));
  }

  function updateRadios() {
    for (var i = 0; i < ui.radios.length; i++) {
      var r = ui.radios[i];
      var checked = state.ai_related === r.value;
      if (r.el.getAttribute('aria-checked') !== String(checked)) {
        r.el.setAttribute('aria-checked', String(checked));
        r.el.className = C.radio + (checked ? ' ' + C.radioChecked : '');
        r.dot.className = C.dot + (checked ? ' ' + C.dotChecked : '');
      }
    }
  }

  function labelled(text, control, extra) {
    var spanId = uid();
    control.setAttribute('aria-labelledby', spanId);
    return h('div', { class: C.block }, [
      h('div', null, h('span', { id: spanId, class: C.labelSpan, dir: 'auto', text: text })),
      h('div', null, control),
      extra || null
    ]);
  }

  function renderFields() {
    var email = h('input', { id: uid(), class: C.control, type: 'text', inputmode: 'email', autocomplete: 'email',
      dir: 'auto', spellcheck: 'false', 'aria-required': 'true', 'aria-invalid': 'false' });
    var emailErrorId = uid();
    ui.emailError = h('span', { id: emailErrorId, class: C.fieldError, role: 'status' });
    email.setAttribute('aria-describedby', emailErrorId);
    var select = h('select', { id: uid(), class: C.control },
      [h('option', { value: '', text: 'Land auswählen' })].concat(CONFIG.countries.map(function (c) {
        return h('option', { value: c.code, text: c.name });
      })));
    var textarea = h('textarea', { id: uid(), class: C.control + ' ' + C.textarea, rows: '6', dir: 'auto' });
    ui.email = email;
    ui.alertSlot = h('div', null);
    ui.send = h('div', { class: C.send, role: 'button', tabindex: '0' }, h('div', null, h('span', { dir: 'auto', text: T.send })));
    pressable(ui.send, send);
    var fields = h('div', null, [
      labelled(T.email, email, ui.emailError),
      labelled(T.country, select),
      labelled(T.reason, textarea),
      ui.alertSlot,
      h('div', { class: C.footerRow }, ui.send)
    ]);
    root.bind(email, 'email', function () { if (view.invalidEmail) { view.invalidEmail = false; updateView(); } });
    root.bind(select, 'country');
    root.bind(textarea, 'impact');
    ui.fieldsArea.appendChild(fields);
    view.fieldsShown = true;
    window.__fieldsRenderedAt = performance.now();
    updateView();
  }

  function updateView() {
    if (!view.fieldsShown) return;
    ui.email.setAttribute('aria-invalid', String(view.invalidEmail));
    ui.email.className = C.control + (view.invalidEmail ? ' ' + C.invalid : '');
    ui.emailError.textContent = view.invalidEmail ? T.invalidEmail : '';
    ui.alertSlot.textContent = '';
    if (view.error) ui.alertSlot.appendChild(h('div', { class: C.alert, role: 'alert', dir: 'auto', text: view.error }));
    ui.send.className = C.send + (view.sending ? ' ' + C.sendBusy : '');
    if (view.sending) ui.send.setAttribute('aria-disabled', 'true'); else ui.send.removeAttribute('aria-disabled');
  }

  function send() {
    if (view.sending || view.done) return;
    if (!EMAIL_RE.test(toStr(state.email).trim())) { view.invalidEmail = true; updateView(); return; }
    view.sending = true; view.error = ''; updateView();
    var body = {
      support_form_id: CONFIG.formId,
      support_form_locale_id: 'de_DE',
      ai_related: toStr(state.ai_related),
      email: toStr(state.email),
      country: toStr(state.country),
      impact: toStr(state.impact),
      lsd: CONFIG.lsd
    };
    postJson(CONFIG.submitUrl, body).then(function (res) {
      view.sending = false;
      if (res && res.ok) showConfirmation();
      else { view.error = (res && res.error) || T.error; updateView(); }
    }, function () {
      view.sending = false; view.error = T.error; updateView();
    });
  }

  function showConfirmation() {
    view.done = true;
    root.clearBindings();
    clearTimeout(fieldsTimer);
    ui.card.textContent = '';
    ui.card.appendChild(h('div', { class: C.check, 'aria-hidden': 'true', text: '✓' }));
    ui.card.appendChild(h('span', { class: C.confirmation, dir: 'auto', text: T.confirmation }));
  }

  function mount() {
    var questionId = uid();
    ui.radios = [radio(T.yes, 'yes'), radio(T.no, 'no')];
    ui.fieldsArea = h('div', null);
    ui.card = h('div', { class: C.card }, [
      h('div', { role: 'heading', 'aria-level': '2', class: C.title, dir: 'auto' }, h('span', { text: T.objectionTitle })),
      h('span', { class: C.p, dir: 'auto', text: 'KI bei Meta ist unsere Sammlung generativer KI-Funktionen und -Erlebnisse, wie Meta AI und KI-Tools für kreative Inhalte, zusammen mit den Modellen, auf denen sie basieren.' }),
      h('span', { class: C.p, dir: 'auto', text: 'Du hast das Recht, Einspruch dagegen einzulegen, dass Meta die Informationen, die du in unseren Produkten und Services geteilt hast, für die Entwicklung und Verbesserung von KI bei Meta verwendet.' }),
      h('div', { class: C.block }, [
        h('span', { id: questionId, class: C.labelSpan, dir: 'auto', text: T.preQuestion }),
        h('div', { role: 'radiogroup', 'aria-labelledby': questionId, class: C.radios }, ui.radios.map(function (r) { return r.el; }))
      ]),
      ui.fieldsArea
    ]);
    var app = h('div', null, [
      h('div', { class: C.header, role: 'banner' }, [
        h('a', { href: 'https://www.instagram.com/', class: C.wordmark, 'aria-label': 'Instagram', text: 'Instagram' }),
        h('span', { class: C.helpCenter, text: 'Hilfebereich' })
      ]),
      h('div', { class: C.main, role: 'main' }, ui.card)
    ]);
    container.appendChild(app);
    document.title = T.objectionTitle + ' | Instagram-Hilfebereich';
  }

  setTimeout(mount, randomBetween(300, 600));
`;

export function renderInstagramForm(): string {
  const s = sheet();
  const rootId = 'mount_0_0_' + randomToken(2).replace(/[^A-Za-z0-9]/g, 'Q');
  const config = {
    cls: s.cls,
    texts: TEXTS.de,
    countries: countries('de'),
    formId: IG_FORM_ID,
    submitUrl: IG_SUBMIT_URL,
    rootId,
    lsd: 'AV' + randomToken(20),
  };
  return (
    '<!DOCTYPE html>\n<html lang="de" class="' +
    s.cls.html +
    '"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Instagram-Hilfebereich</title><style>' +
    s.css +
    '\n@keyframes igspin{to{transform:rotate(360deg)}}</style></head><body class="' +
    s.cls.body +
    '"><div id="' +
    escapeHtml(rootId) +
    '"></div><script>(function(){"use strict";var CONFIG=' +
    scriptJson(config) +
    ';' +
    RUNTIME_JS +
    APP_JS +
    '})();</script></body></html>'
  );
}

/** Minimal https://www.instagram.com/ with a link to the Instagram objection form. */
export function renderInstagramHome(): string {
  const s = sheet();
  return (
    '<!DOCTYPE html>\n<html lang="en" class="' +
    s.cls.html +
    '"><head><meta charset="utf-8"><title>Instagram</title><style>' +
    s.css +
    '</style></head><body class="' +
    s.cls.body +
    '"><div class="' +
    s.cls.header +
    '" role="banner"><a class="' +
    s.cls.wordmark +
    '" href="/">Instagram</a></div><div class="' +
    s.cls.main +
    '" role="main"><div class="' +
    s.cls.card +
    '"><div class="' +
    s.cls.title +
    '" role="heading" aria-level="2">Home</div><span class="' +
    s.cls.p +
    '">Your feed is empty.</span><span class="' +
    s.cls.p +
    '"><a href="https://help.instagram.com/contact/767264225370182">Object to your information being used for AI at Meta</a></span></div></div></body></html>'
  );
}
