/**
 * Hostile variants of Meta's forms that Objector has never seen (issue 7), served on the real form URLs with
 * `?replica=<name>`:
 * - `plain-email` (English; Polish on `pl-pl.facebook.com`): a server-rendered help form whose e-mail input is
 *   `<input type=text>` with a generated `Field…` name, no `type=email`, no `autocomplete`, named only by its
 *   visible `<label for>`; a site search box outside the form; a real POST.
 * - `lexical`: a React-style form whose reason is a Lexical-style rich-text editor (`contenteditable`,
 *   `role=textbox`; the text lives in the app's state and the DOM is re-rendered from it, so direct DOM writes
 *   are undone) and whose country is a combobox with a listbox of options (prefilled with Meta's guess);
 *   Send posts the app's STATE as JSON.
 * - `nothing`: an objection URL showing nothing Objector can recognise, full of planted personal data (see
 *   `PLANTED`), for the problem report.
 */
import { atomicSheet, escapeHtml, legacyId, randomToken, reactId, scriptJson, SYSTEM_FONT } from './atomic.js';
import { countries } from './countries.js';

export const HOSTILE_FIELDS = {
  plainEmail: { email: 'Field171207730001234', country: 'Field171207730005678', reason: 'Field171207730009012' },
  lexical: { email: 'email', country: 'country', reason: 'impact' },
} as const;

export const HOSTILE_TEXTS = {
  en: {
    title: 'Object to Your Information Being Used for AI at Meta',
    email: 'Email address',
    country: 'Country of residence',
    reason: 'Please tell us how this processing impacts you',
    search: 'Search help articles',
    send: 'Send',
    confirmation:
      "Thank you. We have received your objection. This means your request will be applied going forward to the development and improvement of AI at Meta. You'll receive an email with the details.",
  },
  pl: {
    title: 'Sprzeciw wobec wykorzystywania Twoich informacji do AI w Meta',
    email: 'Adres e-mail',
    country: 'Kraj zamieszkania',
    reason: 'Powiedz nam, jak to przetwarzanie na Ciebie wpływa',
    search: 'Szukaj w pomocy',
    send: 'Wyślij',
    confirmation:
      'Dziękujemy. Otrzymaliśmy Twój sprzeciw. Oznacza to, że Twoja prośba będzie od teraz stosowana do rozwoju i ulepszania AI w Meta. Otrzymasz e-mail ze szczegółami.',
  },
} as const;

/** Personal data planted on the `nothing` page: none of it may appear in a problem report. */
export const PLANTED = {
  inputValue: 'Wilhelmina Oosterhuis-Przybylska',
  hiddenValue: 'AVq7hiddenLsdToken93xQ',
  postText: 'Our daughter Amelie starts at Sint-Jozef primary school in Leuven on Monday',
  name: 'Radboud Kwiatkowski',
  email: 'radboud.kwiatkowski@example.net',
  accountId: '100004829384756',
  scriptToken: 'EAAGm0PX4ZCpsBAKZBsecretScriptToken',
  query: 'fbclid=IwAR3plantedClickId&uid=100004829384756',
} as const;

function sheet() {
  return atomicSheet({
    body: SYSTEM_FONT + ';margin:0;background:#f0f2f5;color:#1c1e21;font-size:15px;line-height:1.34',
    header: 'background:#1877f2;height:56px;display:flex;align-items:center;padding:0 16px;gap:16px',
    wordmark: 'color:#fff;font-size:28px;font-weight:700;text-decoration:none',
    search: 'margin-left:auto;height:36px;border:none;border-radius:18px;padding:0 14px;font-size:15px;width:320px',
    main: 'max-width:680px;margin:24px auto;padding:0 12px',
    card: 'background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);padding:20px',
    title: 'font-size:20px;font-weight:700;margin:0 0 12px',
    group: 'margin:0 0 16px',
    label: 'display:block;font-weight:600;font-size:14px;margin:0 0 4px',
    control: 'box-sizing:border-box;width:100%;border:1px solid #ccd0d5;border-radius:6px;padding:8px 10px;font-size:15px;font-family:inherit;background:#fff',
    editor: 'min-height:120px;white-space:pre-wrap;outline:none;focus:border-color:#1877f2',
    placeholder: 'position:absolute;color:#8a8d91;pointer-events:none;padding:9px 11px',
    relative: 'position:relative',
    listbox: 'list-style:none;margin:4px 0 0;padding:4px 0;border:1px solid #ccd0d5;border-radius:6px;max-height:220px;overflow:auto;background:#fff',
    option: 'padding:6px 12px;cursor:pointer;hover:background:#f0f2f5',
    send: 'background:#1877f2;color:#fff;border:none;border-radius:6px;padding:0 20px;height:36px;font-size:15px;font-weight:600;cursor:pointer',
    footerRow: 'display:flex;justify-content:flex-end;border-top:1px solid #dadde1;padding-top:12px',
    post: 'background:#fff;border-radius:8px;padding:12px 16px;margin:0 0 12px',
  });
}

