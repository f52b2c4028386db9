/*
 * Realistic page shapes for problem reports, each with personal data of every kind planted where pages
 * really put it. `PLANTED` lists what must never reach a report; each page's `structure` what must.
 */

export const ACCOUNT_ID = '100012345678901';
export const OTHER_ID = '734829105566712';
export const NAME = 'Margarethe Oyelaran';
export const EMAIL = 'm.oyelaran@example.org';
export const TOKEN = 'AQHRq7TxKz9LmVpW3sDfGh';

/** How a report shows a heading's text: its length, not its words (src/forms/report/outline.ts). */
export const headingLine = (text: string) => {
  const words = text.split(' ').length;
  return `(text left out: ${words} word${words === 1 ? '' : 's'})`;
};

/** Every kind of personal data the issue names, with the exact text planted. */
export const PLANTED: Array<{ kind: string; text: string }> = [
  { kind: 'typed value', text: 'typed-by-the-user-Zx' },
  { kind: 'typed reason', text: 'my daughter Amelie is in my photos' },
  { kind: 'prefilled e-mail', text: EMAIL },
  { kind: 'e-mail local part', text: 'm.oyelaran' },
  { kind: 'hidden input token', text: TOKEN },
  { kind: 'hidden input value', text: 'hidden-value-Qp' },
  { kind: 'user name', text: NAME },
  { kind: 'user first name', text: 'Margarethe' },
  { kind: 'profile path', text: 'oyelaran.77' },
  { kind: 'post text', text: 'lovely weekend at the lake' },
  { kind: 'comment text', text: 'congrats on the new job' },
  { kind: 'account id', text: ACCOUNT_ID },
  { kind: 'other id', text: OTHER_ID },
  { kind: 'part of an account id', text: '12345678' },
  { kind: 'script token', text: 'DTSGsecretFromScript' },
  { kind: 'json script', text: 'relayPreloadSecret' },
  { kind: 'style content', text: 'styleSecretRule' },
  { kind: 'noscript content', text: 'noscriptSecret' },
  { kind: 'template content', text: 'templateSecret' },
  { kind: 'iframe content', text: 'iframeSecret' },
  { kind: 'comment node', text: 'htmlCommentSecret' },
  { kind: 'query string', text: 'ref=bookmarks' },
  { kind: 'query key', text: '__user' },
  { kind: 'action url', text: '/ajax/help/contact/submit' },
  { kind: 'link url', text: 'facebook.com/' },
  { kind: 'data attribute', text: 'top_level_post_id' },
  { kind: 'data attribute name', text: 'data-ft' },
  { kind: 'image alt', text: 'Photo of Amelie' },
  { kind: 'phone number', text: '170 5550123' },
  { kind: 'instagram handle', text: 'oyelaran_art' },
];

const scripts = `
  <script>requireLazy(["DTSGInitData"], function(){ return {token: "DTSGsecretFromScript", uid: ${ACCOUNT_ID}}; });</script>
  <script type="application/json" data-sjs>{"__bbox":{"relayPreloadSecret":"${TOKEN}"}}</script>
  <style>.x1n2onr6::after{content:"styleSecretRule"}</style>
  <noscript><img src="/tr?id=${ACCOUNT_ID}&ev=noscriptSecret"></noscript>
  <template><p>templateSecret ${NAME}</p></template>
  <iframe srcdoc="<p>iframeSecret</p>" src="https://www.facebook.com/plugins/?__user=${ACCOUNT_ID}"></iframe>
  <!-- htmlCommentSecret ${ACCOUNT_ID} -->`;

/** The logged-in header Facebook shows on every page: the user's name, picture and profile link. */
const banner = `
  <div role="banner">
    <h1><span>${NAME}</span></h1>
    <form role="search" action="/search/top/?ref=bookmarks"><input type="search" name="q" aria-label="Search Facebook"></form>
    <a href="https://www.facebook.com/oyelaran.77?ref=bookmarks" aria-label="${NAME}">
      <img alt="${NAME}" src="https://scontent.xx.fbcdn.net/v/${ACCOUNT_ID}.jpg?oh=${TOKEN}">
      <span class="x1lliihq">${NAME}</span>
    </a>
    <div role="navigation" aria-label="Account controls">
      <div role="button" aria-label="Your profile: ${NAME}" data-id="${ACCOUNT_ID}">${NAME}</div>
    </div>
  </div>`;

