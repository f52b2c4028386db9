/**
 * #3 Facebook single-page app (nl-nl.facebook.com in Dutch, www.facebook.com in English): a feed of ~3000 posts
 * that keeps changing every 100 ms, with a link that navigates in-app (history.pushState) to a late-rendered,
 * React-style controlled objection form.
 */
import { atomicSheet, escapeHtml, randomToken, scriptJson, SYSTEM_FONT } from './atomic.js';
import { countries } from './countries.js';
import { PREFILLED_EMAIL } from './legacy.js';
import { RUNTIME_JS } from './runtime.js';
import { TEXTS } from './texts.js';

export const SPA_FORM_ID = '6359191084165019';
export const SPA_FORM_PATH = '/help/contact/' + SPA_FORM_ID;
export const SPA_SUBMIT_PATH = '/ajax/help/contact/submit/page';

export const SPA_FIELDS = {
  email: 'email',
  country: 'country',
  reason: 'impact',
  formId: 'support_form_id',
} as const;

export type SpaLanguage = 'nl' | 'en';

const FEED_TEXT = {
  nl: {
    feedTitle: 'Facebook',
    search: 'Zoeken op Facebook',
    composer: 'Wat wil je delen?',
    like: 'Vind ik leuk',
    comment: 'Opmerking plaatsen',
    share: 'Delen',
    comments: 'opmerkingen',
    commentBy: 'Opmerking van ',
    nav: ['Vrienden', 'Groepen', 'Marketplace', 'Video', 'Herinneringen', 'Opgeslagen'],
    privacyLink: 'AI bij Meta (Privacycentrum)',
    loading: 'Laden...',
    notFound: 'Deze pagina is niet beschikbaar',
    hours: 'u',
    intro: [
      'AI bij Meta is onze verzameling generatieve AI-functies en -ervaringen, zoals Meta AI en creatieve AI-tools, samen met de modellen die ze aandrijven.',
      'Je hebt het recht om bezwaar te maken tegen het gebruik door Meta van de informatie die je op onze producten en diensten hebt gedeeld om AI bij Meta te ontwikkelen en te verbeteren.',
    ],
    emailHelp: 'Controleer of dit het e-mailadres is dat aan je account is gekoppeld.',
    countryPlaceholder: 'Selecteer een land',
    optional: 'Optioneel',
    posts: [
      'Wat een prachtige dag aan zee vandaag!',
      'Heeft iemand een tip voor een goede fietsenmaker in Utrecht?',
      'Nieuwe recepten geprobeerd: stamppot met een twist.',
      'Heeft iemand al bezwaar gemaakt tegen AI bij Meta? Je moet je e-mailadres invullen in het formulier.',
      'Onze kat heeft vandaag de kerstboom omgegooid, weer.',
      'Vergeet niet te stemmen morgen!',
      'Gefeliciteerd met je verjaardag, Sanne!',
      'Wie gaat er mee naar het concert in Ziggo Dome?',
      'Let op: deel geen wachtwoorden via berichten. Vul nooit je e-mailadres in op verdachte formulieren.',
      'Foto’s van de vakantie in Zeeland staan online.',
      'Bezwaar maken kan via het Privacycentrum, las ik in de krant.',
      'Eindelijk de marathon uitgelopen, 4 uur en 12 minuten!',
    ],
    commentTexts: ['Wat leuk!', 'Helemaal mee eens.', 'Haha, herkenbaar', 'Top!', 'Waar is dit?', 'Succes ermee!', 'Dank voor het delen'],
  },
  en: {
    feedTitle: 'Facebook',
    search: 'Search Facebook',
    composer: "What's on your mind?",
    like: 'Like',
    comment: 'Comment',
    share: 'Share',
    comments: 'comments',
    commentBy: 'Comment by ',
    nav: ['Friends', 'Groups', 'Marketplace', 'Video', 'Memories', 'Saved'],
    privacyLink: 'AI at Meta (Privacy Center)',
    loading: 'Loading...',
    notFound: "This content isn't available right now",
    hours: 'h',
    intro: [
      'AI at Meta is our collection of generative AI features and experiences, like Meta AI and AI creative tools, along with the models that power them.',
      'You have the right to object to Meta using the information you’ve shared on our Products and services to develop and improve AI at Meta.',
    ],
    emailHelp: 'Please make sure this is the email address associated with your account.',
    countryPlaceholder: 'Select a country',
    optional: 'Optional',
    posts: [
      'What a beautiful day at the beach today!',
      'Does anyone know a good bike repair shop in Dublin?',
      'Tried some new recipes: shepherd’s pie with a twist.',
      'Has anyone objected to AI at Meta yet? You have to enter your email address in the form.',
      'Our cat knocked over the Christmas tree today, again.',
      "Don't forget to vote tomorrow!",
      'Happy birthday, Sarah!',
      'Who is coming to the concert on Friday?',
      'Reminder: never share passwords in messages. Never enter your email on suspicious forms.',
      'Holiday photos from Galway are online.',
      'You can object through the Privacy Center, I read in the paper.',
      'Finally finished the marathon, 4 hours 12 minutes!',
    ],
    commentTexts: ['So nice!', 'Totally agree.', 'Haha, relatable', 'Great!', 'Where is this?', 'Good luck!', 'Thanks for sharing'],
  },
} as const;

