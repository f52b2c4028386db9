import type { FieldRole, FormRule } from './rules/schema';
import type { AccountStatusAnswer, ComposeAnswer, PendingAnswer, ProbeAnswer } from '../messaging/answers';
import type { SubmissionReport } from '../messaging/protocol';
import type { Outcome, Status } from '../domain/status';
import { detectObjectionForm, type Detection } from './find';
import { fillObjection, type FillReport, type PlanRequest } from './fill';
import { matchFormRule } from './match';
import type { FormUrlRule } from './rules/urls';
import type { ControlPresenter, PresentControl } from './presenter';
import { currentAlerts, isUserSend, judgeAnswer, readSubmission } from './track';
import { watchDom } from './watch';
import type { Cancel, Clock } from './clock';
import { isRefusal, Outbox, type Handoff } from './outbox';

/** What the problem report needs from the engine (the report module adds the page's structure). */
export interface ProblemContext {
  ruleId: string | null;
  path: string;
  found: string[];
  missing: string[];
}

/** What the form session needs from the outside: the background, the control, the clock. */
export interface SessionDeps {
  /** The full rule of a form, from the background (the content script carries only the URL patterns). */
  rule(id: string): Promise<FormRule>;
  compose(request: PlanRequest): Promise<ComposeAnswer>;
  /** Resolves once the background has written the submission; rejects with its reason otherwise. */
  submitted(report: SubmissionReport): Promise<void>;
  /** Resolves with the entry's status as the background stored it; rejects with its reason otherwise. */
  status(id: string, status: Outcome, at: string): Promise<Status>;
  /** After a page load: the tab's Send on this form that waits for Meta's answer, or that could not be saved. */
  pending(formId: string): Promise<PendingAnswer>;
  accountStatus(platform: FormRule['platform']): Promise<AccountStatusAnswer>;
  /** The in-page control (UI code, src/ui/control-presenter.ts). */
  present: PresentControl;
  saveProblemReport(context: ProblemContext): void;
  /** Where reports wait, outside the page, until the background acknowledges them (none: only in memory). */
  handoff?: Handoff;
  /** Every time the session reads or waits for. */
  clock: Clock;
  newId(): string;
  /**
   * Whether the page has transient user activation right now (`navigator.userActivation.isActive`): true
   * only shortly after a real click or key press, whatever script on the page does.
   */
  userActive(): boolean;
}

/**
 * How long a replaced form must stay away, without an error, before the control says Meta probably
 * received it. Without a known confirmation phrase the entry stays "Submitted".
 */
export const PROBABLY_AFTER_MS = 1500;
/** How long an objection URL may show nothing recognisable before the control says so. */
export const UNRECOGNISED_AFTER_MS = 10_000;

interface Awaiting {
  id: string;
  alertsBefore: Set<Element>;
  goneSince?: number;
  cancelTimer?: Cancel;
  probably?: boolean;
}

/**
 * The engine on one page: the page watcher tells it about URL and DOM changes; on an objection form URL it
 * asks the form finder, offers Autofill through the control, lets the filler fill on the user's request,
 * and tracks the user's Send and Meta's answer. On any other URL it does nothing but wait.
 */
export class FormSession {
  private rule: FormRule | undefined;
  /** The URL rule matched last, while its full rule is on its way. */
  private matched: FormUrlRule | undefined;
  private stopWatchingDom: (() => void) | undefined;
  private control: ControlPresenter | undefined;
  private detection: Detection | undefined;
  private lastFill: { reasonIds: string[] } | undefined;
  private awaiting: Awaiting | undefined;
  /** Whether the background confirmed that the last Send is in the history. */
  private saved: 'pending' | 'saved' | 'failed' | undefined;
  private lastSend = { id: '', at: 0 };
  /** Meta's answer (or an unrecognised page) is on screen: the control stays to say so. */
  private sticky = false;
  private seenForm = false;
  private unrecognisedShown = false;
  private cancelUnrecognised: Cancel | undefined;
  /** Submissions the background refused to store: there is no entry for Meta's answer. */
  private readonly refused = new Set<string>();
  /** Reports on their way to the background; they outlive in-app navigation away from the form. */
  private readonly outbox: Outbox;
  private readonly onUserEvent = (event: Event) => this.maybeSend(event);

