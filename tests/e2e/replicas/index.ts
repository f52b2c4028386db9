/**
 * Test replicas of Meta's AI-objection pages, served on the real URLs through Playwright request routing.
 *
 *   const server = await serveReplicas(context);
 *   await page.goto(REPLICA_URLS.fbEnglish);
 *   ...
 *   expect(server.transmissions[0]?.fields[REPLICA_FIELDS.fbEnglish.email]).toBe('me@example.com');
 *
 * See README.md in this folder for what each replica does and how hostile it is.
 */
import type { BrowserContext, Request, Route } from '@playwright/test';
import { renderFacebookSpa, SPA_FIELDS, SPA_FORM_ID, SPA_SUBMIT_PATH, type SpaLanguage } from './facebookSpa.js';
import { IG_FIELDS, IG_FORM_ID, IG_SUBMIT_URL, renderInstagramForm, renderInstagramHome } from './instagram.js';
import {
  LEGACY_FIELDS,
  LEGACY_FORMS,
  PREFILLED_EMAIL,
  renderGenAiPage,
  renderLegacyConfirmation,
  renderLegacyForm,
  type LegacyFormSpec,
} from './legacy.js';
import { TEXTS } from './texts.js';
import {
  HOSTILE_FIELDS,
  HOSTILE_TEXTS,
  PLANTED,
  renderLexicalForm,
  renderNothingPage,
  renderPlainEmailConfirmation,
  renderPlainEmailForm,
} from './hostile.js';

export { HOSTILE_FIELDS, HOSTILE_TEXTS, PLANTED };

export { EU_EEA_CODES } from './countries.js';
export { PREFILLED_EMAIL };

export interface Transmission {
  url: string;
  fields: Record<string, string>;
}

/**
 * Hooks the React-style replicas (#2, #3) put on `window`; cast in page.evaluate:
 * `(window as unknown as ReplicaWindow).__stopFeed?.()`.
 */
export interface ReplicaWindow {
  /** #3: stop the feed's changes (also: load the feed with `?static=1`) */
  __stopFeed?: () => void;
  /** #3: in-app navigation (history.pushState) as the objection link does, e.g. '/help/contact/6359191084165019' or '/' */
  __navigateTo?: (path: string) => void;
  /** #2, #3: performance.now() at the moment the form fields were inserted into the DOM */
  __fieldsRenderedAt?: number;
}

export interface ReplicaServer {
  transmissions: Transmission[];
  setOutcome(o: 'confirm' | 'error'): void;
}

/** The pages, on their real URLs (query strings are accepted everywhere). */
export const REPLICA_URLS = {
  /** #1 server-rendered English objection form; also on m./web./fr-fr./nl-nl.facebook.com, `?noprefill=1` leaves e-mail empty */
  fbEnglish: 'https://www.facebook.com/help/contact/712876720715583',
  /** #2 Instagram, German, React-style, Ja/Nein pre-question */
  igGerman: 'https://help.instagram.com/contact/767264225370182',
  /** #3 changing Dutch feed with an in-app link to the Dutch form; `?static=1` stops the changes */
  fbFeedDutch: 'https://nl-nl.facebook.com/',
  /** #3 the same feed app in English */
  fbFeedEnglish: 'https://www.facebook.com/',
  /** #3 the Dutch React-style form, loaded directly (renders late) */
  fbDutch: 'https://nl-nl.facebook.com/help/contact/6359191084165019',
  /** #3 the English React-style form, loaded directly (renders late) */
  fbEnglishSpa: 'https://www.facebook.com/help/contact/6359191084165019',
  /** #4 a non-objection help form that looks similar */
  fbLoginIssue: 'https://www.facebook.com/help/contact/268228883256323',
  /** #5 third-party data form */
  fbThirdParty: 'https://www.facebook.com/help/contact/510058597920541',
  /** #6 Privacy Center entry point, links to #1 */
  genAi: 'https://www.facebook.com/privacy/genai',
  instagramHome: 'https://www.instagram.com/',
  /** #7 hostile: server-rendered English form, e-mail a label-only plain text input (issue 7) */
  plainEmailEn: 'https://www.facebook.com/help/contact/712876720715583?replica=plain-email',
  /** #7 the same in Polish, on the Polish locale host */
  plainEmailPl: 'https://pl-pl.facebook.com/help/contact/712876720715583?replica=plain-email',
  /** #8 hostile: React-style form with a Lexical-style rich-text reason and a combobox country */
  lexical: 'https://www.facebook.com/help/contact/6359191084165019?replica=lexical',
  /** #9 hostile: an objection URL with nothing recognisable and planted personal data (query string included) */
  nothing: `https://www.facebook.com/help/contact/712876720715583?replica=nothing&${PLANTED.query}`,
} as const;

