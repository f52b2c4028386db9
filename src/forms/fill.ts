import type { FieldRole, FormRule } from './rules/schema';
import { detectObjectionForm, fieldText, isUsable, type Detection, type FoundForm } from './find';
import { normalizeText, pageLanguage } from './match';
import { systemClock, type Cancel, type Clock } from './clock';

/*
 * The filler: decides what to write from what the finder found and what the background composed (without
 * touching the page), then writes each value the way the user's own typing or clicking would reach the
 * page's app state, and reads every value back after the app re-rendered. It never presses Send.
 */

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
  /** Fields Objector wrote (and read back). */
  filled: FieldRole[];
  /** Fields Meta had filled that Objector left as they were (the user should check them). */
  kept: FieldRole[];
  /** Fields the user still has to fill. */
  needs: FieldRole[];
  /** Fields Objector looked for and could not find: the user checks them before Send. */
  notFound: FieldRole[];
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
  /** The engine's clock (the session's), for every wait of the filler. */
  clock?: Clock;
}

/** One decided write: a value for a field, and how to put it there. */
export interface Write {
  role: FieldRole;
  el: HTMLElement;
  value: string;
  /** For a country: the names an option may carry (in the page's language and English). */
  optionNames?: string[];
}

/**
 * Fills a detected objection form. Answers the pre-question when the flow starts with one, fills every
 * field it found (the reason always), names the ones it did not find or the page did not accept, and
 * never presses Send.
 */
export async function fillObjection(
  doc: Document,
  detection: Detection,
  getPlan: (request: PlanRequest) => Promise<FillPlan>,
  options: FillOptions = {},
): Promise<FillReport> {
  const clock = options.clock ?? systemClock;
  let found: Detection = detection;
  if (found.state === 'pre-question') {
    found.yes.click();
    found = await waitForForm(doc, found.rule, options.timeoutMs ?? 5000, clock);
  }
  if (found.state !== 'form') {
    const missing = found.state === 'none' ? found.missing : [];
    return emptyReport({ ok: false, problem: 'fieldsMissing', fieldsConcerned: missing });
  }
  const form = found;
  const free = form.fields.reason;
  const maxLength = free instanceof HTMLTextAreaElement && free.maxLength > 0 ? free.maxLength : undefined;

  let plan: FillPlan;
  try {
    plan = await getPlan({ lang: pageLanguage(doc), maxLength });
  } catch {
    return emptyReport({ ok: false, problem: 'planUnavailable' });
  }

  const { writes, report } = decideFill(form, plan, pageLanguage(doc));
  const rejected: FieldRole[] = [];
  for (const write of writes) {
    const accepted = await applyWrite(doc, write, clock);
    if (accepted) report.filled.push(write.role);
    else rejected.push(write.role);
  }
  if (rejected.length > 0) return { ...report, ok: false, problem: 'notAccepted', fieldsConcerned: rejected };
  return report;
}

/** What to write where, decided from the found fields and the plan alone (no page access but reading). */
export function decideFill(form: FoundForm, plan: FillPlan, lang: string | undefined): { writes: Write[]; report: FillReport } {
  const report = emptyReport({ ok: true, droppedReasons: plan.droppedReasons, ownWordsDropped: plan.ownWordsDropped });
  const writes: Write[] = [];
  for (const fieldRule of form.rule.fields) {
    const el = form.fields[fieldRule.role];
    if (!el) {
      if (fieldRule.fill !== null) report.notFound.push(fieldRule.role);
      continue;
    }
    const current = fieldText(el).trim();
    switch (fieldRule.fill) {
      case 'reason':
        writes.push({ role: 'reason', el, value: plan.text });
        break;
      case 'email': {
        const saved = plan.email.trim();
        if (saved && saved !== current) writes.push({ role: 'email', el, value: saved });
        else if (saved) report.filled.push('email');
        else if (current) report.kept.push('email');
        else report.needs.push('email');
        break;
      }
      case 'country': {
        const wanted = plan.country.trim().toUpperCase();
        if (!wanted) {
          // Meta's preselection stays: the user saved no country.
          if (current && !isPlaceholderChoice(el)) report.kept.push('country');
          else report.needs.push('country');
          break;
        }
        const names = countryNames(wanted, lang);
        if (el instanceof HTMLSelectElement) {
          const option = findCountryOption(el, wanted, lang);
          if (option === undefined) {
            report.needs.push('country');
            report.countryNotListed = true;
          } else if (option !== el.value) {
            writes.push({ role: 'country', el, value: option });
          } else {
            report.filled.push('country');
          }
        } else if (names.includes(normalizeText(current))) {
          report.filled.push('country');
        } else {
          writes.push({ role: 'country', el, value: wanted, optionNames: names });
        }
        break;
      }
      case null:
        if (!current) report.needs.push(fieldRule.role);
        break;
    }
  }
  return { writes, report };
}

