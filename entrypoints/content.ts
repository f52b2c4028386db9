import { browser } from 'wxt/browser';
import { formUrls } from '@/src/forms/rules/urls';
import type { FormRule } from '@/src/forms/rules/schema';
import { FormSession } from '@/src/forms/session';
import { watchUrl } from '@/src/forms/watch';
import { buildProblemReport, problemReportFile, saveProblemReport } from '@/src/forms/report';
import { controlPresenter } from '@/src/ui/control-presenter';
import { isFormHost } from '@/src/forms/match';
import { contentTexts } from '@/src/ui/content-texts';
import { askBackground } from '@/src/messaging/send';
import {
  accountStatusAnswerSchema,
  composeAnswerSchema,
  okAnswerSchema,
  pendingAnswerSchema,
  ruleAnswerSchema,
  tabMessageSchema,
} from '@/src/messaging/content-protocol';

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
      rule: async (id) => (await askBackground({ type: 'rule', id }, ruleAnswerSchema)) as FormRule,
      compose: (request) => askBackground({ type: 'compose', lang: request.lang, maxLength: request.maxLength }, composeAnswerSchema),
      submitted: async (submission) => void (await askBackground({ type: 'submitted', submission }, okAnswerSchema)),
      status: async (id, status, at) => void (await askBackground({ type: 'status', id, status, at }, okAnswerSchema)),
      pending: async (formId) => (await askBackground({ type: 'pending', formId }, pendingAnswerSchema)).id,
      accountStatus: (platform) => askBackground({ type: 'account-status', platform }, accountStatusAnswerSchema),
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
    const stopWatching = watchUrl(window, (href) => session.onUrl(href));
    session.onUrl(location.href);

    const onMessage = (raw: unknown) => {
      const message = tabMessageSchema.safeParse(raw);
      if (!message.success) return undefined;
      return message.data.type === 'probe' ? Promise.resolve(session.probe()) : session.autofill();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      stopWatching();
      session.stop();
      browser.runtime.onMessage.removeListener(onMessage);
    });
  },
});
