import { browser } from 'wxt/browser';
import { errorAnswerSchema } from './content-protocol';
import type { ContentMessage, HistoryMessage } from './protocol';

/** Any zod or zod/mini schema. */
interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** Sends a message to the background and validates the answer; throws with the background's error text. */
export async function askBackground<T>(message: ContentMessage | HistoryMessage, answerSchema: Parser<T>): Promise<T> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  const parsed = answerSchema.safeParse(answer);
  if (parsed.success) return parsed.data;
  const error = errorAnswerSchema.safeParse(answer);
  throw new Error(error.success ? error.data.error : 'Unexpected answer from the extension');
}