  constructor(
    private readonly doc: Document,
    private readonly urls: readonly FormUrlRule[],
    private readonly deps: SessionDeps,
  ) {
    this.outbox = new Outbox(deps.clock, deps.handoff);
  }

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
    this.stopWatchingDom = watchDom(this.doc, () => this.check());
    for (const type of ['click', 'keydown']) this.doc.addEventListener(type, this.onUserEvent, true);
    this.cancelUnrecognised = this.deps.clock.after(UNRECOGNISED_AFTER_MS, () => this.maybeUnrecognised());
    this.check();
    void this.deps.pending(rule.formId).then(({ id, saveFailed }) => {
      if (this.rule !== rule || this.awaiting || this.saved) return;
      // After a reload, what is on the page is already Meta's answer: its alerts count. The background
      // keeps only a pending submission it has written: it is saved.
      if (id) {
        this.saved = 'saved';
        this.awaitAnswer(id, true);
      } else if (saveFailed) {
        // The Send before the reload was not stored: the new page says so, as the old one would have.
        this.saved = 'failed';
        this.showOutcome().showSaveFailed(saveFailed);
      }
    }).catch(() => undefined);
  }

  /** For the popup: is this tab on a recognised form? */
  probe(): ProbeAnswer {
    const onForm = !!this.rule && this.detection !== undefined && this.detection.state !== 'none';
    return { onForm, ruleId: this.rule?.id ?? null, platform: this.rule?.platform ?? null };
  }

  /** Autofill, on the user's activation of the in-page control or the popup's request. */
  async autofill(): Promise<{ ok: boolean; message: string }> {
    const rule = this.rule;
    const detection = rule ? detectObjectionForm(this.doc, rule) : undefined;
    if (!rule || !detection || detection.state === 'none') {
      if (!rule) {
        // Not an objection URL: nothing goes on the page; the words are only for the popup.
        const detached = this.deps.present(this.doc, { autofill: () => undefined, saveReport: () => undefined });
        const message = detached.showNoForm();
        detached.destroy();
        return { ok: false, message };
      }
      const control = this.ensureControl(null);
      return { ok: false, message: control.showNoForm() };
    }
    const control = this.ensureControl(detection.state === 'form' ? detection.root : groupOf(detection.yes));
    control.setBusy(true);
    let report: FillReport;
    let composed: ComposeAnswer | undefined;
    try {
      report = await fillObjection(
        this.doc,
        detection,
        async (request) => {
          composed = await this.deps.compose(request);
          return composed;
        },
        { clock: this.deps.clock },
      );
    } finally {
      control.setBusy(false);
    }
    if (report.filled.length > 0 && composed) this.lastFill = { reasonIds: composed.reasonIds };
    const message = (this.control ?? control).showFill(report);
    this.check();
    return { ok: report.ok, message };
  }

  /** The user asked for a problem report: what the engine found and missed on this page. */
  saveProblemReport(): void {
    const rule = this.rule;
    const detection = rule ? detectObjectionForm(this.doc, rule) : undefined;
    const found = detection?.state === 'form' ? (Object.keys(detection.fields) as FieldRole[]) : [];
    const missing = detection?.state === 'form' || detection?.state === 'none' ? detection.missing : [];
    this.deps.saveProblemReport({
      ruleId: rule?.id ?? this.matched?.id ?? null,
      path: this.doc.location?.pathname ?? '',
      found: detection?.state === 'pre-question' ? ['pre-question'] : found,
      missing,
    });
  }

  stop(): void {
    this.stopWatchingDom?.();
    this.stopWatchingDom = undefined;
    for (const type of ['click', 'keydown']) this.doc.removeEventListener(type, this.onUserEvent, true);
    this.cancelUnrecognised?.();
    this.cancelUnrecognised = undefined;
    this.control?.destroy();
    this.control = undefined;
    this.awaiting?.cancelTimer?.();
    this.awaiting = undefined;
    this.saved = undefined;
    this.rule = undefined;
    this.matched = undefined;
    this.detection = undefined;
    this.sticky = false;
    this.seenForm = false;
  }

  private check(): void {
    const rule = this.rule;
    if (!rule) return;
    const detection = detectObjectionForm(this.doc, rule);
    this.detection = detection;
    if (this.awaiting) this.checkAnswer(detection);
    if (detection.state === 'none') {
      // Keep the control while it says something about this page: a pending answer, an outcome, a report.
      if (!this.awaiting && !this.sticky) {
        this.control?.destroy();
        this.control = undefined;
      }
      return;
    }
    this.seenForm = true;
    const anchor = detection.state === 'form' ? detection.root : groupOf(detection.yes);
    if (this.sticky && !this.awaiting && this.control && this.unrecognisedShown) {
      // A form showed up after all: offer Autofill instead of the report.
      this.control.destroy();
      this.control = undefined;
      this.sticky = false;
      this.unrecognisedShown = false;
    }
    if (!this.control) this.mountControl(rule, anchor);
    else this.control.place(anchor);
  }

  private maybeUnrecognised(): void {
    this.cancelUnrecognised = undefined;
    // After a Send (this page or before its reload), what is on the page is Meta's answer, not a form
    // Objector failed to recognise.
    if (!this.rule || this.seenForm || this.awaiting || this.saved) return;
    const control = this.ensureControl(null);
    control.showUnrecognised();
    this.sticky = true;
    this.unrecognisedShown = true;
  }

  private mountControl(rule: FormRule, anchor: Element): void {
    const control = this.ensureControl(anchor);
    control.offer(rule.kind);
    // Only an objection confirmed by Meta's known wording, or marked by the user from Meta's e-mail, is
    // reported so (the background decides from the history).
    void this.deps.accountStatus(rule.platform).then((status) => {
      if (status.confirmedAt && this.control === control) control.showAlreadyConfirmed(status.confirmedAt);
    }).catch(() => undefined);
  }

  /** The control, placed before `anchor` (or at the top when null), created if needed. */
  private ensureControl(anchor: Element | null): ControlPresenter {
    this.control ??= this.deps.present(this.doc, {
      autofill: () => void this.autofill(),
      saveReport: () => this.saveProblemReport(),
    });
    if (anchor || !this.control.isPlaced()) this.control.place(anchor);
    return this.control;
  }

  private maybeSend(event: Event): void {
    const rule = this.rule;
    if (!rule || !event.isTrusted) return;
    const detection = detectObjectionForm(this.doc, rule);
    if (!isUserSend(event, detection, this.deps.userActive())) return;
    const now = this.deps.clock.now();
    // A click on Send that Enter also fired (or a double click): one Send, one id.
    const id = now - this.lastSend.at < 2000 ? this.lastSend.id : this.deps.newId();
    if (id === this.lastSend.id && this.awaiting?.id === id) return;
    this.lastSend = { id, at: now };
    const report = readSubmission(this.doc, detection, { id, at: new Date(now), reasonIds: this.lastFill?.reasonIds ?? [] });
    this.saved = 'pending';
    this.awaitAnswer(id);
    this.outbox.deliver(() => this.deps.submitted(report), { type: 'submitted', submission: report }).then(
      () => {
        if (this.lastSend.id !== id || this.saved !== 'pending') return;
        this.saved = 'saved';
        if (this.awaiting?.id === id) this.control?.showSaved();
      },
      (error: unknown) => {
        if (isRefusal(error)) this.refused.add(id);
        if (this.lastSend.id !== id) return;
        this.saved = 'failed';
        this.showOutcome().showSaveFailed(errorText(error));
      },
    );
  }

  private awaitAnswer(id: string, afterReload = false): void {
    this.awaiting?.cancelTimer?.();
    this.awaiting = { id, alertsBefore: afterReload ? new Set() : currentAlerts(this.doc) };
    if (this.saved === 'saved') this.control?.showSaved();
    this.checkAnswer(this.detection ?? detectObjectionForm(this.doc, this.rule!));
  }

  private checkAnswer(detection: Detection): void {
    const awaiting = this.awaiting;
    const rule = this.rule;
    if (!awaiting || !rule) return;
    const answer = judgeAnswer(this.doc, rule, detection, awaiting.alertsBefore);
    if (answer === 'failed' || answer === 'confirmed') return this.settle(answer);
    if (answer === 'form-still-there') {
      awaiting.goneSince = undefined;
      return;
    }
    const now = this.deps.clock.now();
    awaiting.goneSince ??= now;
    if (now - awaiting.goneSince >= PROBABLY_AFTER_MS) {
      if (!awaiting.probably) {
        awaiting.probably = true;
        const control = this.showOutcome();
        if (this.saved !== 'failed') control.showAnswer('probably');
      }
      return;
    }
    awaiting.cancelTimer ??= this.deps.clock.after(PROBABLY_AFTER_MS, () => {
      awaiting.cancelTimer = undefined;
      this.check();
    });
  }

  /** The control for Meta's answer: on screen even where Meta replaced the form (and the control with it). */
  private showOutcome(): ControlPresenter {
    this.sticky = true;
    this.unrecognisedShown = false;
    const control = this.ensureControl(null);
    if (!control.isPlaced()) control.place(null);
    return control;
  }

  private settle(status: Outcome): void {
    const awaiting = this.awaiting;
    if (!awaiting) return;
    awaiting.cancelTimer?.();
    this.awaiting = undefined;
    // The form stays after an error: the user may correct it and send again.
    if (status === 'confirmed') this.sticky = true;
    const control = status === 'confirmed' ? this.showOutcome() : this.ensureControl(null);
    const { id } = awaiting;
    const at = new Date(this.deps.clock.now()).toISOString();
    // The outcome says "saved in your history as …": shown only once the background has acknowledged
    // that the entry holds it. Until then the report waits in the outbox, after its submission.
    this.outbox
      .deliver(async () => (this.refused.has(id) ? undefined : this.deps.status(id, status, at)), { type: 'status', id, status, at })
      .then(
        (stored) => {
          if (this.control !== control || stored !== status) return;
          control.showAnswer(status);
        },
        (error: unknown) => {
          if (this.control !== control) return;
          this.saved = 'failed';
          control.showSaveFailed(errorText(error));
        },
      );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where the control goes for a pre-question: before the group of answers. */
function groupOf(el: HTMLElement): Element {
  return el.closest('[role=radiogroup], fieldset, form') ?? el.parentElement ?? el;
}