type Sheet = ReturnType<typeof sheet>;

function shell(s: Sheet, lang: string, title: string, searchLabel: string, inner: string, script = ''): string {
  return (
    '<!DOCTYPE html>\n<html lang="' + lang + '"><head><meta charset="utf-8"><title>' + escapeHtml(title) +
    '</title><style>' + s.css + '</style></head><body class="' + s.cls.body + '">' +
    '<div class="' + s.cls.header + '" role="banner"><a class="' + s.cls.wordmark + '" href="/">facebook</a>' +
    '<div role="search"><input type="search" class="' + s.cls.search + '" name="q" aria-label="' + escapeHtml(searchLabel) +
    '" placeholder="' + escapeHtml(searchLabel) + '"></div></div>' +
    '<div class="' + s.cls.main + '" role="main">' + inner + '</div>' + script + '</body></html>'
  );
}

/** The server-rendered form with a label-only plain-text e-mail input. */
export function renderPlainEmailForm(lang: 'en' | 'pl', action: string): string {
  const s = sheet();
  const t = HOSTILE_TEXTS[lang];
  const f = HOSTILE_FIELDS.plainEmail;
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  const options = countries('en')
    .map((c) => '<option value="' + c.code + '">' + escapeHtml(names.of(c.code) ?? c.name) + '</option>')
    .join('');
  const [idCountry, idEmail, idReason] = [legacyId(5), legacyId(6), legacyId(7)];
  const inner =
    '<div class="' + s.cls.card + '"><h2 class="' + s.cls.title + '">' + escapeHtml(t.title) + '</h2>' +
    '<form method="post" action="' + escapeHtml(action) + '" id="' + legacyId(4) + '">' +
    '<input type="hidden" name="lsd" value="AV' + randomToken(10) + '">' +
    '<div class="' + s.cls.group + '"><label class="' + s.cls.label + '" for="' + idCountry + '">' + escapeHtml(t.country) + '</label>' +
    '<select class="' + s.cls.control + '" id="' + idCountry + '" name="' + f.country + '"><option value=""></option>' + options + '</select></div>' +
    '<div class="' + s.cls.group + '"><label class="' + s.cls.label + '" for="' + idEmail + '">' + escapeHtml(t.email) + '</label>' +
    '<input type="text" class="' + s.cls.control + '" id="' + idEmail + '" name="' + f.email + '" value=""></div>' +
    '<div class="' + s.cls.group + '"><label class="' + s.cls.label + '" for="' + idReason + '">' + escapeHtml(t.reason) + '</label>' +
    '<textarea class="' + s.cls.control + '" id="' + idReason + '" name="' + f.reason + '" rows="6"></textarea></div>' +
    '<div class="' + s.cls.footerRow + '"><button type="submit" class="' + s.cls.send + '">' + escapeHtml(t.send) + '</button></div>' +
    '</form></div>';
  return shell(s, lang, t.title, t.search, inner);
}

export function renderPlainEmailConfirmation(lang: 'en' | 'pl'): string {
  const s = sheet();
  const t = HOSTILE_TEXTS[lang];
  const inner = '<div class="' + s.cls.card + '"><h2 class="' + s.cls.title + '">' + escapeHtml(t.title) + '</h2><p>' +
    escapeHtml(t.confirmation) + '</p></div>';
  return shell(s, lang, t.title, t.search, inner);
}

/**
 * The React-style form with a Lexical-style editor and a combobox country. The editor keeps its text in
 * `state.impact` and re-renders its DOM from it after every mutation it did not make itself: a plain
 * `textContent` write is undone. Text gets in only through the browser's editing path: `beforeinput`
 * (insertText, insertFromPaste, insertLineBreak, insertParagraph, deletions), `paste` with clipboard data, or
 * `document.execCommand('insertText')` (whose `input` event the editor reads back).
 */
export function renderLexicalForm(prefilledEmail: string): string {
  const s = sheet();
  const t = HOSTILE_TEXTS.en;
  const config = {
    cls: s.cls,
    t,
    countries: countries('en'),
    prefilledEmail,
    prefilledCountry: 'IE',
    ids: { email: reactId(), country: reactId(), reason: reactId(), list: reactId() },
  };
  const script = '<script>(function(){"use strict";var CONFIG=' + scriptJson(config) + ';' + LEXICAL_APP + '})();</script>';
  return shell(s, 'en', t.title, t.search, '<div id="app-root"></div>', script);
}

