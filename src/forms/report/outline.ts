import createDOMPurify, { type Config } from 'dompurify';
import { normalizeText } from '../match';
import { confirmationPhrases, errorPhrases } from '../rules/words';
import { generaliseValue, keywordValue, scrubText } from './scrub';

/*
 * The structure of a page's main region as a short indented outline, for a maintainer who updates the form
 * rules. The region is copied and cleaned by DOMPurify with an explicit allow-list (the live page is never
 * touched); hooks then decide, for every text node and attribute value, what may stay:
 * - text only inside interface captions (label, legend, button, role=button, native option, summary,
 *   role=alert, and the elements a field names with aria-labelledby/-describedby);
 * - of a heading (h1–h6, role=heading) only how many words it has and the phrases of Meta's it contains that
 *   Objector's rules know: headings are prose the page writes, and pages greet the user by name in them ("Hi
 *   Jana Nováková, …") or title a page with the account's name, in any language and any markup;
 * - never inside what holds people's content: links (profile names), articles and feeds (posts), navigation,
 *   banners, menus and listboxes (account switchers, contact typeaheads), text fields and editors (typed text);
 * - attribute names of the allow-list with their structural values generalised (`Field123…` → `Field#`), free
 *   text (aria-label, placeholder) only on inputs, selects and buttons outside those containers (not on text
 *   fields and editors: composers greet the user by name), never a field's value.
 * Every string is scrubbed again on output (e-mail-like tokens, links, digit runs of five or more).
 */

const ALLOWED_TAGS = [
  'form', 'fieldset', 'legend', 'label', 'input', 'textarea', 'select', 'option', 'optgroup', 'button',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'main', 'section', 'article', 'aside', 'nav', 'header', 'footer',
  'dialog', 'details', 'summary', 'div', 'span', 'p', 'ul', 'ol', 'li', 'a', 'table', 'tbody', 'tr', 'td', 'th',
];
const ALLOWED_ATTR = [
  'type', 'role', 'name', 'id', 'for', 'autocomplete', 'inputmode', 'contenteditable', 'data-testid',
  'placeholder', 'required', 'disabled', 'readonly', 'multiple', 'hidden', 'maxlength', 'minlength', 'method',
];

/** Attributes whose value is free text a person could read: kept only where interface text is expected. */
const TEXT_ATTRS = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'placeholder']);
/** Attributes whose value is the field's current value: the name stays, the value never. */
const VALUE_ATTRS = new Set(['aria-valuetext', 'aria-valuenow']);
/** Attributes whose value is a name or an id (or a list of ids): generalised to its shape. */
const NAME_ATTRS = new Set([
  'id', 'name', 'for', 'data-testid', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns',
  'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto',
]);
const WITHHELD = '…';

/* Tags and roles are compared as sets, not CSS selectors: each is checked on every element of the region. */

/** Where interface text lives. */
const CAPTION_TAGS = new Set(['label', 'legend', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'button', 'option', 'summary']);
const CAPTION_ROLES = new Set(['button', 'alert', 'heading']);
/** Captions whose words are never shown (see headingText). */
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const HEADING_ROLES = new Set(['heading']);
/** Elements whose own free-text attributes (aria-label, placeholder) are interface text. */
const LABELLED_TAGS = new Set(['input', 'select', 'button', 'form', 'fieldset', 'label', 'dialog', 'main']);
const LABELLED_ROLES = new Set([
  'button', 'searchbox', 'combobox', 'checkbox', 'radio', 'switch', 'radiogroup', 'group', 'form', 'search',
  'main', 'region', 'dialog', 'alert',
]);
/** Elements that hold people's content or names: neither their text nor their descendants' is ever kept. */
const PERSONAL_TAGS = new Set(['a', 'article', 'nav', 'aside', 'img']);
const PERSONAL_ROLES = new Set([
  'link', 'article', 'feed', 'navigation', 'banner', 'menu', 'menuitem', 'listbox', 'option', 'complementary',
  'img', 'log',
]);
/** Shown as one line: their content is people's posts. */
const COLLAPSED_TAGS = new Set(['article']);
const COLLAPSED_ROLES = new Set(['article', 'feed']);
/** Elements printed only when they carry something (an attribute, text). */
const WRAPPERS = new Set(['div', 'span', 'p', 'section', 'ul', 'ol', 'li', 'table', 'tbody', 'tr', 'td', 'th']);
const CONTROLS = new Set(['input', 'textarea', 'select', 'button']);

const MAX_LINES = 400;
const MAX_LINE_LENGTH = 240;
const MAX_OPTIONS = 12;

export type RegionKind = 'form' | 'main' | 'body';

