import { browser } from 'wxt/browser';
import { formUrls } from '@/src/forms/rules/urls';
import { FormSession } from '@/src/forms/session';
import { watchUrl } from '@/src/forms/navigation';
import { contentTexts } from '@/src/ui/content-texts';
import { askBackground } from '@/src/messaging/send';
import { handleTabMessage } from '@/src/messaging/receive';

// Wiring only: the engine is FormSession (src/forms). The content script carries only the forms' URL
// patterns (src/forms/rules/urls.ts); the background sends the full rule of a form it recognises.
export default defineContentScript({
  matches: ['*://*.facebook.com/*', '*://*.instagram.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const session = new FormSession(document, formUrls, {
      rule: (id) => askBackground('rule', { id }),
      compose: (request) => askBackground('compose', { lang: request.lang, maxLength: request.maxLength }),
      submitted: async (submission) => void (await askBackground('submitted', { submission })),
      status: async (id, status, at) => void (await askBackground('status', { id, status, at })),
      pending: async (formId) => (await askBackground('pending', { formId })).id,
      accountStatus: (platform) => askBackground('account-status', { platform }),
      texts: contentTexts(),
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
    });
    // Lets the background set this tab's reminder badge (it has no `tabs` permission to find the tab).
    void askBackground('page-opened', {}).catch(() => undefined);
    const stopWatching = watchUrl(window, (href) => session.onUrl(href));
    session.onUrl(location.href);

    const onMessage = (raw: unknown) =>
      handleTabMessage(raw, { probe: () => session.probe(), autofill: () => session.autofill() });
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      stopWatching();
      session.stop();
      browser.runtime.onMessage.removeListener(onMessage);
    });
  },
});
