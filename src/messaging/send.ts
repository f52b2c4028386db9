import { browser } from 'wxt/browser';
import { backgroundAnswers, errorAnswerSchema, tabAnswers } from './answers';
import type {
  BackgroundAnswer,
  BackgroundAnswerParsers,
  BackgroundMessageType,
  BackgroundPayload,
  Parser,
  TabAnswer,
  TabAnswerParsers,
  TabMessages,
  TabMessageType,
} from './protocol';

// The table's schemas seen as parsers of the table's types (checked key by key by these assignments).
// Only answers.ts is imported at run time: the content script sends too, and must stay small.
const answerParsers: BackgroundAnswerParsers = backgroundAnswers;
const tabAnswerParsers: TabAnswerParsers = tabAnswers;

/**
 * Sends a message to the background and returns its answer, validated with the table's answer schema.
 * Throws with the background's error text on an error answer, and on an answer that is not the table's.
 */
export async function askBackground<K extends BackgroundMessageType>(
  type: K,
  payload: BackgroundPayload<K>,
): Promise<BackgroundAnswer<K>> {
  const answer = await deliver({ ...payload, type });
  return readAnswer(answerParsers[type], answer);
}

/** Sends a message to the content script of a tab (from the popup); like `askBackground`. */
export async function askTab<K extends TabMessageType>(
  tabId: number,
  type: K,
  payload: TabMessages[K]['payload'],
): Promise<TabAnswer<K>> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, { ...payload, type });
  return readAnswer(tabAnswerParsers[type], answer);
}

/**
 * The background refused or could not do what was asked. `problem` is its coded reason (history/errors.ts)
 * when it gave one, for the UI to translate; `message` is the English text for logs.
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

function readAnswer<T>(schema: Parser<T>, answer: unknown): T {
  const parsed = schema.safeParse(answer);
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
async function deliver(message: unknown): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.runtime.sendMessage(message);
    } catch (error) {
      if (attempt >= DELIVERY_ATTEMPTS) throw error;
    }
  }
}
