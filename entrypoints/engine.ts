import { browser } from 'wxt/browser';
import { formUrls } from '@/src/forms/rules/urls';
import type { FormRule } from '@/src/forms/rules/schema';
import { FormSession } from '@/src/forms/session';
import { watchUrl } from '@/src/forms/navigation';
import { contentTexts } from '@/src/ui/content-texts';
import { askBackground } from '@/src/messaging/send';
import { claimEngine } from '@/src/loader/engine-guard';
import {
  accountStatusAnswerSchema,
  composeAnswerSchema,
  okAnswerSchema,
  pendingAnswerSchema,
  ruleAnswerSchema,
  tabMessageSchema,
} from '@/src/messaging/content-protocol';

// Wiring only: the engine is FormSession (src/forms). Not a content script: the background injects it
// (scripting.executeScript, src/loader/inject.ts) into a frame whose loader (entrypoints/loader.ts) saw an
// objection form's URL, possibly long after the page loaded and after in-app navigation. From then on it
// follows the URL itself, away from the form and back. The background sends the full rule of a form.
export default defineUnlistedScript(() => {
  // Injected twice into one frame (two requests racing), the second copy does nothing.
  if (!claimEngine(globalThis)) return;
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
  watchUrl(window, (href) => session.onUrl(href));
  session.onUrl(location.href);

  browser.runtime.onMessage.addListener((raw: unknown) => {
    const message = tabMessageSchema.safeParse(raw);
    if (!message.success) return undefined;
    return message.data.type === 'probe' ? Promise.resolve(session.probe()) : session.autofill();
  });
});