/** Where each replica's Send ends up (Transmission.url; for the server-rendered forms: the page URL incl. query). */
export const REPLICA_SEND_URLS = {
  fbEnglish: REPLICA_URLS.fbEnglish,
  igGerman: IG_SUBMIT_URL,
  fbDutch: 'https://nl-nl.facebook.com' + SPA_SUBMIT_PATH,
  fbEnglishSpa: 'https://www.facebook.com' + SPA_SUBMIT_PATH,
  fbLoginIssue: REPLICA_URLS.fbLoginIssue,
  fbThirdParty: REPLICA_URLS.fbThirdParty,
} as const;

/** Per replica, the keys under which its Send transmits each value (Transmission.fields[key]). */
export const REPLICA_FIELDS = {
  fbEnglish: LEGACY_FIELDS.fbEnglish,
  igGerman: IG_FIELDS,
  fbDutch: SPA_FIELDS,
  fbEnglishSpa: SPA_FIELDS,
  fbLoginIssue: LEGACY_FIELDS.fbLoginIssue,
  fbThirdParty: LEGACY_FIELDS.fbThirdParty,
} as const;

/** Texts shown after Send: `confirmation` for outcome 'confirm', `error` (in a role="alert") for 'error'. */
export const REPLICA_TEXTS = {
  fbEnglish: { title: TEXTS.en.objectionTitle, confirmation: TEXTS.en.confirmation, error: TEXTS.en.error, send: 'Send' },
  igGerman: {
    title: TEXTS.de.objectionTitle,
    confirmation: TEXTS.de.confirmation,
    error: TEXTS.de.error,
    send: TEXTS.de.send,
    preQuestion: TEXTS.de.preQuestion,
    yes: TEXTS.de.yes,
    no: TEXTS.de.no,
    invalidEmail: TEXTS.de.invalidEmail,
  },
  fbDutch: {
    title: TEXTS.nl.objectionTitle,
    confirmation: TEXTS.nl.confirmation,
    error: TEXTS.nl.error,
    send: TEXTS.nl.send,
    feedLink: TEXTS.nl.feedLink,
    invalidEmail: TEXTS.nl.invalidEmail,
  },
  fbEnglishSpa: {
    title: TEXTS.en.objectionTitle,
    confirmation: TEXTS.en.confirmation,
    error: TEXTS.en.error,
    send: TEXTS.en.send,
    feedLink: TEXTS.en.feedLink,
    invalidEmail: TEXTS.en.invalidEmail,
  },
  fbLoginIssue: { title: TEXTS.loginIssue.title, confirmation: TEXTS.loginIssue.confirmation, error: TEXTS.loginIssue.error, send: 'Send' },
  fbThirdParty: { title: TEXTS.thirdParty.title, confirmation: TEXTS.thirdParty.confirmation, error: TEXTS.thirdParty.error, send: 'Send' },
} as const;

const LEGACY_BY_ID: Record<string, LegacyFormSpec> = {
  [LEGACY_FORMS.fbEnglish.formId]: LEGACY_FORMS.fbEnglish,
  [LEGACY_FORMS.fbLoginIssue.formId]: LEGACY_FORMS.fbLoginIssue,
  [LEGACY_FORMS.fbThirdParty.formId]: LEGACY_FORMS.fbThirdParty,
};

function isMetaHost(url: URL): boolean {
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    /(^|\.)(facebook|instagram)\.com$/i.test(url.hostname)
  );
}

function parseMultipart(body: string, contentType: string): Record<string, string> {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  const fields: Record<string, string> = {};
  if (!boundary) return fields;
  for (const part of body.split('--' + boundary)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const head = part.slice(0, headerEnd);
    let value = part.slice(headerEnd + 4);
    if (value.endsWith('\r\n')) value = value.slice(0, -2);
    const name = /;\s*name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) continue;
    const filename = /;\s*filename="([^"]*)"/i.exec(head)?.[1];
    fields[name] = filename !== undefined ? filename : value;
  }
  return fields;
}

function parseFormBody(request: Request): Record<string, string> {
  const contentType = request.headers()['content-type'] ?? '';
  const body = request.postData() ?? '';
  if (/multipart\/form-data/i.test(contentType)) return parseMultipart(body, contentType);
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) fields[key] = value;
  return fields;
}

