import type { FieldControl, FieldRole, FieldRule, FormRule } from './rules/schema';
import { normalizeText } from './match';

/*
 * The form finder: reads the page, decides nothing and writes nothing. A form is recognised by its URL
 * (match.ts) plus the free-text field its rule names (`recognises`): a textarea or a rich-text editor.
 * Every other field is looked for inside that form only, with increasing effort across all fields at once
 * (so a broad step for one field cannot take another field's element): 1. structure (the rule's selectors:
 * types, autocomplete, inputmode, roles, name/id), 2. the accessible name in any of the rule's languages
 * (label for, wrapping label, aria-labelledby, aria-label, placeholder, the text just before), 3. the shape of
 * its value. Only visible, enabled fields count; a site search box, a hidden composer or a comment box
 * outside the form never does.
 */

/** The located form on a page that matched a rule by URL. */
export interface FoundForm {
  state: 'form';
  rule: FormRule;
  /** The located fields by role (only those present). */
  fields: Partial<Record<FieldRole, HTMLElement>>;
  /** The rule's fields that were not found (the user is told which). */
  missing: FieldRole[];
  /** The form: the `<form>`, else the smallest container of the free text and the Send control. */
  root: HTMLElement;
}

export interface FoundPreQuestion {
  state: 'pre-question';
  rule: FormRule;
  yes: HTMLElement;
}

export type Detection = FoundForm | FoundPreQuestion | { state: 'none'; rule: FormRule; missing: FieldRole[] };

const CLICKABLE = 'button, [role=button], [role=radio], [role=option], input[type=radio], label';
const BUTTONS = 'button, [role=button], input[type=button], input[type=submit]';

/** The elements that can be each kind of field (engine knowledge of HTML, not of Meta). */
const CONTROLS: Record<FieldControl, string> = {
  line: 'input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=url]',
  freeText: 'textarea, [contenteditable=""], [contenteditable=true], [contenteditable=plaintext-only], [role=textbox]:not(input)',
  choice: 'select, [role=combobox], input[list]',
  file: 'input[type=file]',
};

/** Page parts that are never the objection form: site search, navigation, feeds, posts and comments. */
const NOT_THE_FORM = '[role=search], [role=searchbox], input[type=search], [role=banner], [role=navigation], nav, [role=feed], [role=article], [role=complementary], aside, [data-objector-control]';

/**
 * Finds the rule's form in the document: recognised when its free-text field is there. Until then, a
 * visible "yes" of the pre-question counts (Autofill answers it first).
 */
export function detectObjectionForm(doc: Document, rule: FormRule): Detection {
  const key = rule.fields.find((f) => f.recognises);
  const keyElement = key ? findFreeText(doc, key) : undefined;
  if (!key || !keyElement) {
    // What is missing is what makes the form: its free text.
    const missing = rule.fields.filter((f) => f.recognises).map((f) => f.role);
    if (rule.preQuestionYes) {
      const yes = findByWords(doc, CLICKABLE, rule.preQuestionYes);
      if (yes) return { state: 'pre-question', rule, yes };
    }
    return { state: 'none', rule, missing };
  }
  const root = formRoot(keyElement, rule);
  const fields: Partial<Record<FieldRole, HTMLElement>> = { [key.role]: keyElement };
  const taken = new Set<HTMLElement>([keyElement]);
  const rest = rule.fields.filter((f) => f !== key);
  const steps: Array<(field: FieldRule, candidates: HTMLElement[]) => HTMLElement | undefined> = [
    byStructure,
    byName,
    byValueShape,
  ];
  for (const step of steps) {
    for (const field of rest) {
      if (fields[field.role]) continue;
      const found = step(field, candidatesIn(root, field.control).filter((el) => !taken.has(el)));
      if (found) {
        fields[field.role] = found;
        taken.add(found);
      }
    }
  }
  const missing = rule.fields.filter((f) => !fields[f.role]).map((f) => f.role);
  return { state: 'form', rule, fields, missing, root };
}

/** The recognising free-text field: by the rule's structure, preferring one named by its labels. */
function findFreeText(doc: Document, field: FieldRule): HTMLElement | undefined {
  const candidates = candidatesIn(doc, 'freeText');
  if (candidates.length === 0) return undefined;
  return byName(field, candidates) ?? byStructure(field, candidates) ?? candidates[0];
}

/** Usable elements of a kind inside `scope`, outside the parts of a page that are never the form. */
function candidatesIn(scope: ParentNode, control: FieldControl): HTMLElement[] {
  const all = Array.from(scope.querySelectorAll<HTMLElement>(CONTROLS[control]));
  return all.filter((el) => {
    if (!isUsable(el) || el.closest(NOT_THE_FORM)) return false;
    // A rich-text editor is one field: its nested editable parts are not fields of their own.
    if (control === 'freeText' && el.parentElement?.closest('[contenteditable=""], [contenteditable=true], [contenteditable=plaintext-only], [role=textbox]')) return false;
    return true;
  });
}

function byStructure(field: FieldRule, candidates: HTMLElement[]): HTMLElement | undefined {
  for (const selector of field.selectors) {
    const found = candidates.find((el) => el.matches(selector));
    if (found) return found;
  }
  return undefined;
}

