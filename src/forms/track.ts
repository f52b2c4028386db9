import type { SubmissionReport } from '../messaging/protocol';
import type { FormRule } from './rules/schema';
import { fieldText, findSubmitButton, isUsable, pageSays, type Detection, type FoundForm } from './find';
import { pageLanguage } from './match';
import type { Outcome } from '../domain/status';

/*
 * The submission tracker's judgements: is this event the user's own Send, what did the form really send,
 * and what did Meta answer. Pure functions of the event and the page; the session keeps the time (its
 * injected clock) and talks to the background.
 */

/**
 * The user's own click, Enter or Space on the form's Send (or Enter in a one-line field of a `<form>`,
 * which submits it). Script cannot produce this: its events are not trusted; a `submit` event (which
 * `form.requestSubmit()` makes trusted) is never counted; and the page must have transient user activation,
 * which only the user's own input gives.
 */
export function isUserSend(event: Event, detection: Detection, userActive: boolean): detection is FoundForm {
  if (!event.isTrusted || !userActive || detection.state !== 'form') return false;
  if (event.type !== 'click' && event.type !== 'keydown') return false;
  const key = event.type === 'keydown' ? (event as KeyboardEvent).key : undefined;
  if (key !== undefined && key !== 'Enter' && key !== ' ') return false;
  const target = event.target as Node | null;
  const send = findSubmitButton(detection);
  if (!send || !target) return false;
  if (send.contains(target)) return true;
  return (
    key === 'Enter' &&
    target instanceof HTMLInputElement &&
    detection.root instanceof HTMLFormElement &&
    detection.root.contains(target)
  );
}

/** What the form holds at Send: read from the fields themselves, not from what Objector wrote. */
export function readSubmission(
  doc: Document,
  form: FoundForm,
  meta: { id: string; at: Date; reasonIds: string[] },
): SubmissionReport {
  const rule = form.rule;
  const free = form.fields.reason ?? form.fields.prompts;
  return {
    id: meta.id,
    ruleId: rule.id,
    platform: rule.platform,
    formId: rule.formId,
    url: doc.location?.href ?? '',
    lang: pageLanguage(doc) ?? '',
    email: form.fields.email ? fieldText(form.fields.email).trim() : '',
    reasonIds: meta.reasonIds,
    text: free ? fieldText(free) : '',
    at: meta.at.toISOString(),
  };
}

/** Meta's answer as far as the page shows it now. */
export type PageAnswer = Outcome | 'form-still-there' | 'form-gone';

/**
 * An error (a new alert, or a known error phrase) → failed; a known confirmation phrase once the form is
 * gone → confirmed; the form gone without one → form-gone (Submitted stays: a page script can remove a
 * form, so that alone proves nothing).
 */
export function judgeAnswer(doc: Document, rule: FormRule, detection: Detection, alertsBefore: ReadonlySet<Element>): PageAnswer {
  const newAlert = Array.from(doc.querySelectorAll<HTMLElement>('[role=alert], [aria-live=assertive]')).some(
    (el) => !alertsBefore.has(el) && isUsable(el) && (el.textContent ?? '').trim() !== '' && !el.closest('[data-objector-control]'),
  );
  if (newAlert || pageSays(doc, rule.errorPhrases)) return 'failed';
  if (detection.state === 'form') return 'form-still-there';
  return pageSays(doc, rule.confirmationPhrases) ? 'confirmed' : 'form-gone';
}

/** The alerts already on the page, so that only new ones count as Meta's answer. */
export function currentAlerts(doc: Document): Set<Element> {
  return new Set(doc.querySelectorAll('[role=alert], [aria-live=assertive]'));
}