/** Issue 7's server-rendered help form: a label-only plain-text e-mail, generated `Field…` names. */
export const serverHelpForm = (lang: 'en' | 'pl') => {
  const t =
    lang === 'en'
      ? {
          title: 'Object to Your Information Being Used for AI at Meta',
          email: 'Contact email address',
          country: 'Country of residence',
          reason: 'Please tell us how this processing impacts you',
          send: 'Send',
        }
      : {
          title: 'Sprzeciw wobec wykorzystywania Twoich informacji na potrzeby AI w Meta',
          email: 'Kontaktowy adres e-mail',
          country: 'Kraj zamieszkania',
          reason: 'Powiedz nam, jak to przetwarzanie na Ciebie wpływa',
          send: 'Wyślij',
        };
  return {
    name: `server-rendered help form (${lang})`,
    url: `https://www.facebook.com/help/contact/712876720715583?ref=bookmarks&__user=${ACCOUNT_ID}#top`,
    lang,
    html: `${banner}
      <div role="main">
        <h2 class="x1heading">${t.title}</h2>
        <div class="uiBoxGray">Logged in as ${NAME} (${EMAIL})</div>
        <form method="post" action="/ajax/help/contact/submit/page?dpr=2&amp;__user=${ACCOUNT_ID}" id="u_0_${ACCOUNT_ID}_aB">
          <input type="hidden" name="jazoest" value="hidden-value-Qp">
          <input type="hidden" name="fb_dtsg" value="${TOKEN}" autocomplete="off">
          <input type="hidden" name="uid_${ACCOUNT_ID}" value="${ACCOUNT_ID}">
          <div data-ft='{"top_level_post_id":"${OTHER_ID}"}'>
            <label for="Field1254393021315573">${t.email} (${EMAIL})</label>
            <input type="text" name="Field1254393021315573" id="Field1254393021315573" value="${EMAIL}"
              placeholder="${EMAIL}" data-uid="${ACCOUNT_ID}">
          </div>
          <div>
            <label for="Field166040066844792">${t.country}</label>
            <select name="Field166040066844792" id="Field166040066844792">
              <option value="">—</option><option value="DE">Deutschland</option><option value="PL" selected>Polska</option>
              <option value="NL">Nederland</option>
            </select>
          </div>
          <div>
            <label for="Field1252453678157779">${t.reason}</label>
            <textarea name="Field1252453678157779" id="Field1252453678157779" minlength="100">my daughter Amelie is in my photos</textarea>
          </div>
          <label>Phone <input type="tel" name="phone" value="+49 170 5550123"></label>
          <button type="submit" name="submit" value="${TOKEN}">${t.send}</button>
        </form>
        <a href="/help/contact/712876720715583/?ref=bookmarks&amp;uid=${ACCOUNT_ID}">Help Centre</a>
        <div role="article"><h3>${NAME}</h3><form><label>Comment as ${NAME}</label><textarea></textarea><textarea></textarea></form></div>
      </div>
      ${scripts}`,
    /** The user typed into the fields before asking for a report. */
    type(doc: Document) {
      (doc.querySelector('textarea') as HTMLTextAreaElement).value = 'typed-by-the-user-Zx';
    },
    structure: [
      'form id=u_#_#_aB method=post',
      `label for=Field# "${t.email} ([e-mail])"`,
      'input type=text name=Field# id=Field# placeholder=[e-mail]',
      `label for=Field# "${t.country}"`,
      'select name=Field# id=Field#',
      'option "Polska"',
      `label for=Field# "${t.reason}"`,
      'textarea name=Field# id=Field# minlength=100',
      'input type=hidden name=fb_dtsg autocomplete=off',
      'input type=tel name=phone',
      `button type=submit name=submit "${t.send}"`,
    ],
    region: 'form',
    within: ['div role=main'],
    // The form's title, outside the form: where it is and how long, not its words.
    headings: [`h2 ${headingLine(t.title)}`],
  };
};

