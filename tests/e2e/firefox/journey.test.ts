// The whole journey in real Firefox (Debian's firefox-esr), the Firefox build installed as a temporary
// add-on: Autofill on the Facebook replica served on the real URL, Send, Meta's confirmation, the history.
// Driven over WebDriver BiDi (./bidi.ts); run by `npm test` as its own step (`npm run test:firefox`).
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { BiDi, Firefox } from './bidi';
import { ADDON_UUID, firstTab, pageHelpers, serveReplica, startFirefoxWithObjector, WAIT } from './page';
import { LEGACY_FORMS, PREFILLED_EMAIL, renderLegacyConfirmation, renderLegacyForm } from '../replicas/legacy';
import { REPLICA_URLS } from '../replicas/index';
import en from '../../../src/reasons/catalogue/en.json' with { type: 'json' };

const ACCOUNT_ID = '100001';

let firefox: Firefox;
let bidi: BiDi;
let tab: string;
let page: ReturnType<typeof pageHelpers>;
const posts: string[] = [];
/** Replica responses Firefox refused (checked at the end of the journey, when the pages it needed are done). */
let interceptErrors: string[] = [];

beforeAll(async () => {
  ({ firefox, bidi, page } = await startFirefoxWithObjector());
  interceptErrors = await serveFacebookReplica();
  tab = await firstTab(bidi);
});

afterAll(async () => {
  await firefox?.close();
});

test('Autofill on the Facebook form, Send, Meta confirms: Firefox records the account as Confirmed', async () => {
  // Logged in as Meta does it: the id in c_user, the session in the HttpOnly xs (README, "Which account").
  await bidi.send('storage.setCookie', {
    cookie: { name: 'c_user', value: { type: 'string', value: ACCOUNT_ID }, domain: '.facebook.com', path: '/', secure: true },
  });
  await bidi.send('storage.setCookie', {
    cookie: { name: 'xs', value: { type: 'string', value: '41%3AsEcReT%3A2%3A1700000000' }, domain: '.facebook.com', path: '/', secure: true, httpOnly: true },
  });
  await bidi.send('browsingContext.navigate', { context: tab, url: REPLICA_URLS.fbEnglish, wait: 'complete' });

  const autofill = await vi.waitFor(async () => {
    const button = await page.node(tab, `document.querySelector('[data-objector-control]')?.shadowRoot?.querySelector('button')`);
    expect(await page.text(tab, `document.querySelector('[data-objector-control]').shadowRoot.textContent`)).toContain('Autofill');
    return button;
  }, WAIT);
  await page.trustedClick(tab, autofill);

  await vi.waitFor(async () => expect(await controlStatus()).toContain('Filled in'), WAIT);
  expect(await controlStatus()).toContain('press Send yourself');
  const reason = await page.text(tab, `document.querySelector('textarea').value`);
  expect(reason.startsWith(en.opening)).toBe(true);
  expect(reason.endsWith(en.closing)).toBe(true);
  expect(await page.text(tab, `document.querySelector('input[type=email]').value`)).toBe(PREFILLED_EMAIL);
  expect(posts).toEqual([]); // Objector never presses Send
  await page.screenshot(tab, 'firefox-facebook-filled');

  await page.trustedClick(tab, await page.node(tab, `document.querySelector('button[type=submit]')`));
  await vi.waitFor(async () => expect(await controlStatus()).toContain('Meta confirmed your objection'), WAIT);
  expect(posts).toEqual([REPLICA_URLS.fbEnglish]);
  expect(await page.text(tab, 'document.body.innerText')).toContain(LEGACY_FORMS.fbEnglish.confirmation.slice(0, 40));

  const history = (await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' })).context;
  // Firefox reports no load of extension pages to WebDriver: navigate without waiting, then wait for the content.
  await bidi.send('browsingContext.navigate', { context: history, url: `moz-extension://${ADDON_UUID}/objections.html`, wait: 'none' });
  await vi.waitFor(async () => {
    const account = await page.text(
      history,
      `[...document.querySelectorAll('section[aria-labelledby]')]
        .find((s) => document.getElementById(s.getAttribute('aria-labelledby'))?.textContent.includes('${ACCOUNT_ID}'))
        ?.innerText ?? ''`,
    );
    expect(account).toContain('Confirmed');
    expect(account).toContain(PREFILLED_EMAIL);
  }, WAIT);
  await page.screenshot(history, 'firefox-history');
  expect(interceptErrors).toEqual([]);
});

/** Serves the server-rendered Facebook replica on its real https URL; everything else on Meta's hosts is a 404. */
function serveFacebookReplica(): Promise<string[]> {
  const form = new URL(REPLICA_URLS.fbEnglish);
  return serveReplica(bidi, ({ method, url }) => {
    if (url.hostname !== form.hostname || url.pathname !== form.pathname) return undefined;
    if (method !== 'POST') return renderLegacyForm(LEGACY_FORMS.fbEnglish, { action: url.pathname + url.search, prefill: true });
    posts.push(url.href);
    return renderLegacyConfirmation(LEGACY_FORMS.fbEnglish);
  });
}

function controlStatus(): Promise<string> {
  return page.text(tab, `document.querySelector('[data-objector-control]')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? ''`);
}
