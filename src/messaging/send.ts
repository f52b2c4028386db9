import { browser } from 'wxt/browser';
import { errorAnswerSchema } from './content-protocol';
import type { ContentMessage, HistoryMessage } from './protocol';

/** Any zod or zod/mini schema. */
interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * The background refused or could not do what was asked. `problem` is its coded reason (see
 * history/errors.ts) when it gave one, for the UI to translate; `message` is the English text for logs.
 */
export class BackgroundError extends Error {
  constructor(
    message: string,
    readonly problem: unknown,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}

/** Sends a message to the background and validates the answer; throws a BackgroundError otherwise. */
export async function askBackground<T>(message: ContentMessage | HistoryMessage, answerSchema: Parser<T>): Promise<T> {
  const answer = await deliver(message);
  const parsed = answerSchema.safeParse(answer);
  if (parsed.success) return parsed.data;
  const error = errorAnswerSchema.safeParse(answer);
  const problem = typeof answer === 'object' && answer !== null ? (answer as { problem?: unknown }).problem : undefined;
  throw new BackgroundError(error.success ? error.data.error : 'Unexpected answer from the extension', problem);
}

/** How often a message is sent before a failure to deliver it is given up. */
const DELIVERY_ATTEMPTS = 3;

/**
 * Sends a message, again if it could not be delivered: a service worker that Chromium stops while it is
 * woken (idle timeout, a burst of tabs) drops the message with "Could not establish connection" or "The
 * message port closed". Every message is safe to repeat: reports carry their id, status changes and
 * history changes are idempotent, and an import skips what the history already has.
 */
async function deliver(message: ContentMessage | HistoryMessage): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.runtime.sendMessage(message);
    } catch (error) {
      if (attempt >= DELIVERY_ATTEMPTS) throw error;
    }
  }
}
