import type { FieldRole, FormRule } from './rules/schema';
import { detectObjectionForm, type Detection, type FoundForm } from './detect';
import { normalizeText, pageLanguage } from './match';

/** What the background composed for this form: see `composeObjection`. */
export interface FillPlan {
  text: string;
  email: string;
  country: string;
  /** Reasons left out so the text fits the field's maxlength. */
  droppedReasons: number;
  ownWordsDropped: boolean;
}

export interface PlanRequest {
  lang: string | undefined;
  maxLength: number | undefined;
}

export type FillProblem = 'fieldsMissing' | 'notAccepted' | 'planUnavailable';

export interface FillReport {
  ok: boolean;
  /** Fields Objector wrote. */
  filled: FieldRole[];
  /** Fields Meta had filled that Objector left as they were (the user should check them). */
  kept: FieldRole[];
  /** Fields the user still has to fill. */
  needs: FieldRole[];
  problem?: FillProblem;
  /** With `fieldsMissing` / `notAccepted`: the fields concerned. */
  fieldsConcerned?: FieldRole[];
  droppedReasons: number;
  ownWordsDropped: boolean;
  countryNotListed?: boolean;
}

export interface FillOptions {
  /** How long to wait for the fields after answering the pre-question. */
  timeoutMs?: number;
}

/**
 * Fills a detected objection form. Answers the pre-question when the flow starts with one, writes every
 * field the way a user's typing would reach the page's app state, and never presses Send.
 * Writes nothing unless every field it has to write was found.
 */
export async function fillObjection(
  doc: Document,
  detection: Detection,
  getPlan: (request: PlanRequest) => Promise<FillPlan>,
  options: FillOptions = {},
): Promise<FillReport> {
  let found: Detection = detection;
  if (found.state === 'pre-question') {
    found.yes.click();
    found = await waitForForm(doc, found.rule, options.timeoutMs ?? 5000);
  }
  if (found.state !== 'form') {
    const missing = found.state === 'none' ? found.missing : [];
    return emptyReport({ ok: false, problem: 'fieldsMissing', fieldsConcerned: missing });
  }
  const form = found;
  const reasonField = form.fields.reason as HTMLTextAreaElement | undefined;
  const maxLength = reasonField && reasonField.maxLength > 0 ? reasonField.maxLength : undefined;

  let plan: FillPlan;
  try {
    plan = await getPlan({ lang: pageLanguage(doc), maxLength });
  } catch {
    return emptyReport({ ok: false, problem: 'planUnavailable' });
  }

  const report = emptyReport({ ok: true, droppedReasons: plan.droppedReasons, ownWordsDropped: plan.ownWordsDropped });
  const writes: Array<[HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, string, FieldRole]> = [];

  for (const fieldRule of form.rule.fields) {
    const el = form.fields[fieldRule.role];
    if (!el) continue;
    const current = currentValue(el);
    switch (fieldRule.fill) {
      case 'reason':
        writes.push([el as HTMLTextAreaElement, plan.text, 'reason']);
        break;
      case 'email': {
        const saved = plan.email.trim();
        if (saved && saved !== current.trim()) writes.push([el as HTMLInputElement, saved, 'email']);
        else if (saved) report.filled.push('email');
        else if (current.trim()) report.kept.push('email');
        else report.needs.push('email');
        break;
      }
      case 'country': {
        const option = plan.country && el instanceof HTMLSelectElement ? findCountryOption(el, plan.country, pageLanguage(doc)) : undefined;
        if (option !== undefined) {
          if (option !== current) writes.push([el as HTMLSelectElement, option, 'country']);
          else report.filled.push('country');
        } else if (plan.country && !(el instanceof HTMLSelectElement)) {
          report.needs.push('country');
        } else if (plan.country) {
          report.needs.push('country');
          report.countryNotListed = true;
        } else if (current) {
          report.kept.push('country');
        } else {
          report.needs.push('country');
        }
        break;
      }
      case null:
        if (!current) report.needs.push(fieldRule.role);
        break;
    }
  }

  for (const [el, value] of writes) writeValue(el, value);
  await nextFrames(doc, 2);
  const rejected = writes.filter(([el, value]) => currentValue(el) !== value).map(([, , role]) => role);
  if (rejected.length > 0) {
    return { ...report, ok: false, problem: 'notAccepted', fieldsConcerned: rejected };
  }
  report.filled.push(...writes.map(([, , role]) => role));
  return report;
}

/**
 * Writes a value so that frameworks see it as typed: through the prototype's native setter (React's value
 * tracker on the element itself would otherwise swallow the change) and with bubbling input/change events.
 */
export function writeValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  el.focus();
  let proto: object | null = Object.getPrototypeOf(el);
  let setter: ((v: string) => void) | undefined;
  while (proto && !setter) {
    setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    proto = Object.getPrototypeOf(proto);
  }
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  el.blur();
}

/** The option value for an ISO country code: by value, or by the country's name in the page's language or English. */
export function findCountryOption(select: HTMLSelectElement, code: string, lang: string | undefined): string | undefined {
  const wanted = code.toUpperCase();
  const names = new Set<string>([wanted.toLowerCase()]);
  for (const locale of [lang, 'en'].filter((l): l is string => !!l)) {
    try {
      const name = new Intl.DisplayNames([locale], { type: 'region' }).of(wanted);
      if (name) names.add(normalizeText(name));
    } catch {
      // An unknown locale tag: the other names still match.
    }
  }
  for (const option of Array.from(select.options)) {
    if (option.value.toUpperCase() === wanted) return option.value;
    if (names.has(normalizeText(option.textContent ?? ''))) return option.value;
  }
  return undefined;
}

function currentValue(el: HTMLElement): string {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement
    ? el.type === 'file'
      ? (el as HTMLInputElement).files?.length ? 'file' : ''
      : el.value
    : (el.textContent ?? '');
}

function emptyReport(over: Partial<FillReport>): FillReport {
  return { ok: false, filled: [], kept: [], needs: [], droppedReasons: 0, ownWordsDropped: false, ...over };
}

/** Waits until the rule's form is there (after the pre-question), or gives up after `timeoutMs`. */
export function waitForForm(doc: Document, rule: FormRule, timeoutMs: number): Promise<Detection> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const detection = detectObjectionForm(doc, rule);
      if (detection.state !== 'form') return false;
      observer.disconnect();
      clearTimeout(timer);
      resolve(detection);
      return true;
    };
    const observer = new MutationObserver(() => void check());
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(detectObjectionForm(doc, rule));
    }, timeoutMs);
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true });
    check();
  });
}

function nextFrames(doc: Document, count: number): Promise<void> {
  const win = doc.defaultView;
  return new Promise((resolve) => {
    const step = (left: number) => {
      if (left === 0) return resolve();
      // rAF does not run in background tabs; a timeout keeps the check bounded there.
      let done = false;
      const next = () => {
        if (done) return;
        done = true;
        step(left - 1);
      };
      win?.requestAnimationFrame?.(next);
      setTimeout(next, 50);
    };
    step(count);
  });
}

export type { FoundForm };