const NAMES = [
  'Sanne de Vries', 'Jan Jansen', 'Emma Bakker', 'Lucas Visser', 'Julia Smit', 'Daan Meijer', 'Sophie de Boer',
  'Liam Mulder', 'Anna de Groot', 'Noah Bos', 'Mila Vos', 'Finn Peters', 'Tess Hendriks', 'Sem van Dijk',
  'Sarah Murphy', "Sean O'Brien", 'Aoife Kelly', 'Conor Walsh',
];

function sheet() {
  return atomicSheet({
    html: 'background:#f0f2f5',
    body: SYSTEM_FONT + ';margin:0;background:#f0f2f5;color:#050505;font-size:15px;line-height:1.3333',
    header:
      'position:sticky;top:0;z-index:2;background:#fff;height:56px;display:flex;align-items:center;gap:10px;padding:0 16px;box-shadow:0 1px 2px rgba(0,0,0,.1)',
    logo:
      'width:40px;height:40px;border-radius:50%;background:#1877f2;color:#fff;font-weight:700;font-size:30px;display:flex;align-items:flex-end;justify-content:center;text-decoration:none;font-family:Helvetica,Arial,sans-serif;overflow:hidden',
    search:
      'width:240px;height:40px;border:none;border-radius:20px;background:#f0f2f5;padding:0 16px;font-size:15px;font-family:inherit;outline:none',
    layout: 'display:flex;gap:24px;max-width:1100px;margin:0 auto;padding:16px',
    nav: 'width:280px;flex:none;display:flex;flex-direction:column;gap:2px',
    navLink:
      'display:block;padding:10px 8px;border-radius:8px;color:#050505;text-decoration:none;font-weight:500;hover:background:#e4e6e9',
    feedCol: 'flex:1;max-width:590px;min-width:0',
    composer:
      'background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);padding:12px 16px;margin:0 0 16px;color:#65676b;cursor:pointer',
    post: 'background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);margin:0 0 16px;padding:12px 16px 4px;content-visibility:auto;contain-intrinsic-size:auto 190px',
    postHead: 'display:flex;align-items:center;gap:8px;margin:0 0 8px',
    avatar: 'width:40px;height:40px;border-radius:50%;flex:none',
    author: 'margin:0;font-size:15px;font-weight:600',
    authorLink: 'color:#050505;text-decoration:none;hover:text-decoration:underline',
    time: 'font-size:13px;color:#65676b;text-decoration:none',
    postText: 'margin:0 0 10px;white-space:pre-wrap;word-wrap:break-word',
    counts: 'font-size:13px;color:#65676b;padding:0 0 8px;border-bottom:1px solid #ced0d4',
    actions: 'display:flex;justify-content:space-around;padding:4px 0',
    action:
      'flex:1;text-align:center;padding:6px 0;border-radius:4px;color:#65676b;font-weight:600;font-size:14px;cursor:pointer;hover:background:#f2f2f2',
    liked: 'color:#1877f2',
    likeCount: 'font-variant-numeric:tabular-nums',
    comments: 'list-style:none;margin:0;padding:4px 0 8px',
    comment: 'background:#f0f2f5;border-radius:18px;padding:8px 12px;margin:4px 0;font-size:14px;display:inline-block',
    commentAuthor: 'font-weight:600;font-size:13px;color:#050505;text-decoration:none;display:block',
    // help form
    helpMain: 'max-width:680px;margin:24px auto;padding:0 12px',
    card: 'background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);padding:20px',
    title: 'font-size:20px;font-weight:700;margin:0 0 12px;line-height:1.2',
    p: 'margin:0 0 12px',
    label: 'display:block;margin:16px 0 0',
    labelText: 'display:block;font-weight:600;font-size:14px;margin:0 0 6px',
    help: 'display:block;font-size:13px;color:#65676b;margin:0 0 6px',
    control:
      'box-sizing:border-box;width:100%;border:1px solid #ccd0d5;border-radius:6px;padding:8px 10px;font-size:15px;font-family:inherit;background:#fff;color:#050505;focus:outline:none;focus:border-color:#1877f2;focus:box-shadow:0 0 0 2px #e7f3ff',
    invalid: 'border-color:#f02849',
    textarea: 'min-height:120px;resize:vertical',
    fieldError: 'display:block;color:#f02849;font-size:13px;margin:4px 0 0',
    alert:
      'background:#ffebe9;border:1px solid #f02849;border-radius:6px;padding:10px 12px;margin:16px 0 0;font-size:14px',
    footerRow: 'display:flex;justify-content:flex-end;margin:20px 0 0;padding:12px 0 0;border-top:1px solid #dadde1',
    send:
      'background:#1877f2;color:#fff;border:none;border-radius:6px;height:36px;padding:0 20px;font-size:15px;font-weight:600;font-family:inherit;cursor:pointer;hover:background:#166fe5',
    sendBusy: 'opacity:.6;cursor:default',
    spinner:
      'width:28px;height:28px;border-radius:50%;border:3px solid #ccd0d5;border-top-color:#1877f2;margin:40px auto;animation:fbspin .8s linear infinite',
    confirmation: 'margin:0;font-size:15px;line-height:1.45',
    check:
      'width:44px;height:44px;border-radius:50%;background:#e7f3ff;color:#1877f2;font-size:26px;display:flex;align-items:center;justify-content:center;margin:0 0 14px',
  });
}