const LEXICAL_APP = String.raw`
  var C = CONFIG.cls, T = CONFIG.t, ids = CONFIG.ids;
  var state = { email: CONFIG.prefilledEmail, country: CONFIG.prefilledCountry, impact: '' };
  var root = document.getElementById('app-root');
  function h(tag, props, kids) {
    var el = document.createElement(tag);
    for (var k in props || {}) {
      if (k === 'text') el.textContent = props[k]; else el.setAttribute(k, props[k]);
    }
    (kids || []).forEach(function (c) { el.appendChild(c); });
    return el;
  }
  setTimeout(function () {
    // --- e-mail: a controlled input (value written back from state on every render) ---
    var email = h('input', { type: 'email', id: ids.email, class: C.control, autocomplete: 'email' });
    email.value = state.email;
    email.addEventListener('input', function () { state.email = email.value; });

    // --- country: combobox + listbox, the value is the app's state, never an input value ---
    var combo = h('div', { role: 'combobox', tabindex: '0', 'aria-expanded': 'false', 'aria-haspopup': 'listbox',
      'aria-controls': ids.list, 'aria-labelledby': ids.country + 'l', class: C.control });
    var list = h('ul', { role: 'listbox', id: ids.list, class: C.listbox, hidden: '' });
    function countryName(code) {
      var c = CONFIG.countries.filter(function (x) { return x.code === code; })[0];
      return c ? c.name : '';
    }
    function renderCombo() {
      combo.textContent = countryName(state.country) || 'Select a country';
      combo.setAttribute('aria-expanded', String(!list.hidden));
    }
    CONFIG.countries.forEach(function (c) {
      var opt = h('li', { role: 'option', class: C.option, 'aria-selected': 'false', 'data-code': c.code, text: c.name });
      opt.addEventListener('click', function () {
        state.country = c.code;
        list.hidden = true;
        Array.prototype.forEach.call(list.children, function (o) { o.setAttribute('aria-selected', String(o === opt)); });
        renderCombo();
      });
      list.appendChild(opt);
    });
    combo.addEventListener('click', function () { list.hidden = !list.hidden; renderCombo(); });
    combo.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown') { e.preventDefault(); list.hidden = false; renderCombo(); }
    });
    renderCombo();

    // --- the Lexical-style editor ---
    var editor = h('div', { contenteditable: 'true', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true',
      'aria-labelledby': ids.reason, class: C.control + ' ' + C.editor, 'data-lexical-editor': 'true' });
    var placeholder = h('div', { class: C.placeholder, 'aria-hidden': 'true', text: 'Optional' });
    var rendering = false;
    function renderEditor() {
      rendering = true;
      editor.textContent = '';
      state.impact.split('\n').forEach(function (line) {
        var p = h('p', { dir: 'auto' });
        if (line) p.appendChild(h('span', { 'data-lexical-text': 'true', text: line })); else p.appendChild(h('br'));
        editor.appendChild(p);
      });
      placeholder.hidden = state.impact !== '';
      observer.takeRecords();
      rendering = false;
    }
    function selectionOffsets() {
      var sel = document.getSelection();
      if (!sel || sel.rangeCount === 0 || !editor.contains(sel.anchorNode)) return [state.impact.length, state.impact.length];
      var range = sel.getRangeAt(0);
      function offsetOf(node, offset) {
        var r = document.createRange();
        r.selectNodeContents(editor);
        r.setEnd(node, offset);
        return r.toString().length + countBreaks(r);
      }
      function countBreaks(r) {
        var frag = r.cloneContents();
        return Math.max(0, frag.querySelectorAll('p').length - 1);
      }
      var a = offsetOf(range.startContainer, range.startOffset), b = offsetOf(range.endContainer, range.endOffset);
      return [Math.min(a, state.impact.length), Math.min(b, state.impact.length)];
    }
    function insert(text) {
      var o = selectionOffsets();
      state.impact = state.impact.slice(0, o[0]) + text + state.impact.slice(o[1]);
      renderEditor();
      var sel = document.getSelection();
      var last = editor.lastChild;
      if (sel && last) { sel.selectAllChildren(editor); sel.collapseToEnd(); }
    }
    editor.addEventListener('beforeinput', function (e) {
      var type = e.inputType;
      if (type === 'insertText' || type === 'insertReplacementText') { e.preventDefault(); insert(e.data || (e.dataTransfer && e.dataTransfer.getData('text/plain')) || ''); }
      else if (type === 'insertFromPaste' || type === 'insertFromDrop') { e.preventDefault(); insert(e.dataTransfer ? e.dataTransfer.getData('text/plain') : ''); }
      else if (type === 'insertParagraph' || type === 'insertLineBreak') { e.preventDefault(); insert('\n'); }
      else if (type.indexOf('delete') === 0) {
        e.preventDefault();
        var o = selectionOffsets();
        if (o[0] === o[1]) o[0] = type === 'deleteContentBackward' ? Math.max(0, o[0] - 1) : o[0];
        if (o[0] === o[1] && type === 'deleteContentForward') o[1] = o[1] + 1;
        state.impact = state.impact.slice(0, o[0]) + state.impact.slice(o[1]);
        renderEditor();
      }
    });
    editor.addEventListener('paste', function (e) {
      var data = e.clipboardData && e.clipboardData.getData('text/plain');
      if (data === null || data === undefined) return;
      e.preventDefault();
      insert(data);
    });
    // document.execCommand('insertText') fires no beforeinput in Chromium: the editor reads its input event.
    editor.addEventListener('input', function () {
      if (rendering) return;
      var paragraphs = Array.prototype.map.call(editor.querySelectorAll('p'), function (p) { return p.innerText.replace(/\n$/, ''); });
      state.impact = paragraphs.length ? paragraphs.join('\n') : editor.innerText.replace(/\n$/, '');
      renderEditor();
    });
    // Any other change of the editor's DOM (a script writing textContent) is undone by the next render.
    var observer = new MutationObserver(function () { if (!rendering) setTimeout(renderEditor, 0); });
    observer.observe(editor, { childList: true, characterData: true, subtree: true });

    var send = h('div', { role: 'button', tabindex: '0', class: C.send, text: T.send });
    var card;
    function doSend() {
      fetch('/ajax/help/contact/submit/page', { method: 'POST', body: JSON.stringify({
        support_form_id: '6359191084165019', email: state.email, country: state.country, impact: state.impact,
      }) }).then(function (r) { return r.json(); }).then(function (res) {
        if (!res.ok) return;
        card.textContent = '';
        card.appendChild(h('p', { text: T.confirmation }));
      });
    }
    send.addEventListener('click', doSend);
    send.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); doSend(); } });

    card = h('div', { class: C.card }, [
      h('div', { role: 'heading', 'aria-level': '2', class: C.title, text: T.title }),
      h('div', { class: C.group }, [h('label', { class: C.label, for: ids.email, text: T.email }), email]),
      h('div', { class: C.group }, [h('span', { class: C.label, id: ids.country + 'l', text: T.country }), combo, list]),
      h('div', { class: C.group }, [h('span', { class: C.label, id: ids.reason, text: T.reason }),
        h('div', { class: C.relative }, [placeholder, editor])]),
      h('div', { class: C.footerRow }, [send]),
    ]);
    root.appendChild(card);
    renderEditor();
    // React writes the controlled e-mail back on every frame.
    (function frame() { if (email.isConnected && email.value !== state.email) email.value = state.email; requestAnimationFrame(frame); })();
    window.__lexicalState = function () { return JSON.parse(JSON.stringify(state)); };
  }, 300);
`;

