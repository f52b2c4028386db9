// `npm run demo`: try Objector without a real account. Chromium with the built extension, Meta's forms
// replaced by the test replicas on their real URLs (nothing reaches Meta). With a display you get the
// browser; without one ($DISPLAY unset) the journey runs by itself and each step is saved as a screenshot.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionWorker, launchWithExtension, saveSettings } from '../tests/e2e/fixtures';
import { logIn } from '../tests/e2e/history/helpers';
import { REPLICA_TEXTS, REPLICA_URLS, serveReplicas } from '../tests/e2e/replicas/index';

const SHOTS = path.resolve('.output/demo');
/** Made-up account ids: the replicas answer as if these were logged in. */
const DEMO_ACCOUNTS = { facebook: '100000000000001', instagram: '20000000001' };
/** The popup's choices in the tour: the default reasons (src/settings/settings.ts) and the user's details. */
const TOUR_SETTINGS = { reasonIds: ['old-posts', 'third-parties', 'irreversible'], ownWords: '', email: 'you@example.org', country: 'DE' };

async function main(): Promise<void> {
  const headless = !process.env.DISPLAY;
  const profile = mkdtempSync(path.join(tmpdir(), 'objector-demo-'));
  const context = await launchWithExtension(profile, 'light', { headless });
  try {
    await serveReplicas(context);
    // Logged in as the tests log in (the id cookie and the HttpOnly session cookie Objector requires).
    await logIn(context, 'facebook', DEMO_ACCOUNTS.facebook);
    await logIn(context, 'instagram', DEMO_ACCOUNTS.instagram);
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    // The tour's user kept the default reasons and entered an e-mail address and country in the popup
    // (Instagram's form needs both).
    if (headless) await saveSettings(worker, { ...TOUR_SETTINGS });
    if (headless) await tour(context, extensionId);
    else await explore(context, extensionId);
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** With a display: the pages to start from, then the browser is the user's until they close it. */
async function explore(context: BrowserContext, extensionId: string): Promise<void> {
  const first = context.pages()[0] ?? (await context.newPage());
  await first.goto(REPLICA_URLS.genAi);
  await (await context.newPage()).goto(REPLICA_URLS.igGerman);
  await (await context.newPage()).goto(`chrome-extension://${extensionId}/popup.html`);
  console.log(`
Objector demo: Chromium shows local copies of Meta's pages on their real addresses; nothing reaches Meta.
  - Facebook: ${REPLICA_URLS.genAi} → the objection form → "Autofill objection" → Send
  - Instagram (with Meta's yes/no question first, needs an e-mail address from the popup): ${REPLICA_URLS.igGerman}
  - The popup is open in a tab (chrome-extension://${extensionId}/popup.html); the history is behind "Open history".
Close the browser window (or press Ctrl+C) to end the demo.`);
  // Ctrl+C closes the browser too, so that the temporary profile is removed.
  const interrupt = () => void context.close();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  await new Promise<void>((resolve) => context.once('close', () => resolve()));
}

/** Without a display: the whole journey, one screenshot per step. */
async function tour(context: BrowserContext, extensionId: string): Promise<void> {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  let step = 0;
  const shot = async (page: Page, name: string) => {
    const file = path.join(SHOTS, `${String(++step).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  ${path.relative(process.cwd(), file)}`);
  };
  console.log(`Objector demo without a display: the journey on local replicas of Meta's pages, screenshots in ${SHOTS}`);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('#app *').first().waitFor();
  await shot(popup, 'popup');

  const page = context.pages()[0] ?? (await context.newPage());
  await page.bringToFront();
  await page.goto(REPLICA_URLS.genAi);
  await shot(page, 'facebook-privacy-center');
  await page.goto(REPLICA_URLS.fbEnglish);
  await autofillAndSend(page, 'facebook', 'Send', REPLICA_TEXTS.fbEnglish.confirmation, shot);

  await page.goto(REPLICA_URLS.igGerman);
  await page.getByText(REPLICA_TEXTS.igGerman.preQuestion).waitFor();
  await shot(page, 'instagram-question-first');
  await autofillAndSend(page, 'instagram', REPLICA_TEXTS.igGerman.send, REPLICA_TEXTS.igGerman.confirmation, shot);

  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/objections.html`);
  await history.getByRole('region', { name: `Instagram ${DEMO_ACCOUNTS.instagram}` }).waitFor();
  await shot(history, 'history');
  console.log(`Done: ${step} screenshots in ${SHOTS}`);
}

async function autofillAndSend(
  page: Page,
  site: string,
  send: string,
  confirmation: string,
  shot: (page: Page, name: string) => Promise<void>,
): Promise<void> {
  const control = page.locator('[data-objector-control]');
  await page.getByRole('button', { name: /Autofill/ }).waitFor();
  await shot(page, `${site}-form`);
  await page.getByRole('button', { name: /Autofill/ }).click();
  await control.getByRole('status').getByText(/Filled in/).waitFor();
  await shot(page, `${site}-filled`);
  await page.getByRole('button', { name: send, exact: true }).click();
  await page.getByText(confirmation.slice(0, 30)).waitFor();
  await shot(page, `${site}-sent`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
