import type { FieldRole, FieldRule, FormRule } from './rules/schema';
import { normalizeText } from './match';

/** The located form on a page that matched a rule by URL. */
export interface FoundForm {
  state: 'form';
  rule: FormRule;
  /** The located fields by role (only those present). */
  fields: Partial<Record<FieldRole, HTMLElement>>;
  /** Required roles that are missing: empty for a recognised form. */
  missing: FieldRole[];
  /** The closest element that holds all located fields (the `<form>` when there is one). */
  root: HTMLElement;
}

export interface FoundPreQuestion {
  state: 'pre-question';
  rule: FormRule;
  yes: HTMLElement;
}

export type Detection = FoundForm | FoundPreQuestion | { state: 'none'; rule: FormRule; missing: FieldRole[] };

const CLICKABLE = 'button, [role=button], [role=radio], [role=option], input[type=radio], label';

/**
 * Finds the rule's form in the document. A form counts as recognised only when every required field is
 * there; until then, a visible "yes" of the pre-question counts too (Autofill answers it first).
 */
export function detectObjectionForm(doc: Document, rule: FormRule): Detection {
  const fields: Partial<Record<FieldRole, HTMLElement>> = {};
  const taken = new Set<HTMLElement>();
  for (const fieldRule of rule.fields) {
    const el = locateField(doc, fieldRule, taken);
    if (el) {
      fields[fieldRule.role] = el;
      taken.add(el);
    }
  }
  const missing = rule.fields.filter((f) => f.required && !fields[f.role]).map((f) => f.role);
  if (missing.length === 0) {
    return { state: 'form', rule, fields, missing, root: formRoot(Object.values(fields)) };
  }
  if (rule.preQuestionYes && Object.keys(fields).length === 0) {
    const yes = findByWords(doc, CLICKABLE, rule.preQuestionYes);
    if (yes) return { state: 'pre-question', rule, yes };
  }
  return { state: 'none', rule, missing };
}

/** The first usable element that a field rule describes and no earlier field took. */
export function locateField(doc: Document, fieldRule: FieldRule, taken: ReadonlySet<HTMLElement>): HTMLElement | undefined {
  for (const selector of fieldRule.selectors) {
    const candidates = Array.from(doc.querySelectorAll<HTMLElement>(selector)).filter(
      (el) => !taken.has(el) && isUsable(el),
    );
    if (candidates[0]) return candidates[0];
  }
  return undefined;
}

/** The Send button of a found form: a submit button in any language, else a button with a known word. */
export function findSubmitButton(form: FoundForm): HTMLElement | undefined {
  const scope = form.root;
  const typed = scope.querySelector<HTMLElement>('button[type=submit], input[type=submit], form button:not([type])');
  if (typed && isUsable(typed)) return typed;
  return findByWords(scope, 'button, [role=button], input[type=button]', form.rule.submitWords)
    ?? findByWords(scope.ownerDocument, 'button, [role=button], input[type=button]', form.rule.submitWords);
}

/** True when a visible text of the document contains one of the phrases. */
export function pageSays(doc: Document, phrases: readonly string[]): boolean {
  const text = normalizeText(doc.body?.innerText ?? doc.body?.textContent ?? '');
  return phrases.some((p) => text.includes(normalizeText(p)));
}

/** An error shown by Meta: an alert, or a known error phrase on the page. */
export function pageShowsError(doc: Document, rule: FormRule): boolean {
  const alerts = Array.from(doc.querySelectorAll<HTMLElement>('[role=alert], [aria-live=assertive]')).filter(
    (el) => isUsable(el) && (el.textContent ?? '').trim().length > 0,
  );
  return alerts.length > 0 || pageSays(doc, rule.errorPhrases);
}

/** The first usable element whose whole text is one of the words. */
function findByWords(scope: ParentNode, selector: string, words: readonly string[]): HTMLElement | undefined {
  const wanted = new Set(words.map(normalizeText));
  for (const el of Array.from(scope.querySelectorAll<HTMLElement>(selector))) {
    if (!isUsable(el)) continue;
    const text = normalizeText(el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? el.value) : (el.textContent ?? ''));
    if (wanted.has(text)) return el;
  }
  return undefined;
}

/** Visible, enabled and not a hidden input. Works without layout (unit tests) and with it (browsers). */
export function isUsable(el: HTMLElement): boolean {
  if (!el.isConnected) return false;
  if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
  if ((el as HTMLInputElement).disabled) return false;
  if (el.closest('[hidden], [aria-hidden=true], [inert]')) return false;
  if (typeof el.checkVisibility === 'function') return el.checkVisibility();
  return true;
}

function formRoot(elements: HTMLElement[]): HTMLElement {
  const form = elements[0]?.closest('form');
  if (form && elements.every((el) => form.contains(el))) return form;
  let root: HTMLElement | null = elements[0]?.parentElement ?? null;
  while (root && !elements.every((el) => root!.contains(el))) root = root.parentElement;
  return root ?? elements[0]!.ownerDocument.body;
}