/** An objection URL that shows something Objector does not recognise, with personal data all over it. */
export function renderNothingPage(): string {
  const s = sheet();
  const p = PLANTED;
  const inner =
    '<div class="' + s.cls.card + '"><h2 class="' + s.cls.title + '">Help us understand your request</h2>' +
    '<p>Before you continue, choose what your request is about.</p>' +
    '<form method="post" action="/help/contact/712876720715583/step2">' +
    '<input type="hidden" name="fb_dtsg" value="' + p.hiddenValue + '">' +
    '<input type="hidden" name="uid" value="' + p.accountId + '">' +
    '<label for="u_0_9_Zz">Your name</label> <input type="text" id="u_0_9_Zz" name="Field100004829" value="' + p.inputValue + '">' +
    '<div role="radiogroup" aria-label="Topic"><label><input type="radio" name="topic" value="1"> Something else</label></div>' +
    '<button type="button" class="' + s.cls.send + '">Continue</button></form></div>' +
    '<div class="' + s.cls.post + '" role="article"><h4><a href="/profile.php?id=' + p.accountId + '">' + p.name + '</a></h4>' +
    '<div dir="auto">' + p.postText + '</div><div>Contact: ' + p.email + '</div></div>' +
    '<a href="/help/contact/712876720715583?' + p.query + '">Start again</a>';
  const script = '<script>window.__env={"token":"' + p.scriptToken + '","actor":"' + p.accountId + '"};</script>';
  return shell(s, 'en', 'Help Center', 'Search help articles', inner, script);
}
