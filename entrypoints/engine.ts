import '@/src/zod-jitless';
import { browser } from 'wxt/browser';
import { formUrls } from '@/src/forms/rules/urls';
import { FormSession } from '@/src/forms/session';
import { systemClock } from '@/src/forms/clock';
import { watchUrl } from '@/src/forms/watch';
import { buildProblemReport, problemReportFile, saveProblemReport } from '@/src/forms/report';
import { controlPresenter } from '@/src/ui/control-presenter';
import { isFormHost, matchFormRule } from '@/src/forms/match';
import { contentTexts } from '@/src/ui/content-texts';
import { askBackground } from '@/src/messaging/send';
import { handleTabMessage } from '@/src/messaging/receive';
import { claimEngine } from '@/src/loader/engine-guard';
import { removeLeftoverControls, watchExtensionLife, type ExtensionRuntime } from '@/src/loader/orphan';

// Wiring only: the engine is FormSession (src/forms: page watcher, form finder, filler, submission
// tracker); the in-page control is UI code (src/ui/control-presenter.ts) handed to it here. Not a content
// script: the background injects it (scripting.executeScript, src/loader/inject.ts) into a frame whose loader
// (entrypoints/loader.ts) saw an objection form's URL, possibly long after the page loaded and after in-app
// navigation. From then on it follows the URL itself, away from the form and back. The background sends the
// full rule of a form it recognises.
export default defineUnlistedScript(() => {
  // The background injects only on Meta's form hosts; checked again here, where it costs nothing.
  if (!isFormHost(location.href, formUrls)) return;
  // Injected twice into one frame (two requests racing), the second copy does nothing.
  if (!claimEngine(globalThis)) return;
  // Firefox: the control of the Objector this one replaces (reloaded, updated) is still in the page, dead.
  removeLeftoverControls(document);
  const texts = contentTexts();
  const present = controlPresenter(texts);
  const session = new FormSession(document, formUrls, {
    rule: (id) => askBackground('rule', { id }),
    compose: (request) => askBackground('compose', { lang: request.lang, maxLength: request.maxLength }),
    submitted: async (submission) => void (await askBackground('submitted', { submission })),
    status: async (id, status, at) => (await askBackground('status', { id, status, at })).status,
    pending: (formId) => askBackground('pending', { formId }),
    accountStatus: (platform) => askBackground('account-status', { platform }),
    // Using the control of an engine whose extension is gone removes it instead (see `life` below).
    present: (doc, actions) =>
      present(doc, { autofill: () => life.alive() && actions.autofill(), saveReport: () => life.alive() && actions.saveReport() }),
    saveProblemReport: (context) => {
      const report = buildProblemReport(document, { version: browser.runtime.getManifest().version, ...context });
      saveProblemReport(document, problemReportFile(report));
    },
    // Reports wait in storage.local until acknowledged: a page left before delivery loses nothing.
    handoff: {
      keep: (key, report) => browser.storage.local.set({ [key]: report }),
      drop: (key) => browser.storage.local.remove(key),
    },
    clock: systemClock,
    newId: () => crypto.randomUUID(),
    // Browsers without the User Activation API (none that Objector supports) rely on isTrusted alone.
    userActive: () => navigator.userActivation?.isActive ?? true,
  });
  const onMessage = (raw: unknown) =>
    life.alive() ? handleTabMessage(raw, { probe: () => session.probe(), autofill: () => session.autofill() }) : undefined;
  const onUrl = (href: string) => {
    if (!life.alive()) return;
    life.watchWhile(matchFormRule(href, formUrls) !== undefined);
    session.onUrl(href);
  };
  const stopWatchingUrl = watchUrl(window, onUrl);
  // Objector reloaded, updated, disabled or removed: this engine is left in the page, cut off. It takes its
  // control off the page and stops watching (src/loader/orphan.ts).
  const life = watchExtensionLife(
    () => (globalThis as { chrome?: { runtime?: ExtensionRuntime } }).chrome?.runtime ?? browser.runtime,
    () => {
      stopWatchingUrl();
      session.stop();
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        // The API of an orphaned script may be gone: its listener can no longer be called anyway.
      }
    },
  );
  onUrl(location.href);
  if (life.alive()) browser.runtime.onMessage.addListener(onMessage);
});
