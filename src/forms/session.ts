import type { FormRule } from './rules/schema';
import type { AccountStatusAnswer, ComposeAnswer, ProbeAnswer } from '../messaging/answers';
import type { SubmissionReport } from '../messaging/protocol';
import type { Outcome } from '../domain/status';
import { detectObjectionForm, findSubmitButton, isUsable, pageSays, type Detection, type FoundForm } from './detect';
import { fillObjection, type FillReport, type PlanRequest } from './fill';
import { matchFormRule, pageLanguage } from './match';
import type { FormUrlRule } from './rules/urls';
import { createControl, CONTROL_HOST_ATTRIBUTE, type ControlView } from '../ui/control';
import { describeReport, type ContentTexts } from '../ui/report';

/** What the form session needs from the outside: the background, the UI texts, the clock. */
export interface SessionDeps {
  /** The full rule of a form, from the background (the content script carries only the URL patterns). */
  rule(id: string): Promise<FormRule>;
  compose(request: PlanRequest): Promise<ComposeAnswer>;
  submitted(report: SubmissionReport): Promise<void>;
  status(id: string, status: Outcome, at: string): Promise<void>;
  pending(formId: string): Promise<string | null>;
  accountStatus(platform: FormRule['platform']): Promise<AccountStatusAnswer>;
  texts: ContentTexts;
  now(): Date;
  newId(): string;
}

/** How long a replaced form must stay away, without an error, to count as Meta's confirmation. */
const CONFIRM_AFTER_MS = 1500;

/**
 * The engine on one page: follows the URL, and on an objection form URL watches the DOM until the form
 * is there, offers Autofill next to it, notices the user's Send and Meta's answer. On any other URL it
 * does nothing but wait for the next URL change.
 */
export class FormSession {
  private rule: FormRule | undefined;
  /** The URL rule matched last, while its full rule is on its way. */
  private matched: FormUrlRule | undefined;
  private observer: MutationObserver | undefined;
  private control: ControlView | undefined;
  private detection: Detection | undefined;
  private lastFill: { reasonIds: string[] } | undefined;
  private awaiting: { id: string; alertsBefore: Set<Element>; goneSince?: number; timer?: number } | undefined;
  private lastSend = { id: '', at: 0 };
  /** Meta's answer is on screen: the control stays to say so. */
  private outcomeShown = false;
  private scheduled = false;
  private readonly onUserEvent = (event: Event) => this.maybeSend(event);

  constructor(
    private readonly doc: Document,
    private readonly urls: readonly FormUrlRule[],
    private readonly deps: SessionDeps,
  ) {}

  /** Call on start and on every URL change. */
  onUrl(href: string): void {
    const matched = matchFormRule(href, this.urls);
    if (matched?.id === this.matched?.id) return;
    this.stop();
    this.matched = matched;
    if (!matched) return;
    void this.deps.rule(matched.id).then(
      (rule) => {
        if (this.matched === matched) this.start(rule);
      },
      () => undefined,
    );
  }

  private start(rule: FormRule): void {
    this.rule = rule;
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
    for (const type of ['click', 'keydown', 'submit']) this.doc.addEventListener(type, this.onUserEvent, true);
    this.check();
    void this.deps.pending(rule.formId).then((id) => {
      // After a reload, what is on the page is already Meta's answer: its alerts count.
      if (id && this.rule === rule && !this.awaiting) this.awaitAnswer(id, true);
    }).catch(() => undefined);
  }

  /** For the popup: is this tab on a recognised form? */
  probe(): ProbeAnswer {
    const onForm = !!this.rule && this.detection !== undefined && this.detection.state !== 'none';
    return { onForm, ruleId: this.rule?.id ?? null, platform: this.rule?.platform ?? null };
  }

  /** Autofill, from the in-page button or the popup. Returns the message shown to the user. */
  async autofill(): Promise<{ ok: boolean; message: string }> {
    const rule = this.rule;
    const detection = rule ? detectObjectionForm(this.doc, rule) : undefined;
    if (!rule || !detection || detection.state === 'none') {
      return { ok: false, message: this.deps.texts.noForm };
    }
    this.control?.setBusy(true);
    let report: FillReport;
    let composed: ComposeAnswer | undefined;
    try {
      report = await fillObjection(this.doc, detection, async (request) => {
        composed = await this.deps.compose(request);
        return composed;
      });
    } finally {
      this.control?.setBusy(false);
    }
    if (report.ok && composed) this.lastFill = { reasonIds: composed.reasonIds };
    const message = describeReport(report, this.deps.texts);
    this.control?.setMessage(message, report.ok ? 'success' : 'error');
    this.check();
    return { ok: report.ok, message };
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    for (const type of ['click', 'keydown', 'submit']) this.doc.removeEventListener(type, this.onUserEvent, true);
    this.control?.destroy();
    this.control = undefined;
    if (this.awaiting?.timer) clearTimeout(this.awaiting.timer);
    this.awaiting = undefined;
    this.rule = undefined;
    this.matched = undefined;
    this.detection = undefined;
    this.outcomeShown = false;
  }