function parseJsonBody(request: Request): Record<string, string> {
  const fields: Record<string, string> = {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.postData() ?? '');
  } catch {
    return fields;
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      fields[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return fields;
}

function spaLanguage(hostname: string): SpaLanguage {
  return hostname.toLowerCase().startsWith('nl-nl.') ? 'nl' : 'en';
}

const HTML_HEADERS = { 'cache-control': 'private, no-cache, no-store, must-revalidate' };

export async function serveReplicas(context: BrowserContext): Promise<ReplicaServer> {
  const transmissions: Transmission[] = [];
  let outcome: 'confirm' | 'error' = 'confirm';

  const html = (route: Route, body: string, status = 200) =>
    route.fulfill({ status, contentType: 'text/html; charset=utf-8', headers: HTML_HEADERS, body });
  const notFound = (route: Route) => route.fulfill({ status: 404, contentType: 'text/plain', body: '' });

  async function handle(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const method = request.method().toUpperCase();
    const host = url.hostname.toLowerCase();
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;

    // JSON submit endpoint of the React-style forms (Instagram help and Facebook SPA).
    if (path === SPA_SUBMIT_PATH && (host === 'help.instagram.com' || host.endsWith('facebook.com'))) {
      if (method !== 'POST') return notFound(route);
      const fields = parseJsonBody(request);
      transmissions.push({ url: request.url(), fields });
      const locale = fields['support_form_locale_id'] ?? '';
      const error = locale.startsWith('de') ? TEXTS.de.error : locale.startsWith('nl') ? TEXTS.nl.error : TEXTS.en.error;
      return route.fulfill({
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(outcome === 'confirm' ? { ok: true } : { ok: false, error }),
      });
    }

    if (host.endsWith('instagram.com')) {
      if (method !== 'GET') return notFound(route);
      if (host === 'help.instagram.com' && path === '/contact/' + IG_FORM_ID) return html(route, renderInstagramForm());
      if ((host === 'www.instagram.com' || host === 'instagram.com') && path === '/') {
        return html(route, renderInstagramHome());
      }
      return notFound(route);
    }

    // facebook.com and its localized / mobile hosts
    const contact = /^\/help\/contact\/(\d+)$/.exec(path);
    const hostile = url.searchParams.get('replica');
    if (contact && hostile === 'plain-email') {
      const lang = host.startsWith('pl-pl.') ? 'pl' : 'en';
      if (method === 'POST') {
        transmissions.push({ url: request.url(), fields: parseFormBody(request) });
        return html(route, renderPlainEmailConfirmation(lang));
      }
      return html(route, renderPlainEmailForm(lang, url.pathname + url.search));
    }
    if (contact && hostile === 'lexical' && method === 'GET') return html(route, renderLexicalForm(PREFILLED_EMAIL));
    if (contact && hostile === 'nothing' && method === 'GET') return html(route, renderNothingPage());
    const legacy = contact ? LEGACY_BY_ID[contact[1] ?? ''] : undefined;
    if (legacy) {
      if (method === 'POST') {
        const fields = parseFormBody(request);
        transmissions.push({ url: request.url(), fields });
        if (outcome === 'confirm') return html(route, renderLegacyConfirmation(legacy));
        return html(
          route,
          renderLegacyForm(legacy, { action: url.pathname + url.search, prefill: false, values: fields, error: legacy.error }),
        );
      }
      if (method !== 'GET') return notFound(route);
      const prefill = url.searchParams.get('noprefill') !== '1';
      return html(route, renderLegacyForm(legacy, { action: url.pathname + url.search, prefill }));
    }
    if (method !== 'GET') return notFound(route);
    if (path === '/' || (contact && contact[1] === SPA_FORM_ID)) {
      const posts = Number(url.searchParams.get('posts'));
      return html(route, renderFacebookSpa(spaLanguage(host), Number.isInteger(posts) && posts > 0 ? Math.min(posts, 3000) : 3000));
    }
    if (path === '/privacy/genai') return html(route, renderGenAiPage());
    return notFound(route);
  }

  await context.route(isMetaHost, async (route) => {
    try {
      await handle(route);
    } catch (error) {
      await route
        .fulfill({ status: 500, contentType: 'text/plain', body: 'replica error: ' + String(error) })
        .catch(() => undefined);
    }
  });

  return {
    transmissions,
    setOutcome(o) {
      outcome = o;
    },
  };
}