/** Writes one value and reads it back after the app had the chance to re-render. */
async function applyWrite(doc: Document, write: Write, clock: Clock): Promise<boolean> {
  const { el, value } = write;
  if (write.optionNames) return chooseOption(doc, el, write.optionNames, clock);
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
    writeValue(el, value);
    await nextFrames(doc, 2, clock);
    return el.isConnected && el.value === value;
  }
  return writeRichText(doc, el, value, clock);
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

/** Text compared the way an editor may render it: paragraphs and line breaks as single spaces. */
const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * Fills a rich-text editor (contenteditable, role=textbox) whose text lives in the app's state, as Lexical
 * and Draft.js keep it: a `textContent` write would be undone on the next render. The text goes in through
 * the browser's own editing path, replacing what the editor holds: first `execCommand('insertText')`, then a
 * paste carrying a DataTransfer, then `beforeinput` with `insertText`. Each attempt is read back from what
 * the editor shows after it re-rendered.
 */
export async function writeRichText(doc: Document, el: HTMLElement, text: string, clock: Clock = systemClock): Promise<boolean> {
  const attempts: Array<() => void> = [
    () => {
      selectContents(doc, el);
      doc.execCommand?.('insertText', false, text);
    },
    () => {
      selectContents(doc, el);
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    () => {
      selectContents(doc, el);
      const init = { inputType: 'insertText', data: text, bubbles: true, cancelable: true, composed: true };
      if (el.dispatchEvent(new InputEvent('beforeinput', init))) {
        // Nobody took the text in: put it there as the browser would, then say so.
        el.textContent = text;
        el.dispatchEvent(new InputEvent('input', init));
      }
    },
  ];
  for (const attempt of attempts) {
    try {
      el.focus();
      attempt();
    } catch {
      // An API this browser (or test DOM) lacks: the next way is tried.
    }
    await nextFrames(doc, 2, clock);
    if (el.isConnected && sameText(fieldText(el), text)) {
      el.blur();
      return true;
    }
  }
  el.blur();
  return false;
}

function selectContents(doc: Document, el: HTMLElement): void {
  const selection = doc.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  range.selectNodeContents(el);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Chooses an option of a combobox the way a user does: opens it, clicks the option whose text is the
 * country's name, and reads back what the combobox shows.
 */
async function chooseOption(doc: Document, el: HTMLElement, names: string[], clock: Clock): Promise<boolean> {
  if (el instanceof HTMLInputElement && el.list) {
    const option = Array.from(el.list.options).find((o) => names.includes(normalizeText(o.value || o.textContent || '')));
    if (!option) return false;
    writeValue(el, option.value);
    await nextFrames(doc, 2, clock);
    return el.value === option.value;
  }
  if (el instanceof HTMLInputElement) writeValue(el, names[names.length - 1] ?? '');
  else el.click();
  await nextFrames(doc, 1, clock);
  const option = optionsOf(doc, el).find((o) => names.includes(normalizeText(o.textContent ?? '')));
  if (!option) {
    // Close what was opened: the page stays as the user left it.
    if (!(el instanceof HTMLInputElement) && el.getAttribute('aria-expanded') === 'true') el.click();
    return false;
  }
  option.scrollIntoView?.({ block: 'nearest' });
  option.click();
  await nextFrames(doc, 2, clock);
  return names.includes(normalizeText(fieldText(el))) || option.getAttribute('aria-selected') === 'true';
}

/** The options of a combobox: its listbox (aria-controls / aria-owns), else the visible listbox on the page. */
function optionsOf(doc: Document, el: HTMLElement): HTMLElement[] {
  const ids = `${el.getAttribute('aria-controls') ?? ''} ${el.getAttribute('aria-owns') ?? ''}`.trim().split(/\s+/).filter(Boolean);
  const lists = ids.map((id) => doc.getElementById(id)).filter((l): l is HTMLElement => !!l);
  if (lists.length === 0) lists.push(...Array.from(doc.querySelectorAll<HTMLElement>('[role=listbox]')).filter(isUsable));
  return lists.flatMap((list) => Array.from(list.querySelectorAll<HTMLElement>('[role=option]')));
}

/** A select still on its empty first option ("Select a country") holds no choice. */
function isPlaceholderChoice(el: HTMLElement): boolean {
  return el instanceof HTMLSelectElement && el.value === '';
}

/** The normalised names of a country in the page's language and in English, and its ISO code. */
export function countryNames(code: string, lang: string | undefined): string[] {
  const names = new Set<string>();
  for (const locale of [lang, 'en'].filter((l): l is string => !!l)) {
    try {
      const name = new Intl.DisplayNames([locale], { type: 'region' }).of(code);
      if (name && name !== code) names.add(normalizeText(name));
    } catch {
      // An unknown locale tag: the other names still match.
    }
  }
  names.add(code.toLowerCase());
  return [...names];
}

/** The option value for an ISO country code: by value, or by the country's name in the page's language or English. */
export function findCountryOption(select: HTMLSelectElement, code: string, lang: string | undefined): string | undefined {
  const wanted = code.toUpperCase();
  const names = new Set(countryNames(wanted, lang));
  for (const option of Array.from(select.options)) {
    if (option.value.toUpperCase() === wanted) return option.value;
    if (names.has(normalizeText(option.textContent ?? ''))) return option.value;
  }
  return undefined;
}

function emptyReport(over: Partial<FillReport>): FillReport {
  return { ok: false, filled: [], kept: [], needs: [], notFound: [], droppedReasons: 0, ownWordsDropped: false, ...over };
}

/** Waits until the rule's form is there (after the pre-question), or gives up after `timeoutMs`. */
export function waitForForm(doc: Document, rule: FormRule, timeoutMs: number, clock: Clock = systemClock): Promise<Detection> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const detection = detectObjectionForm(doc, rule);
      if (detection.state !== 'form') return false;
      observer.disconnect();
      cancelTimeout();
      resolve(detection);
      return true;
    };
    const observer = new MutationObserver(() => void check());
    const cancelTimeout = clock.after(timeoutMs, () => {
      observer.disconnect();
      resolve(detectObjectionForm(doc, rule));
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true });
    check();
  });
}

function nextFrames(doc: Document, count: number, clock: Clock): Promise<void> {
  const win = doc.defaultView;
  return new Promise((resolve) => {
    const step = (left: number) => {
      if (left === 0) return resolve();
      // rAF does not run in background tabs; a timeout keeps the check bounded there.
      let done = false;
      let cancelFallback: Cancel = () => undefined;
      const next = () => {
        if (done) return;
        done = true;
        cancelFallback();
        step(left - 1);
      };
      win?.requestAnimationFrame?.(next);
      cancelFallback = clock.after(50, next);
    };
    step(count);
  });
}

export type { FoundForm };