/** A newer React form: Lexical-style editor, combobox country, fields named through aria-labelledby. */
export const reactForm = {
  name: 'React form with a rich-text editor',
  url: 'https://www.facebook.com/help/contact/6359191084165019',
  lang: 'de',
  html: `${banner}
    <div role="main" id="mount_0_0_Xq">
      <div role="heading" aria-level="1">${NAME}</div>
      <h1>Einspruch gegen die Verwendung deiner Informationen für KI bei Meta</h1>
      <div role="form" aria-label="Einspruch" data-testid="ai-objection-form">
        <span id=":r1:">E-Mail-Adresse</span>
        <input type="email" aria-labelledby=":r1:" autocomplete="email" value="${EMAIL}" data-pagelet="FormField_${ACCOUNT_ID}">
        <span id=":r2:">Land</span>
        <div role="combobox" aria-labelledby=":r2:" aria-expanded="true" aria-controls=":r3:" aria-valuetext="Deutschland" tabindex="0">Deutschland</div>
        <div role="listbox" id=":r3:">
          <div role="option" aria-selected="true">Deutschland</div>
          <div role="option" aria-selected="false">${NAME}</div>
        </div>
        <span id=":r4:">Bitte erkläre uns, wie sich diese Verarbeitung auf dich auswirkt</span>
        <div contenteditable="true" role="textbox" aria-labelledby=":r4:" aria-multiline="true" data-lexical-editor="true"
          aria-label="Begründung von ${NAME}" spellcheck="true">
          <p dir="ltr"><span data-lexical-text="true">my daughter Amelie is in my photos</span></p>
        </div>
        <div role="alert">Die E-Mail-Adresse ${EMAIL} ist ungültig</div>
        <div role="button" tabindex="0" aria-label="Senden">Senden</div>
      </div>
    </div>
    ${scripts}`,
  type(doc: Document) {
    (doc.querySelector('input[type=email]') as HTMLInputElement).value = 'typed-by-the-user-Zx';
  },
  structure: [
    'div role=main id=mount_#_#_Xq',
    `h1 ${headingLine('Einspruch gegen die Verwendung deiner Informationen für KI bei Meta')}`,
    'div role=form data-testid=ai-objection-form aria-label=Einspruch',
    'span id=:r#: "E-Mail-Adresse"',
    'input type=email autocomplete=email aria-labelledby=:r#:',
    'span id=:r#: "Land"',
    'div role=combobox aria-controls=:r#: aria-expanded=true aria-labelledby=:r#: aria-valuetext=…',
    'div role=listbox id=:r#:',
    'div role=option aria-selected=true',
    '"Bitte erkläre uns, wie sich diese Verarbeitung auf dich auswirkt"',
    'div role=textbox contenteditable=true',
    'div role=alert "Die E-Mail-Adresse [e-mail] ist ungültig"',
    'div role=button aria-label=Senden "Senden"',
  ],
  region: 'main',
  within: [] as string[],
  headings: [] as string[],
};

/** An objection URL that shows a feed instead of a form: posts, comments, people, nothing to fill. */
export const feedPage = {
  name: 'feed-like page',
  url: `https://www.facebook.com/help/contact/712876720715583/?__user=${ACCOUNT_ID}`,
  lang: 'en',
  html: `${banner}
    <div role="main">
      <h2>Feed posts</h2>
      <div role="feed">
        ${[1, 2, 3]
          .map(
            (i) => `
        <div role="article" aria-labelledby="post_${OTHER_ID}_${i}" data-ft='{"top_level_post_id":"${OTHER_ID}"}'>
          <h3 id="post_${OTHER_ID}_${i}"><a href="/oyelaran.77?comment_id=${OTHER_ID}">${NAME}</a></h3>
          <div data-ad-preview="message">lovely weekend at the lake</div>
          <img alt="Photo of Amelie" src="https://scontent.xx.fbcdn.net/${OTHER_ID}.jpg">
          <ul><li>congrats on the new job — <a href="https://instagram.com/oyelaran_art">@oyelaran_art</a></li></ul>
          <div contenteditable="true" role="textbox" aria-label="Comment as ${NAME}"><p>congrats on the new job</p></div>
          <div role="button" aria-label="Like">Like</div>
        </div>`,
          )
          .join('')}
      </div>
      <aside role="complementary"><h3>Contacts</h3><ul><li><a href="/messages/t/${OTHER_ID}">${NAME}</a></li></ul></aside>
      <div role="button" aria-label="Call 170 5550123">Call 170 5550123</div>
    </div>
    ${scripts}`,
  type(_doc: Document) {},
  structure: ['div role=main', `h2 ${headingLine('Feed posts')}`, 'div role=feed (content left out)', 'div role=button'],
  region: 'main',
  within: [] as string[],
  headings: [] as string[],
};

export const PAGES = [serverHelpForm('en'), serverHelpForm('pl'), reactForm, feedPage];