export interface Outline {
  region: RegionKind;
  lines: string[];
  truncated: boolean;
  /** When the region is a form: the landmarks around it, outermost first. */
  within: string[];
  /** When the region is a form: the page's headings outside it (the form's title is usually one). */
  headings: string[];
}

/** The element's ARIA role (the first token, as browsers read it), lower case. */
function roleOf(el: Element): string {
  return el.getAttribute('role')?.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
}

const isA = (el: Element, tags: Set<string>, roles: Set<string>) => tags.has(el.localName) || roles.has(roleOf(el));

/** Fields and editors: their content is what the user typed or the page prefilled. */
function isTyped(el: Element): boolean {
  if (el.localName === 'textarea' || roleOf(el) === 'textbox') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

function isPersonal(el: Element): boolean {
  return isA(el, PERSONAL_TAGS, PERSONAL_ROLES) || isTyped(el);
}

/** Whether a live element sits in people's content (a comment form in a post, a search in the banner). */
function insidePersonal(el: Element): boolean {
  for (let up = el.parentElement; up; up = up.parentElement) if (isPersonal(up)) return true;
  return false;
}

/** How much a form looks like the one the user came for: its free-text field counts most. */
function formScore(form: Element): number {
  if (form.matches('[role=search]') || form.closest('nav, header') || insidePersonal(form)) return 0;
  const fields = form.querySelectorAll('input:not([type=hidden]):not([type=search]), select, [role=combobox]').length;
  const freeText = [...form.querySelectorAll('textarea, [role=textbox], [contenteditable]')].filter(isTyped).length;
  return fields + 5 * freeText;
}

/** The form the page is about, else its main landmark, else the body. */
export function mainRegion(doc: Document): { element: Element; kind: RegionKind } {
  let best: Element | null = null;
  let bestScore = 1;
  for (const form of doc.querySelectorAll('form')) {
    const score = formScore(form);
    if (score > bestScore) [best, bestScore] = [form, score];
  }
  if (best) return { element: best, kind: 'form' };
  const main = doc.querySelector('[role=main]') ?? doc.querySelector('main');
  if (main) return { element: main, kind: 'main' };
  return { element: doc.body ?? doc.documentElement, kind: 'body' };
}

/** Ids of the elements that name or describe a field (its accessible name when there is no `<label>`). */
function namingIds(region: Element): Set<string> {
  const ids = new Set<string>();
  for (const el of region.querySelectorAll('[aria-labelledby], [aria-describedby]')) {
    if (isPersonal(el) && !isTyped(el)) continue;
    for (const attr of ['aria-labelledby', 'aria-describedby']) {
      for (const id of el.getAttribute(attr)?.split(/\s+/) ?? []) if (id) ids.add(id);
    }
  }
  return ids;
}

interface Marks {
  /** Elements whose text is interface text. */
  captions: WeakSet<Node>;
  /** Nodes inside a caption. */
  inCaption: WeakSet<Node>;
  /** Nodes inside (or being) a heading: never captions of their own. */
  inHeading: WeakSet<Node>;
  /** Nodes inside (or being) a container of people's content. */
  personal: WeakSet<Node>;
  /** Nodes DOMPurify went through with these hooks: the outline reads nothing else (fails closed). */
  cleaned: WeakSet<Node>;
}

function markSubtree(el: Element, set: WeakSet<Node>): void {
  set.add(el);
  const walker = el.ownerDocument.createTreeWalker(el, 0x1 | 0x4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) set.add(node);
}

interface Cleaner {
  /** A cleaned copy of `region` in an inert document: a body holding it, or the body itself for the body. */
  clean(region: Element): Element;
  marks: Marks;
}

function createCleaner(doc: Document, naming: Set<string>): Cleaner {
  const view = doc.defaultView ?? window;
  // A fresh instance per report: the hooks below close over this report's marks and leave no global state.
  const purify = createDOMPurify(view);
  const marks: Marks = {
    captions: new WeakSet(),
    inCaption: new WeakSet(),
    inHeading: new WeakSet(),
    personal: new WeakSet(),
    cleaned: new WeakSet(),
  };

  purify.addHook('uponSanitizeElement', (node) => {
    if (node.nodeType === 3) {
      // Text survives only inside a caption and outside people's content.
      if (!marks.inCaption.has(node) || marks.personal.has(node)) (node as Text).data = '';
      marks.cleaned.add(node);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    // Marked before DOMPurify unwraps anything, so a removed wrapper cannot carry text out of its context.
    if (!marks.personal.has(el) && isPersonal(el)) markSubtree(el, marks.personal);
    if (!marks.personal.has(el) && !marks.inHeading.has(el) && (isA(el, CAPTION_TAGS, CAPTION_ROLES) || (el.id && naming.has(el.id)))) {
      marks.captions.add(el);
      markSubtree(el, marks.inCaption);
      // All of a heading is the heading's text: a button or a label inside it is not shown on its own.
      if (isA(el, HEADING_TAGS, HEADING_ROLES)) markSubtree(el, marks.inHeading);
    }
  });

  purify.addHook('uponSanitizeAttribute', (el, event) => {
    const name = event.attrName;
    const value = event.attrValue;
    if (name === 'value') {
      // The caption of `<input type=submit value=Send>`; every other value is the user's or the page's data.
      const type = el.getAttribute('type')?.toLowerCase();
      if (el.localName === 'input' && (type === 'submit' || type === 'button' || type === 'reset') && !marks.personal.has(el)) {
        event.attrValue = scrubText(value, 60);
        event.forceKeepAttr = true;
      } else event.keepAttr = false;
      return;
    }
    if (TEXT_ATTRS.has(name)) {
      // Not on text fields either: composers greet the user by name ("What's on your mind, Jane?").
      const insidePersonal = el.parentElement !== null && marks.personal.has(el.parentElement);
      const textAllowed = !isPersonal(el) && !insidePersonal && isA(el, LABELLED_TAGS, LABELLED_ROLES);
      event.attrValue = textAllowed ? scrubText(value, 80) : WITHHELD;
    } else if (VALUE_ATTRS.has(name)) event.attrValue = WITHHELD;
    else if (NAME_ATTRS.has(name)) event.attrValue = generaliseValue(value);
    else event.attrValue = keywordValue(value);
  });

  purify.addHook('afterSanitizeAttributes', (node) => {
    marks.cleaned.add(node);
  });

  const config: Config & { RETURN_DOM: true } = {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: true,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    KEEP_CONTENT: true,
    // The copy is never inserted into a page, so DOM clobbering is moot; a field named `action` must stay.
    SANITIZE_DOM: false,
    RETURN_DOM: true,
  };
  return { clean: (region) => purify.sanitize(region, config), marks };
}

const ATTR_ORDER = ['type', 'role', 'name', 'id', 'for', 'autocomplete', 'inputmode', 'contenteditable', 'data-testid'];

function attrRank(name: string): number {
  const i = ATTR_ORDER.indexOf(name);
  return i === -1 ? ATTR_ORDER.length + (name.startsWith('aria-') ? 1 : 0) : i;
}

function formatAttr(name: string, value: string): string {
  if (value === '' && !NAME_ATTRS.has(name)) return name;
  return /^[^\s"'=]+$/.test(value) ? `${name}=${value}` : `${name}=${JSON.stringify(value)}`;
}

function describe(el: Element): string {
  const attrs = [...el.attributes]
    .sort((a, b) => attrRank(a.name) - attrRank(b.name) || a.name.localeCompare(b.name))
    .map((a) => formatAttr(a.name, a.value));
  return [el.localName, ...attrs].join(' ');
}

/** A caption's own text: its text nodes and its wrappers', not those of fields or captions inside it. */
function captionText(el: Element, marks: Marks): string {
  let text = '';
  for (const child of el.childNodes) {
    if (!marks.cleaned.has(child)) continue;
    if (child.nodeType === 3) text += ` ${(child as Text).data}`;
    else if (child.nodeType === 1) {
      const childEl = child as Element;
      if (CONTROLS.has(childEl.localName) || marks.captions.has(childEl)) continue;
      text += ` ${captionText(childEl, marks)}`;
    }
  }
  return text;
}

/** Meta's wording that Objector's rules know (src/forms/rules/words.ts): Objector's own words, not the page's. */
const KNOWN_PHRASES = [...new Set([...confirmationPhrases, ...errorPhrases])];

/**
 * What a report shows of a heading's text: how many words it has, and which of the known phrases are in it
 * (written as the rules write them). Not one of its own words: a name cannot be told from the other words of
 * a greeting in 26 languages, so none is kept. The page's URL, host and language tell the form apart.
 */
function headingText(text: string): string {
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words === 0) return '';
  const normal = normalizeText(text);
  const known = KNOWN_PHRASES.filter((phrase) => normal.includes(phrase)).map((phrase) => JSON.stringify(phrase));
  return `(text left out: ${words} word${words === 1 ? '' : 's'}${known.length ? `; Meta's known wording in it: ${known.join(', ')}` : ''})`;
}

/** The element's own caption as the report shows it: quoted text, a heading's summary, or nothing. */
function shownText(el: Element, marks: Marks): string {
  if (!marks.captions.has(el)) return '';
  if (isA(el, HEADING_TAGS, HEADING_ROLES)) return headingText(captionText(el, marks));
  const text = scrubText(captionText(el, marks));
  return text ? JSON.stringify(text) : '';
}

function outlineOf(el: Element, depth: number, marks: Marks): string[] {
  if (!marks.cleaned.has(el)) return [];
  const indent = '  '.repeat(depth);
  if (isA(el, COLLAPSED_TAGS, COLLAPSED_ROLES)) return [`${indent}${describe(el)} (content left out)`];
  const text = shownText(el, marks);
  const shown = !WRAPPERS.has(el.localName) || el.attributes.length > 0 || text !== '';
  const lines = shown ? [`${indent}${describe(el)}${text ? ` ${text}` : ''}`] : [];
  const childDepth = shown ? depth + 1 : depth;

  let previous: string[] | null = null;
  let repeats = 0;
  let options = 0;
  const flush = () => {
    if (!previous) return;
    const [first = '', ...rest] = previous;
    lines.push(repeats > 1 ? `${first} ×${repeats}` : first, ...rest);
  };
  for (const child of el.children) {
    if (child.localName === 'option' && ++options > MAX_OPTIONS) continue;
    const childLines = outlineOf(child, childDepth, marks);
    if (childLines.length === 0) continue;
    // Repeated siblings (feed items, list rows) are shown once with a count.
    if (previous && previous.join('\n') === childLines.join('\n')) {
      repeats += 1;
      continue;
    }
    flush();
    previous = childLines;
    repeats = 1;
  }
  flush();
  if (options > MAX_OPTIONS) lines.push(`${'  '.repeat(childDepth)}… ${options - MAX_OPTIONS} more options`);
  return lines;
}

function capLines(lines: string[]): string[] {
  return lines.map((line) => (line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH - 1)}…` : line));
}

/** The landmarks around a form (`div role=main`, `div role=dialog`…): tags and roles only. */
function landmarksAround(form: Element): string[] {
  const within: string[] = [];
  for (let up = form.parentElement; up && up.localName !== 'body'; up = up.parentElement) {
    const role = roleOf(up);
    if (role) within.unshift(`${up.localName} role=${keywordValue(role)}`);
    else if (['main', 'dialog', 'section', 'fieldset'].includes(up.localName)) within.unshift(up.localName);
  }
  return within;
}

const MAX_HEADINGS = 6;

/** The outline of the page's main region (see the top of this file for what it may hold). */
export function outlineMainRegion(doc: Document): Outline {
  const { element, kind } = mainRegion(doc);
  const cleaner = createCleaner(doc, namingIds(element));
  const root = cleaner.clean(element);
  const top = root.localName === 'body' && kind !== 'body' ? [...root.children] : [root];
  const all = capLines(top.flatMap((el) => outlineOf(el, 0, cleaner.marks)));
  const truncated = all.length > MAX_LINES;
  const lines = truncated ? [...all.slice(0, MAX_LINES), '… (outline cut here)'] : all;
  if (kind !== 'form') return { region: kind, lines, truncated, within: [], headings: [] };

  // A form's title is usually a heading outside the <form>: where the page's headings are and how long (their
  // words are left out as in the outline).
  const headings = [...doc.querySelectorAll('h1, h2, h3')]
    .filter((h) => !element.contains(h) && !insidePersonal(h))
    .slice(0, MAX_HEADINGS)
    .flatMap((h) =>
      [...cleaner.clean(h).children].flatMap((el) => {
        const text = shownText(el, cleaner.marks);
        return text ? [`${describe(el)} ${text}`] : [];
      }),
    );
  return { region: kind, lines, truncated, within: landmarksAround(element), headings: capLines(headings) };
}

/** How many of each kind of field and landmark the whole page has (cheap, and tells a wrong region apart). */
export function countStructure(doc: Document): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (key: string, n: number) => {
    if (n > 0) counts[key] = (counts[key] ?? 0) + n;
  };
  const count = (selector: string) => doc.querySelectorAll(selector).length;
  add('form', count('form'));
  add('textarea', count('textarea'));
  add('contenteditable', [...doc.querySelectorAll('[contenteditable]')].filter(isTyped).length);
  add('role=textbox', count('[role=textbox]'));
  add('select', count('select'));
  add('role=combobox', count('[role=combobox]'));
  add('role=listbox', count('[role=listbox]'));
  add('button', count('button, [role=button]'));
  add('role=alert', count('[role=alert]'));
  add('main', count('main, [role=main]'));
  add('dialog', count('dialog, [role=dialog]'));
  add('iframe', count('iframe'));
  for (const input of doc.querySelectorAll('input')) {
    add(`input[type=${keywordValue(input.getAttribute('type') ?? 'text')}]`, 1);
  }
  return counts;
}
