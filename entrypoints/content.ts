import { browser } from 'wxt/browser';
import { formUrls } from '@/src/forms/rules/urls';
import type { FormRule } from '@/src/forms/rules/schema';
import { FormSession } from '@/src/forms/session';
import { watchUrl } from '@/src/forms/navigation';
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

// Wiring only: the engine is FormSession (src/forms). The content script carries only the forms' URL
// patterns (src/forms/rules/urls.ts); the background sends the full rule of a form it recognises.
export default defineContentScript({
  matches: ['*://*.facebook.com/*', '*://*.instagram.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const session = new FormSession(document, formUrls, {
      rule: async (id) => (await askBackground({ type: 'rule', id }, ruleAnswerSchema)) as FormRule,
      compose: (request) => askBackground({ type: 'compose', lang: request.lang, maxLength: request.maxLength }, composeAnswerSchema),
      submitted: async (submission) => void (await askBackground({ type: 'submitted', submission }, okAnswerSchema)),
      status: async (id, status, at) => void (await askBackground({ type: 'status', id, status, at }, okAnswerSchema)),
      pending: async (formId) => (await askBackground({ type: 'pending', formId }, pendingAnswerSchema)).id,
      accountStatus: (platform) => askBackground({ type: 'account-status', platform }, accountStatusAnswerSchema),
      texts: contentTexts(),
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
    });
    // Lets the background set this tab's reminder badge (it has no `tabs` permission to find the tab).
    void askBackground({ type: 'page-opened' }, okAnswerSchema).catch(() => undefined);
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
