import { test, expect } from '../fixtures';

// WXT turns an entrypoint named "history" (or "newtab", "bookmarks") into chrome_url_overrides: with the
// extension loaded, the browser's own pages must stay the browser's.
for (const { url, element } of [
  { url: 'chrome://history/', element: 'history-app' },
  { url: 'chrome://bookmarks/', element: 'bookmarks-app' },
]) {
  test(`${url} is still the browser's own page with Objector installed`, async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.locator(element)).toBeAttached();
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => document.querySelector('#app'))).toBeNull();
    // …while Objector's own history page is where the popup opens it.
    await page.goto(`chrome-extension://${extensionId}/objections.html`);
    await expect(page.locator('#app')).not.toBeEmpty();
  });
}
