import type { Clock } from './clock';
import { BackgroundError } from '../messaging/send';
import type { BackgroundMessage } from '../messaging/protocol';

/** A report to the background, as the message it travels as: the user's Send, or Meta's answer to it. */
export type Report = Extract<BackgroundMessage, { type: 'submitted' | 'status' }>;

/** The `storage.local` keys of reports waiting for the background's acknowledgement (README, "durable delivery"). */
export const HANDOFF_PREFIX = 'outbox:';

/**
 * The key of a report: one per submission and kind, and per outcome for Meta's answer (a later "confirmed"
 * must not overwrite an earlier "failed" still waiting, nor the other way round).
 */
export function handoffKey(report: Report): string {
  return report.type === 'submitted'
    ? `${HANDOFF_PREFIX}${report.submission.id}:submitted`
    : `${HANDOFF_PREFIX}${report.id}:status:${report.status}`;
}

/**
 * Where a report waits outside the page until the background acknowledges it: the engine's `storage.local`
 * (the page's script cannot reach it). A page left before delivery (tab closed, navigation, a worker that
 * must first be started) loses its messages, not what it wrote there, and the background applies what it
 * finds there when it starts and whenever a report is written.
 */
export interface Handoff {
  keep(key: string, report: Report): Promise<void>;
  drop(key: string): Promise<void>;
}

const noHandoff: Handoff = { keep: async () => undefined, drop: async () => undefined };

/** The wait before the first retry; each further one waits twice as long, up to RETRY_MAX_MS. */
export const RETRY_FIRST_MS = 250;
export const RETRY_MAX_MS = 4000;
/** Sends of one report before it is given up (about 20 s of retries). */
export const DELIVERY_ATTEMPTS = 10;
/**
 * How long one send may go unanswered before it counts as lost and is sent again: a worker that hangs
 * (neither answers nor dies) would otherwise hold every later report for ever.
 */
export const ANSWER_TIMEOUT_MS = 10_000;

/**
 * The background refused (it answered, with a coded reason: storage full, unknown entry, sender refused):
 * sending the same report again would get the same answer.
 */
export function isRefusal(error: unknown): boolean {
  return error instanceof BackgroundError && error.problem !== undefined;
}

/** Objector was reloaded, updated or removed: this engine is cut off, and no retry reaches a background. */
function extensionGone(error: unknown): boolean {
  return error instanceof Error && /extension context invalidated/i.test(error.message);
}

/**
 * The engine's reports to the background, delivered one after the other until the background acknowledges
 * each. A service worker that Chromium stops while it handles a report drops it without an answer (and the
 * messaging layer's own quick retries can all fall into that moment): the report is sent again after a
 * growing pause on the engine's clock. The background applies each report idempotently (by submission id;
 * a status never moves back from Confirmed), so a report that was written but not acknowledged can be sent
 * again. In order, so that Meta's answer never arrives before the submission it belongs to.
 */
export class Outbox {
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    private readonly handoff: Handoff = noHandoff,
  ) {}

  /**
   * Resolves with the background's acknowledgement; rejects with its refusal at once, or with the last
   * failure once DELIVERY_ATTEMPTS sends went unanswered. `report`, when given, is handed off first (see
   * Handoff) and taken back once the background acknowledged or refused it; a report given up (no answer,
   * Objector reloaded) stays handed off, for the background to apply when it runs again.
   */
  deliver<T>(send: () => Promise<T>, report?: Report): Promise<T> {
    // Not awaited before the send: a form that posts unloads the page at once, and its message must leave
    // in this task. Both writes leave in order; a failed one (storage full) leaves the message alone.
    const key = report && handoffKey(report);
    const kept = report && key ? this.handoff.keep(key, report).catch(() => undefined) : undefined;
    const delivered = this.last.then(() => this.attempt(send, 1));
    this.last = delivered.catch(() => undefined);
    if (key) {
      const drop = () => void kept?.then(() => this.handoff.drop(key)).catch(() => undefined);
      delivered.then(drop, (error: unknown) => (isRefusal(error) ? drop() : undefined));
    }
    return delivered;
  }

  private async attempt<T>(send: () => Promise<T>, attempt: number): Promise<T> {
    try {
      return await this.answerOf(send);
    } catch (error) {
      if (isRefusal(error) || extensionGone(error) || attempt >= DELIVERY_ATTEMPTS) throw error;
    }
    await new Promise<void>((resolve) => this.clock.after(Math.min(RETRY_FIRST_MS * 2 ** (attempt - 1), RETRY_MAX_MS), resolve));
    return this.attempt(send, attempt + 1);
  }

  /** One send, unanswered after ANSWER_TIMEOUT_MS counted as lost (a late answer is then ignored). */
  private answerOf<T>(send: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const cancel = this.clock.after(ANSWER_TIMEOUT_MS, () => reject(new Error('The background did not answer.')));
      send().then(
        (answer) => {
          cancel();
          resolve(answer);
        },
        (error: unknown) => {
          cancel();
          reject(error);
        },
      );
    });
  }
}