const APP_JS = String.raw`
  var C = CONFIG.cls, T = CONFIG.texts, F = CONFIG.feed;
  var container = document.getElementById(CONFIG.rootId);
  var STATIC = /[?&]static=1(&|$)/.test(location.search);
  var feedStopped = STATIC;
  var feedInterval = 0;
  var routeToken = 0;
  var root = new Root(container, {});
  var ui = {};
  var postCounter = 0;

  function pick(list) { return list[Math.floor(Math.random() * list.length)]; }
  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  // ---- feed ---------------------------------------------------------------------------------------------
  function commentHtml() {
    var name = pick(CONFIG.names);
    return '<li><div role="article" aria-label="' + esc(F.commentBy + name) + '" class="' + C.comment + '">' +
      '<a class="' + C.commentAuthor + '" href="/profile.php?id=' + randomBetween(100000, 999999) + '">' + esc(name) + '</a>' +
      '<span dir="auto">' + esc(pick(F.commentTexts)) + '</span></div></li>';
  }
  function postHtml() {
    var n = ++postCounter;
    var name = pick(CONFIG.names);
    var headId = uid();
    var ncomments = randomBetween(0, 3);
    var comments = '';
    for (var i = 0; i < ncomments; i++) comments += commentHtml();
    return '<div class="' + C.post + '" role="article" aria-posinset="' + n + '" aria-labelledby="' + headId + '">' +
      '<div class="' + C.postHead + '"><div class="' + C.avatar + '" style="background:hsl(' + randomBetween(0, 359) + ',45%,70%)"></div>' +
      '<div><h4 class="' + C.author + '" id="' + headId + '"><a class="' + C.authorLink + '" href="/profile.php?id=' + randomBetween(100000, 999999) + '">' + esc(name) + '</a></h4>' +
      '<a class="' + C.time + '" href="/permalink.php?story_fbid=' + randomBetween(1000000, 9999999) + '">' + randomBetween(1, 23) + ' ' + F.hours + '</a></div></div>' +
      '<div class="' + C.postText + '" dir="auto">' + esc(pick(F.posts)) + '</div>' +
      '<div class="' + C.counts + '"><span class="' + C.likeCount + '">' + randomBetween(0, 500) + '</span> · ' + ncomments + ' ' + F.comments + '</div>' +
      '<div class="' + C.actions + '">' +
      '<div class="' + C.action + '" role="button" tabindex="0" aria-pressed="false" aria-label="' + esc(F.like) + '">' + esc(F.like) + '</div>' +
      '<div class="' + C.action + '" role="button" tabindex="0">' + esc(F.comment) + '</div>' +
      '<div class="' + C.action + '" role="button" tabindex="0">' + esc(F.share) + '</div></div>' +
      '<ul class="' + C.comments + '">' + comments + '</ul></div>';
  }
  var tpl = document.createElement('template');
  function postNode() { tpl.innerHTML = postHtml(); return tpl.content.firstChild; }

  function renderFeed() {
    var parts = [];
    for (var i = 0; i < CONFIG.postCount; i++) parts.push(postHtml());
    var feed = h('div', { role: 'feed' });
    feed.innerHTML = parts.join('');
    feed.addEventListener('click', function (e) {
      var like = e.target.closest('[aria-pressed]');
      if (!like) return;
      var pressed = like.getAttribute('aria-pressed') === 'true';
      like.setAttribute('aria-pressed', String(!pressed));
      like.className = C.action + (pressed ? '' : ' ' + C.liked);
    });
    var objectionLink = h('a', { class: C.navLink, href: CONFIG.formPath, text: T.feedLink });
    objectionLink.addEventListener('click', function (e) {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(objectionLink.getAttribute('href'));
    });
    var navItems = F.nav.map(function (label) {
      return h('a', { class: C.navLink, href: '/' + label.toLowerCase().replace(/[^a-z]/g, '') + '/', text: label });
    });
    navItems.push(objectionLink);
    navItems.push(h('a', { class: C.navLink, href: 'https://www.facebook.com/privacy/genai', text: F.privacyLink }));
    ui.feed = feed;
    ui.page = h('div', { class: C.layout }, [
      h('div', { class: C.nav, role: 'navigation' }, navItems),
      h('div', { class: C.feedCol, role: 'main' }, [
        h('div', { class: C.composer, role: 'button', tabindex: '0', text: F.composer }),
        feed
      ])
    ]);
    ui.body.appendChild(ui.page);
    document.title = F.feedTitle;
    if (!feedStopped) feedInterval = setInterval(mutateFeed, 100);
  }

  function mutateFeed() {
    var feed = ui.feed;
    if (!feed || !feed.isConnected) return;
    var kids = feed.children;
    var removeCount = randomBetween(3, 8);
    var addCount = randomBetween(3, 8);
    if (kids.length > CONFIG.postCount + 50) addCount = 0;
    if (kids.length < CONFIG.postCount - 50) removeCount = 0;
    for (var r = 0; r < removeCount && kids.length; r++) {
      var victim = kids[randomBetween(0, kids.length - 1)];
      if (victim) victim.remove();
    }
    for (var a = 0; a < addCount; a++) {
      var node = postNode();
      var at = Math.random() < 0.4 ? 0 : randomBetween(0, kids.length);
      feed.insertBefore(node, kids[at] || null);
    }
    for (var u = 0; u < 12; u++) {
      var post = kids[randomBetween(0, kids.length - 1)];
      if (!post) continue;
      var count = post.getElementsByClassName(C.likeCount.split(' ')[0])[0];
      if (count) count.textContent = String(Number(count.textContent || '0') + randomBetween(1, 3));
    }
    for (var c = 0; c < 3; c++) {
      var target = kids[randomBetween(0, kids.length - 1)];
      var list = target && target.querySelector('ul');
      if (!list) continue;
      if (list.children.length > 3) list.firstElementChild.remove();
      list.insertAdjacentHTML('beforeend', commentHtml());
    }
  }

  function teardownFeed() {
    clearInterval(feedInterval);
    feedInterval = 0;
    if (ui.page) ui.page.remove();
    ui.page = null;
    ui.feed = null;
  }

  window.__stopFeed = function () {
    feedStopped = true;
    clearInterval(feedInterval);
    feedInterval = 0;
  };

  // ---- objection form ---------------------------------------------------------------------------------
  function renderFormScreen(formId) {
    var token = routeToken;
    ui.page = h('div', { class: C.helpMain, role: 'main' },
      h('div', { class: C.spinner, role: 'progressbar', 'aria-label': F.loading }));
    ui.body.appendChild(ui.page);
    setTimeout(function () {
      if (token !== routeToken) return;
      buildForm(formId);
    }, randomBetween(400, 800));
  }

  function buildForm(formId) {
    var state = root.state;
    state.email = CONFIG.prefilledEmail;
    state.country = '';
    state.impact = '';
    var view = { sending: false, error: '', invalidEmail: false, done: false };

    var email = h('input', { type: 'email', id: uid(), class: C.control, autocomplete: 'email', dir: 'auto', spellcheck: 'false', required: true });
    var emailError = h('span', { class: C.fieldError, id: uid() });
    email.setAttribute('aria-describedby', emailError.id);
    var select = h('select', { id: uid(), class: C.control },
      [h('option', { value: '', text: F.countryPlaceholder })].concat(CONFIG.countries.map(function (c) {
        return h('option', { value: c.code, text: c.name });
      })));
    var textarea = h('textarea', { id: uid(), class: C.control + ' ' + C.textarea, rows: '6', dir: 'auto' });
    var alertSlot = h('div', null);
    var button = h('button', { type: 'button', class: C.send, text: T.send });
    var card = h('div', { class: C.card }, [
      h('h2', { class: C.title, text: T.objectionTitle }),
      F.intro.map(function (t) { return h('p', { class: C.p, text: t }); }),
      h('label', { class: C.label }, [h('span', { class: C.labelText, text: T.email }), h('span', { class: C.help, text: F.emailHelp }), email, emailError]),
      h('label', { class: C.label }, [h('span', { class: C.labelText, text: T.country }), select]),
      h('label', { class: C.label }, [h('span', { class: C.labelText, text: T.reason }), h('span', { class: C.help, text: F.optional }), textarea]),
      alertSlot,
      h('div', { class: C.footerRow }, button)
    ]);

    function update() {
      email.setAttribute('aria-invalid', String(view.invalidEmail));
      email.className = C.control + (view.invalidEmail ? ' ' + C.invalid : '');
      emailError.textContent = view.invalidEmail ? T.invalidEmail : '';
      alertSlot.textContent = '';
      if (view.error) alertSlot.appendChild(h('div', { class: C.alert, role: 'alert', text: view.error }));
      button.disabled = view.sending;
      button.className = C.send + (view.sending ? ' ' + C.sendBusy : '');
    }
    function send() {
      if (view.sending || view.done) return;
      if (!EMAIL_RE.test(toStr(state.email).trim())) { view.invalidEmail = true; update(); return; }
      view.sending = true; view.error = ''; update();
      var body = {
        support_form_id: formId,
        support_form_locale_id: CONFIG.locale,
        email: toStr(state.email),
        country: toStr(state.country),
        impact: toStr(state.impact),
        lsd: CONFIG.lsd
      };
      var token = routeToken;
      postJson(location.origin + CONFIG.submitPath, body).then(function (res) {
        view.sending = false;
        if (token !== routeToken) return;
        if (res && res.ok) {
          view.done = true;
          root.clearBindings();
          card.textContent = '';
          card.appendChild(h('div', { class: C.check, 'aria-hidden': 'true', text: '✓' }));
          card.appendChild(h('p', { class: C.confirmation, text: T.confirmation }));
        } else { view.error = (res && res.error) || T.error; update(); }
      }, function () { view.sending = false; view.error = T.error; update(); });
    }
    button.addEventListener('click', send);

    ui.page.textContent = '';
    root.bind(email, 'email', function () { if (view.invalidEmail) { view.invalidEmail = false; update(); } });
    root.bind(select, 'country');
    root.bind(textarea, 'impact');
    ui.page.appendChild(card);
    window.__fieldsRenderedAt = performance.now();
    document.title = T.objectionTitle;
    update();
  }

  // ---- routing ------------------------------------------------------------------------------------------
  function route() {
    routeToken++;
    root.clearBindings();
    teardownFeed();
    if (ui.page) { ui.page.remove(); ui.page = null; }
    var path = location.pathname.replace(/\/+$/, '') || '/';
    var m = /^\/help\/contact\/(\d+)$/.exec(path);
    if (path === '/') renderFeed();
    else if (m && CONFIG.formIds.indexOf(m[1]) >= 0) renderFormScreen(m[1]);
    else {
      ui.page = h('div', { class: C.helpMain, role: 'main' }, h('div', { class: C.card }, h('h2', { class: C.title, text: F.notFound })));
      ui.body.appendChild(ui.page);
    }
  }
  function navigate(path) {
    history.pushState({ path: path }, '', path);
    route();
  }
  window.__navigateTo = function (path) { navigate(path); };
  window.addEventListener('popstate', route);

  ui.body = h('div', null);
  container.appendChild(h('div', { class: C.header, role: 'banner' }, [
    h('a', { class: C.logo, href: '/', 'aria-label': 'Facebook', text: 'f' }),
    h('input', { type: 'search', class: C.search, placeholder: F.search, 'aria-label': F.search, autocomplete: 'off' })
  ]));
  container.appendChild(ui.body);
  route();
`;

/** `postCount`: how many posts the feed holds (3000 unless a test asks for a light page with `?posts=N`). */
export function renderFacebookSpa(language: SpaLanguage, postCount = 3000): string {
  const s = sheet();
  const rootId = 'mount_0_0_' + randomToken(2).replace(/[^A-Za-z0-9]/g, 'Q');
  const config = {
    cls: s.cls,
    texts: TEXTS[language],
    feed: FEED_TEXT[language],
    names: NAMES,
    countries: countries(language),
    formPath: SPA_FORM_PATH,
    formIds: [SPA_FORM_ID, '712876720715583'],
    submitPath: SPA_SUBMIT_PATH,
    prefilledEmail: PREFILLED_EMAIL,
    locale: language === 'nl' ? 'nl_NL' : 'en_US',
    postCount,
    rootId,
    lsd: 'AV' + randomToken(20),
  };
  return (
    '<!DOCTYPE html>\n<html lang="' +
    language +
    '" id="facebook" class="' +
    s.cls.html +
    '"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Facebook</title><style>' +
    s.css +
    '\n@keyframes fbspin{to{transform:rotate(360deg)}}</style></head><body class="' +
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
