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
  const answer: unknown = await browser.runtime.sendMessage({ ...payload, type });
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

function readAnswer<T>(schema: Parser<T>, answer: unknown): T {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  const error = errorAnswerSchema.safeParse(answer);
  throw new Error(error.success ? error.data.error : 'Unexpected answer from the extension');
}