function byName(field: FieldRule, candidates: HTMLElement[]): HTMLElement | undefined {
  if (!field.labels?.length) return undefined;
  const words = field.labels.map(normalizeText);
  return candidates.find((el) => namesOf(el).some((name) => words.some((w) => name.includes(w))));
}

const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function byValueShape(field: FieldRule, candidates: HTMLElement[]): HTMLElement | undefined {
  if (field.valueShape !== 'email') return undefined;
  return candidates.find((el) => el instanceof HTMLInputElement && EMAIL_SHAPE.test(el.value.trim()));
}

/**
 * What a user (or a screen reader) would read as the field's name, normalised: aria-labelledby, aria-label,
 * the labels (for= and wrapping); failing those the placeholder or title; failing those the text just before.
 */
export function namesOf(el: HTMLElement): string[] {
  const doc = el.ownerDocument;
  const names: string[] = [];
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    names.push(labelledBy.split(/\s+/).map((id) => textOf(doc.getElementById(id))).join(' '));
  }
  names.push(el.getAttribute('aria-label') ?? '');
  const labels = new Set<HTMLElement>();
  if ('labels' in el && (el as HTMLInputElement).labels) {
    for (const label of Array.from((el as HTMLInputElement).labels ?? [])) labels.add(label);
  }
  const wrapping = el.closest('label');
  if (wrapping) labels.add(wrapping);
  if (el.id) {
    for (const label of Array.from(doc.querySelectorAll<HTMLLabelElement>('label[for]'))) {
      if (label.htmlFor === el.id) labels.add(label);
    }
  }
  for (const label of labels) names.push(textOf(label));
  // As in the accessible name computation, weaker sources count only when nothing names the field.
  const fallbacks = [
    () => [el.getAttribute('placeholder') ?? el.getAttribute('aria-placeholder') ?? '', el.getAttribute('title') ?? ''],
    () => [textJustBefore(el)],
  ];
  let result = names.map(normalizeText).filter((n) => n !== '');
  for (const fallback of fallbacks) {
    if (result.length > 0) break;
    result = fallback().map(normalizeText).filter((n) => n !== '');
  }
  return result;
}

/** Text of an element without the text of the controls inside it (a select's options are not its label). */
function textOf(el: Element | null): string {
  if (!el) return '';
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('select, textarea, option, script, style, [contenteditable]')) continue;
    text += ' ' + (node.textContent ?? '');
  }
  return text;
}

/** The nearest text before the field (a heading or span placed above it), at most three levels up. */
function textJustBefore(el: HTMLElement): string {
  let node: Element | null = el;
  for (let level = 0; node && level < 3; level++, node = node.parentElement) {
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (prev.matches(CONTROLS.line + ', ' + CONTROLS.choice + ', ' + CONTROLS.freeText)) return '';
      const text = textOf(prev).trim();
      if (text) return text.slice(-120);
      if (prev.querySelector('input, select, textarea, [contenteditable], [role=combobox], [role=textbox]')) return '';
    }
  }
  return '';
}

/** The form around its free text: the `<form>`, else the smallest container that also holds a Send control. */
function formRoot(key: HTMLElement, rule: FormRule): HTMLElement {
  const form = key.closest('form');
  if (form) return form;
  const stop = key.closest('[role=main], main, [role=dialog]') ?? key.ownerDocument.body;
  for (let el = key.parentElement; el && el !== stop.parentElement; el = el.parentElement) {
    if (findByWords(el, BUTTONS, rule.submitWords) || el.querySelector('button[type=submit], input[type=submit]')) return el;
  }
  return stop as HTMLElement;
}

/** The Send button of a found form: a submit button in any language, else a button with a known word. */
export function findSubmitButton(form: FoundForm): HTMLElement | undefined {
  const scope = form.root;
  const typed = scope.querySelector<HTMLElement>('button[type=submit], input[type=submit], form button:not([type])');
  if (typed && isUsable(typed)) return typed;
  return findByWords(scope, BUTTONS, form.rule.submitWords)
    ?? findByWords(scope.ownerDocument, BUTTONS, form.rule.submitWords);
}

/** True when a visible text of the document contains one of the phrases. */
export function pageSays(doc: Document, phrases: readonly string[]): boolean {
  const text = normalizeText(doc.body?.innerText ?? doc.body?.textContent ?? '');
  return phrases.some((p) => text.includes(normalizeText(p)));
}

/** The first usable element whose whole text is one of the words. */
function findByWords(scope: ParentNode, selector: string, words: readonly string[]): HTMLElement | undefined {
  const wanted = new Set(words.map(normalizeText));
  for (const el of Array.from(scope.querySelectorAll<HTMLElement>(selector))) {
    if (!isUsable(el) || el.closest('[data-objector-control]')) continue;
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
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
  return true;
}

/** The text a field holds: a value, or what a rich-text editor shows. */
export function fieldText(el: HTMLElement): string {
  if (el instanceof HTMLInputElement) return el.type === 'file' ? (el.files?.length ? 'file' : '') : el.value;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return el.value;
  return (el.innerText ?? el.textContent ?? '').replace(/\n$/, '');
}
