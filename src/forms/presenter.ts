import type { FormRule } from './rules/schema';
import type { FillReport } from './fill';
import type { Outcome } from '../domain/status';

/*
 * What the engine needs from the in-page control, and nothing more. The control itself (texts, DOM, shadow
 * root) is UI code in src/ui/ that the content script hands to the engine: the engine never imports UI.
 */

/** What the control lets the user do; the engine acts on these only. */
export interface ControlActions {
  /** The user's own (trusted) activation of Autofill. */
  autofill(): void;
  /** The user asked to save a problem report. */
  saveReport(): void;
}

/** Meta's answer as the control tells it. */
export type AnswerShown = Outcome | 'probably';

export interface ControlPresenter {
  /** Shows the control right before `anchor`, or at the top of the page's main region when null. */
  place(anchor: Element | null): void;
  isPlaced(): boolean;
  /** Offers Autofill for a form of this kind. */
  offer(kind: FormRule['kind']): void;
  setBusy(busy: boolean): void;
  /** Says what Autofill did; returns the same words for the popup. */
  showFill(report: FillReport): string;
  /** Autofill found no form; returns the words for the popup. */
  showNoForm(): string;
  showAlreadyConfirmed(isoDate: string): void;
  /** The objection URL shows nothing Objector recognises: says so and offers the problem report. */
  showUnrecognised(): void;
  /** The background confirmed that the submission is in the history. */
  showSaved(): void;
  /** The history write failed: an error, with what to do. */
  showSaveFailed(reason: string): void;
  showAnswer(answer: AnswerShown): void;
  destroy(): void;
}

export type PresentControl = (doc: Document, actions: ControlActions) => ControlPresenter;
