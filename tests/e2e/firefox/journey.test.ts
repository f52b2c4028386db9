// The whole journey in real Firefox (Debian's firefox-esr), the Firefox build installed as a temporary
// add-on: Autofill on the Facebook replica served on the real URL, Send, Meta's confirmation, the history.
// Driven over WebDriver BiDi (./bidi.ts); run by `npm test` as its own step (`npm run test:firefox`).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { launchFirefox, type BiDi, type Firefox } from './bidi';
import { LEGACY_FORMS, PREFILLED_EMAIL, renderLegacyConfirmation, renderLegacyForm } from '../replicas/legacy';
import { REPLICA_URLS } from '../replicas/index';
import en from '../../../src/reasons/catalogue/en.json' with { type: 'json' };

const EXTENSION = path.resolve('.output/firefox-mv3');
const ADDON_ID = 'objector@objector.invalid';
/** Fixed through the profile (extensions.webextensions.uuids), so the test knows the moz-extension:// host. */
const ADDON_UUID = 'b5f0c1d2-7a3e-4c4b-9d51-0b1ec7000001';
const SCREENSHOTS = path.resolve('test-results/screenshots');
const ACCOUNT_ID = '100001';
const WAIT = { timeout: 30_000, interval: 100 };

let firefox: Firefox;
let bidi: BiDi;
let tab: string;
const posts: string[] = [];
/** Replica responses Firefox refused (checked at the end of the journey, when the pages it needed are done). */
const interceptErrors: string[] = [];

beforeAll(async () => {
  firefox = await launchFirefox({ extensionUuids: { [ADDON_ID]: ADDON_UUID } });
  bidi = firefox.bidi;
  const installed = await bidi.send<{ extension: string }>('webExtension.install', {
    extensionData: { type: 'path', path: EXTENSION },
  });
  expect(installed.extension).toBe(ADDON_ID);
  await serveFacebookReplica();
  tab = (await bidi.send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', {})).contexts[0]!.context;
});

afterAll(async () => {
  await firefox?.close();
});

test('Autofill on the Facebook form, Send, Meta confirms: Firefox records the account as Confirmed', async () => {
  await bidi.send('storage.setCookie', {
    cookie: { name: 'c_user', value: { type: 'string', value: ACCOUNT_ID }, domain: '.facebook.com', path: '/', secure: true },
  });
  await bidi.send('browsingContext.navigate', { context: tab, url: REPLICA_URLS.fbEnglish, wait: 'complete' });

  const autofill = await vi.waitFor(async () => {
    const button = await node(tab, `document.querySelector('[data-objector-control]')?.shadowRoot?.querySelector('button')`);
    expect(await text(tab, `document.querySelector('[data-objector-control]').shadowRoot.textContent`)).toContain('Autofill');
    return button;
  }, WAIT);
  await trustedClick(tab, autofill);

  await vi.waitFor(async () => expect(await controlStatus()).toContain('Filled in'), WAIT);
  expect(await controlStatus()).toContain('press Send yourself');
  const reason = await text(tab, `document.querySelector('textarea').value`);
  expect(reason.startsWith(en.opening)).toBe(true);
  expect(reason.endsWith(en.closing)).toBe(true);
  expect(await text(tab, `document.querySelector('input[type=email]').value`)).toBe(PREFILLED_EMAIL);
  expect(posts).toEqual([]); // Objector never presses Send
  await screenshot(tab, 'firefox-facebook-filled');

  await trustedClick(tab, await node(tab, `document.querySelector('button[type=submit]')`));
  await vi.waitFor(async () => expect(await controlStatus()).toContain('Meta confirmed your objection'), WAIT);
  expect(posts).toEqual([REPLICA_URLS.fbEnglish]);
  expect(await text(tab, 'document.body.innerText')).toContain(LEGACY_FORMS.fbEnglish.confirmation.slice(0, 40));

  const history = (await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' })).context;
  // Firefox reports no load of extension pages to WebDriver: navigate without waiting, then wait for the content.
  await bidi.send('browsingContext.navigate', { context: history, url: `moz-extension://${ADDON_UUID}/objections.html`, wait: 'none' });
  await vi.waitFor(async () => {
    const account = await text(
      history,
      `[...document.querySelectorAll('section[aria-labelledby]')]
        .find((s) => document.getElementById(s.getAttribute('aria-labelledby'))?.textContent.includes('${ACCOUNT_ID}'))
        ?.innerText ?? ''`,
    );
    expect(account).toContain('Confirmed');
    expect(account).toContain(PREFILLED_EMAIL);
  }, WAIT);
  await screenshot(history, 'firefox-history');
  expect(interceptErrors).toEqual([]);
});

/** Serves the server-rendered Facebook replica on its real https URL; everything else on Meta's hosts is a 404. */
async function serveFacebookReplica(): Promise<void> {
  const form = new URL(REPLICA_URLS.fbEnglish);
  await bidi.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: [
      { type: 'pattern', hostname: 'facebook.com' },
      { type: 'pattern', hostname: 'www.facebook.com' },
    ],
  });
  bidi.on('network.beforeRequestSent', (params) => {
    if (!params.isBlocked) return;
    const request = params.request as { request: string; url: string; method: string };
    const url = new URL(request.url);
    let status = 404;
    let body = '';
    if (url.hostname === form.hostname && url.pathname === form.pathname) {
      status = 200;
      if (request.method === 'POST') {
        posts.push(request.url);
        body = renderLegacyConfirmation(LEGACY_FORMS.fbEnglish);
      } else {
        body = renderLegacyForm(LEGACY_FORMS.fbEnglish, { action: url.pathname + url.search, prefill: true });
      }
    }
    const answer = bidi.send('network.provideResponse', {
      request: request.request,
      statusCode: status,
      reasonPhrase: status === 200 ? 'OK' : 'Not Found',
      headers: [{ name: 'content-type', value: { type: 'string', value: 'text/html; charset=utf-8' } }],
      body: { type: 'string', value: body },
    });
    answer.catch((error: unknown) => interceptErrors.push(`${request.method} ${request.url}: ${String(error)}`));
  });
  await bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });
}

interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

async function evaluate(context: string, expression: string): Promise<RemoteValue> {
  const answer = await bidi.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
  });
  if (answer.type !== 'success' || !answer.result) throw new Error(`${expression}: ${answer.exceptionDetails?.text ?? answer.type}`);
  return answer.result;
}

async function text(context: string, expression: string): Promise<string> {
  const result = await evaluate(context, expression);
  if (result.type !== 'string') throw new Error(`${expression} is ${result.type}, not a string`);
  return result.value as string;
}

async function node(context: string, expression: string): Promise<string> {
  const result = await evaluate(context, `(() => { const el = ${expression}; el?.scrollIntoView({ block: 'center' }); return el; })()`);
  if (result.type !== 'node' || !result.sharedId) throw new Error(`${expression} found no element`);
  return result.sharedId;
}

function controlStatus(): Promise<string> {
  return text(tab, `document.querySelector('[data-objector-control]')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? ''`);
}

/** A real mouse click (trusted, with user activation), as the extension requires for Autofill and Send. */
async function trustedClick(context: string, sharedId: string): Promise<void> {
  await bidi.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId } } },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
  await bidi.send('input.releaseActions', { context });
}

async function screenshot(context: string, name: string): Promise<void> {
  const { data } = await bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context });
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(path.join(SCREENSHOTS, `${name}.png`), Buffer.from(data, 'base64'));
}
