import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
const [ext, langArg, envLang, locale] = process.argv.slice(2).map((s) => s === '-' ? undefined : s);
const dir = mkdtempSync('/tmp/loc-exp/ud-');
const env = { ...process.env }; delete env.LANGUAGE; delete env.LANG; delete env.LC_ALL;
if (envLang) { env.LANGUAGE = envLang; env.LANG = envLang + '.UTF-8'; }
const ctx = await chromium.launchPersistentContext(dir, {
  executablePath: '/usr/lib/chromium/chromium', headless: true, ...(locale ? { locale } : {}),
  ignoreDefaultArgs: ['--disable-extensions'], env,
  args: [`--disable-extensions-except=${path.resolve(ext)}`, `--load-extension=${path.resolve(ext)}`, '--no-sandbox', '--disable-gpu', ...(langArg ? [`--lang=${langArg}`] : [])],
});
const w = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker', { timeout: 15000 });
const r = await w.evaluate(() => ({ ui: chrome.i18n.getUILanguage(), name: chrome.i18n.getMessage('popup_openHistory') }));
console.log(process.argv.slice(3).join(' '), JSON.stringify(r));
await ctx.close();
