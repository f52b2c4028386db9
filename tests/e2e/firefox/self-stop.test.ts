// Objector reloaded, updated or removed while a Facebook form is open, in real Firefox (src/loader/orphan.ts).
// Firefox nukes the engine's sandbox at once and leaves its DOM behind; what it undoes is the sheet that
// shows the control. So: the old control is hidden and dead at once, and the reloaded or reinstalled Objector
// (Firefox injects its loader into open tabs again) replaces it by exactly one control that works.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { BiDi, Firefox } from './bidi';
import { ADDON_ID, CONTROL, firstTab, installObjector, pageHelpers, serveReplica, startFirefoxWithObjector, WAIT } from './page';
import { LEGACY_FORMS, renderLegacyForm } from '../replicas/legacy';
import { REPLICA_URLS } from '../replicas/index';

let firefox: Firefox;
let bidi: BiDi;
let page: ReturnType<typeof pageHelpers>;
let interceptErrors: string[] = [];

beforeAll(async () => {
  ({ firefox, bidi, page } = await startFirefoxWithObjector());
  const form = new URL(REPLICA_URLS.fbEnglish);
  interceptErrors = await serveReplica(bidi, ({ method, url }) =>
    method === 'GET' && url.pathname === form.pathname
      ? renderLegacyForm(LEGACY_FORMS.fbEnglish, { action: url.pathname, prefill: true })
      : undefined,
  );
});

afterAll(async () => {
  await firefox?.close();
});

const AUTOFILL = `${CONTROL}?.shadowRoot?.querySelector('button')`;
/** Shown to the user: in the layout (a hidden host has no boxes), whatever the page or Objector set. */
const shown = (expression: string) => `(() => { const el = ${expression}; return !!el && el.isConnected && el.getClientRects().length > 0; })()`;
const controls = `document.querySelectorAll('[data-objector-control]').length`;

/** Opens the form in `tab` and waits for the control's Autofill; returns the control's host. */
async function openForm(tab: string): Promise<string> {
  await bidi.send('browsingContext.navigate', { context: tab, url: REPLICA_URLS.fbEnglish, wait: 'complete' });
  await vi.waitFor(async () => expect(await page.bool(tab, shown(AUTOFILL))).toBe(true), WAIT);
  expect(await page.number(tab, controls)).toBe(1);
  return page.node(tab, CONTROL);
}

/** The control in `tab` works: a real click on Autofill fills the form. */
async function autofillWorks(tab: string): Promise<void> {
  await page.trustedClick(tab, await page.node(tab, AUTOFILL));
  await vi.waitFor(async () => {
    const status = await page.text(tab, `${CONTROL}.shadowRoot.querySelector('[role=status]').textContent`);
    expect(status).toContain('Filled in');
  }, WAIT);
  expect(await page.text(tab, `document.querySelector('textarea').value`)).not.toBe('');
}

/** The old Objector's control (`oldHost`) is gone from `tab`, and the one control left, the new one's, works. */
async function onlyTheNewControlWorks(tab: string, oldHost: Awaited<ReturnType<typeof openForm>>): Promise<void> {
  await vi.waitFor(async () => {
    expect(await page.onNode<boolean>(tab, oldHost, '(host) => host.isConnected')).toBe(false);
    expect(await page.bool(tab, shown(AUTOFILL))).toBe(true);
  }, WAIT);
  expect(await page.number(tab, controls)).toBe(1);
  await autofillWorks(tab);
  expect(interceptErrors).toEqual([]);
}

test('Objector reloaded (as an update does): the old control goes at once, and one control of the new Objector works', async () => {
  const tab = await firstTab(bidi);
  const oldHost = await openForm(tab);

  // What about:debugging's Reload and an update do to an add-on: its scripts in open tabs are cut off.
  const extensionPage = await page.openExtensionPage('objections.html', 'globalThis.browser?.runtime?.reload');
  await page.evaluate(extensionPage, 'browser.runtime.reload()').catch(() => undefined);

  // The reloaded Objector's engine takes the old control out of the page and shows its own, the only one.
  await onlyTheNewControlWorks(tab, oldHost);
});

test('Objector removed: its control is hidden at once and dead; installed again, one control works', async () => {
  const tab = (await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' })).context;
  const oldHost = await openForm(tab);
  const oldAutofill = await page.node(tab, AUTOFILL);

  // Removing (like disabling) unloads the add-on: Firefox nukes the engine's sandbox and leaves its DOM.
  await bidi.send('webExtension.uninstall', { extension: ADDON_ID });
  await vi.waitFor(async () => expect(await page.bool(tab, shown(AUTOFILL))).toBe(false), WAIT);
  await page.screenshot(tab, 'firefox-objector-removed');

  // Nothing of the engine acts: shown again by the page's own style (a page can), the leftover's Autofill gets a
  // real click and does nothing. A live engine would have filled the form or, cut off, removed its control
  // while handling the click; the page's capturing listener sees the click before the control's would.
  await page.evaluate(tab, `(() => {
    const style = document.createElement('style');
    style.textContent = '[data-objector-control] { display: block !important; }';
    document.head.append(style);
    window.__clicks = 0;
    window.addEventListener('click', () => { window.__clicks += 1; }, true);
  })()`);
  expect(await page.bool(tab, shown(AUTOFILL))).toBe(true);
  await page.trustedClick(tab, oldAutofill);
  await vi.waitFor(async () => expect(await page.number(tab, 'window.__clicks')).toBe(1), WAIT);
  expect(await page.onNode<boolean>(tab, oldHost, '(host) => host.isConnected')).toBe(true);
  expect(await page.text(tab, `document.querySelector('textarea').value`)).toBe('');
  expect(await page.text(tab, `${CONTROL}.shadowRoot.querySelector('[role=status]').textContent`)).toBe('');

  // Installed again (the page's style still showing every control): only the new Objector's control is left.
  await installObjector(bidi);
  await onlyTheNewControlWorks(tab, oldHost);
});
