// `npm run store`: what the Chrome Web Store and addons.mozilla.org ask for, per locale, in .output/store/:
// <lang>/listing.txt (name, summary, description) and <lang>/*.png screenshots (1280×800) of the built
// extension on the test replicas, its UI in that language. Texts: the locale's extName and extDescription
// (what the manifest shows) and the longer store/listing/<lang>.md, which every locale must have (no English
// fallback: a missing one stops the run before any screenshot is taken).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_PATH, extensionWorker, launchWithExtension } from '../tests/e2e/fixtures';
import { logIn } from '../tests/e2e/history/helpers';
import { REPLICA_URLS, serveReplicas } from '../tests/e2e/replicas/index';
import { listingDescription } from './store-listing';

const OUT = path.resolve('.output/store');
const SIZE = { width: 1280, height: 800 };
const DEMO_ACCOUNT = '100000000000001';

interface Messages {
  [key: string]: { message: string } | undefined;
}

async function main(): Promise<void> {
  const locales = readdirSync(path.join(EXTENSION_PATH, '_locales')).sort();
  // All texts first: a locale without its description fails the run at once, not after minutes of screenshots.
  const texts = new Map(locales.map((lang) => [lang, listing(lang)]));
  rmSync(OUT, { recursive: true, force: true });
  for (const [lang, text] of texts) {
    const dir = path.join(OUT, lang);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'listing.txt'), text);
    await screenshots(lang, dir);
    console.log(`  ${path.relative(process.cwd(), dir)}/`);
  }
  console.log(`Store listing texts and screenshots for ${locales.length} locales in ${OUT}`);
}

function listing(lang: string): string {
  const messages = JSON.parse(readFileSync(path.join(EXTENSION_PATH, '_locales', lang, 'messages.json'), 'utf8')) as Messages;
  const name = messages.extName?.message ?? '';
  const summary = messages.extDescription?.message ?? '';
  // Chrome shows at most 132 characters of the summary, addons.mozilla.org 250.
  if (!name || !summary || summary.length > 132) throw new Error(`${lang}: extName/extDescription missing or summary over 132 characters`);
  const description = listingDescription(lang);
  return `Name:\n${name}\n\nSummary:\n${summary}\n\nDescription:\n${description}\n`;
}

async function screenshots(lang: string, dir: string): Promise<void> {
  const profile = mkdtempSync(path.join(tmpdir(), 'objector-store-'));
  const context = await launchWithExtension(profile, 'light', { locale: lang });
  try {
    await serveReplicas(context);
    await logIn(context, 'facebook', DEMO_ACCOUNT);
    const extensionId = new URL((await extensionWorker(context)).url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize(SIZE);

    await page.goto(REPLICA_URLS.fbEnglish);
    await page.getByRole('button', { name: /./ }).first().waitFor();
    const control = page.locator('[data-objector-control]');
    await control.getByRole('button').first().click();
    await control.getByRole('status').waitFor();
    await control.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(dir, '1-form-filled.png') });

    await framed(context, `chrome-extension://${extensionId}/popup.html`, path.join(dir, '2-popup.png'));

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await control.getByRole('status').filter({ hasText: /./ }).waitFor();
    const history = await context.newPage();
    await history.setViewportSize(SIZE);
    await history.goto(`chrome-extension://${extensionId}/objections.html`);
    await history.getByRole('region').first().waitFor();
    await history.screenshot({ path: path.join(dir, '3-history.png') });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The popup at its real size (400×600), centred on a 1280×800 canvas as the stores want. */
async function framed(context: BrowserContext, url: string, file: string): Promise<void> {
  const popup: Page = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(url);
  await popup.locator('#app *').first().waitFor();
  const image = (await popup.screenshot()).toString('base64');
  await popup.setViewportSize(SIZE);
  await popup.setContent(
    `<body style="margin:0;height:100vh;display:grid;place-items:center;background:#e8eaf6">` +
      `<img src="data:image/png;base64,${image}" style="width:400px;height:600px;box-shadow:0 8px 32px #0004;border-radius:8px"></body>`,
  );
  await popup.screenshot({ path: file });
  await popup.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