  /** Coalesces a burst of DOM mutations into one check in the same task. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.check();
    });
  }

  private check(): void {
    const rule = this.rule;
    if (!rule) return;
    const detection = detectObjectionForm(this.doc, rule);
    this.detection = detection;
    if (this.awaiting) this.checkAnswer(detection);
    if (detection.state === 'none') {
      // Keep the control while a submission waits for Meta's answer: it tells the user what happened.
      if (!this.awaiting && !this.outcomeShown) {
        this.control?.destroy();
        this.control = undefined;
      }
      return;
    }
    const anchor = detection.state === 'form' ? detection.root : groupOf(detection.yes);
    if (!this.control) this.mountControl(rule);
    this.control?.placeBefore(anchor);
  }

  private mountControl(rule: FormRule): void {
    const texts = this.deps.texts;
    this.control = createControl(
      this.doc,
      { title: texts.title, intro: rule.kind === 'third-party' ? texts.introThirdParty : texts.intro, button: texts.button },
      () => void this.autofill(),
    );
    const control = this.control;
    void this.deps.accountStatus(rule.platform).then((status) => {
      if (status.confirmedAt && this.control === control) control.setNotice(texts.alreadyConfirmed(status.confirmedAt));
    }).catch(() => undefined);
  }

  /** A trusted click, Enter/Space or submit on the form's Send: the user sends. Scripts do not count. */
  private maybeSend(event: Event): void {
    if (!event.isTrusted || !this.rule) return;
    if (event.type === 'keydown') {
      const key = (event as KeyboardEvent).key;
      if (key !== 'Enter' && key !== ' ') return;
    }
    const detection = detectObjectionForm(this.doc, this.rule);
    if (detection.state !== 'form') return;
    const target = event.target as Node | null;
    if (event.type === 'submit') {
      if (!(target instanceof HTMLFormElement) || !target.contains(Object.values(detection.fields)[0] ?? null)) return;
    } else {
      const send = findSubmitButton(detection);
      if (!send || !target || !send.contains(target)) return;
    }
    this.recordSend(detection);
  }

  private recordSend(form: FoundForm): void {
    const now = this.deps.now();
    // A click on a submit button also fires "submit": one Send, one id.
    const id = now.getTime() - this.lastSend.at < 2000 ? this.lastSend.id : this.deps.newId();
    if (id === this.lastSend.id && this.awaiting?.id === id) return;
    this.lastSend = { id, at: now.getTime() };
    const rule = form.rule;
    const text = (form.fields.reason as HTMLTextAreaElement | undefined)?.value
      ?? (form.fields.prompts as HTMLTextAreaElement | undefined)?.value ?? '';
    const report: SubmissionReport = {
      id,
      ruleId: rule.id,
      platform: rule.platform,
      formId: rule.formId,
      url: this.doc.location?.href ?? '',
      lang: pageLanguage(this.doc) ?? '',
      email: ((form.fields.email as HTMLInputElement | undefined)?.value ?? '').trim(),
      reasonIds: this.lastFill?.reasonIds ?? [],
      text,
      at: now.toISOString(),
    };
    void this.deps.submitted(report).catch(() => undefined);
    this.awaitAnswer(id);
  }

  private awaitAnswer(id: string, afterReload = false): void {
    if (this.awaiting?.timer) clearTimeout(this.awaiting.timer);
    const alertsBefore = afterReload ? new Set<Element>() : new Set(this.doc.querySelectorAll('[role=alert], [aria-live=assertive]'));
    this.awaiting = { id, alertsBefore };
    this.control?.setMessage(this.deps.texts.recorded, 'info');
    this.checkAnswer(this.detection ?? { state: 'none', rule: this.rule!, missing: [] });
  }

  /** Meta's answer: an error shown → Failed; the form replaced by a message and no error → Confirmed. */
  private checkAnswer(detection: Detection): void {
    const awaiting = this.awaiting;
    const rule = this.rule;
    if (!awaiting || !rule) return;
    const newAlert = Array.from(this.doc.querySelectorAll<HTMLElement>('[role=alert], [aria-live=assertive]')).some(
      (el) => !awaiting.alertsBefore.has(el) && isUsable(el) && (el.textContent ?? '').trim() !== '',
    );
    if (newAlert || pageSays(this.doc, rule.errorPhrases)) return this.settle('failed');
    if (detection.state === 'form') {
      awaiting.goneSince = undefined;
      return;
    }
    if (pageSays(this.doc, rule.confirmationPhrases)) return this.settle('confirmed');
    const now = Date.now();
    awaiting.goneSince ??= now;
    if (now - awaiting.goneSince >= CONFIRM_AFTER_MS) return this.settle('confirmed');
    if (!awaiting.timer) {
      awaiting.timer = window.setTimeout(() => {
        awaiting.timer = undefined;
        this.check();
      }, CONFIRM_AFTER_MS);
    }
  }

  private settle(status: Outcome): void {
    const awaiting = this.awaiting;
    if (!awaiting) return;
    if (awaiting.timer) clearTimeout(awaiting.timer);
    this.awaiting = undefined;
    void this.deps.status(awaiting.id, status, this.deps.now().toISOString()).catch(() => undefined);
    const formGone = status === 'confirmed';
    this.outcomeShown = formGone;
    if (!this.control) {
      this.control = createControl(this.doc, { title: this.deps.texts.title, intro: '', button: this.deps.texts.button }, () => void this.autofill());
    }
    if (!this.control.host.isConnected) {
      // Meta replaced the form (and the control with it) by its answer: show the outcome at the top.
      this.doc.body.prepend(this.control.host);
    }
    if (formGone) {
      this.control.setIntro('');
      this.control.setButtonVisible(false);
    }
    this.control.setMessage(
      status === 'confirmed' ? this.deps.texts.confirmed : this.deps.texts.failed,
      status === 'confirmed' ? 'success' : 'error',
    );
  }
}

/** Where the control goes for a pre-question: before the group of answers. */
function groupOf(el: HTMLElement): Element {
  return el.closest('[role=radiogroup], fieldset, form') ?? el.parentElement ?? el;
}

export { CONTROL_HOST_ATTRIBUTE };
