import { browser } from 'wxt/browser';
import { formUrls } from '@/src/forms/rules/urls';
import { FormSession } from '@/src/forms/session';
import { watchUrl } from '@/src/forms/watch';
import { buildProblemReport, problemReportFile, saveProblemReport } from '@/src/forms/report';
import { controlPresenter } from '@/src/ui/control-presenter';
import { isFormHost } from '@/src/forms/match';
import { contentTexts } from '@/src/ui/content-texts';
import { askBackground } from '@/src/messaging/send';
import { handleTabMessage } from '@/src/messaging/receive';

// Wiring only: the engine is FormSession (src/forms: page watcher, form finder, filler, submission
// tracker); the in-page control is UI code (src/ui/control-presenter.ts) handed to it here. The content
// script carries only the forms' URL patterns (src/forms/rules/urls.ts); the background sends the full rule
// of a form it recognises.
export default defineContentScript({
  // https only; the narrowest patterns that take in Facebook's locale hosts (nl-nl.…). The host list itself
  // (www, web, m, mbasic, touch, locale hosts; www and help of Instagram) is checked first thing below.
  matches: ['https://*.facebook.com/*', 'https://www.instagram.com/*', 'https://help.instagram.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    // developers.facebook.com, business.facebook.com and the like get nothing: no listener, no watcher.
    if (!isFormHost(location.href, formUrls)) return;
    const texts = contentTexts();
    const session = new FormSession(document, formUrls, {
      rule: (id) => askBackground('rule', { id }),
      compose: (request) => askBackground('compose', { lang: request.lang, maxLength: request.maxLength }),
      submitted: async (submission) => void (await askBackground('submitted', { submission })),
      status: async (id, status, at) => void (await askBackground('status', { id, status, at })),
      pending: async (formId) => (await askBackground('pending', { formId })).id,
      accountStatus: (platform) => askBackground('account-status', { platform }),
      present: controlPresenter(texts),
      saveProblemReport: (context) => {
        const report = buildProblemReport(document, { version: browser.runtime.getManifest().version, ...context });
        saveProblemReport(document, problemReportFile(report));
      },
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
      // Browsers without the User Activation API (none that Objector supports) rely on isTrusted alone.
      userActive: () => navigator.userActivation?.isActive ?? true,
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
