import * as z from 'zod/mini';
import { tabRequests } from './answers';
import type { TabAnswer, TabMessages, TabMessageType, TabRequestParsers } from './protocol';

const tabRequestParsers: TabRequestParsers = tabRequests;

const typedMessageSchema = z.object({ type: z.string() });

/** The type of a message if the table has it; `undefined` for anything else (closed: unknown types are refused). */
export function messageType<T extends object>(raw: unknown, table: T): Extract<keyof T, string> | undefined {
  const parsed = typedMessageSchema.safeParse(raw);
  return parsed.success && isKeyOf(table, parsed.data.type) ? parsed.data.type : undefined;
}

function isKeyOf<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  // Own keys only: `__proto__` or `toString` are not message types.
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** The content script's answer to each message of the popup: one function per type of `tabMessages`. */
export type TabHandlers = {
  [K in TabMessageType]: (request: TabMessages[K]['request']) => TabAnswer<K> | Promise<TabAnswer<K>>;
};

/**
 * A message to the content script, validated and handed to its handler. Anything that is not a message of
 * the table gets no answer (`undefined`), so that other listeners of the tab are not disturbed.
 */
export function handleTabMessage(raw: unknown, handlers: TabHandlers): Promise<unknown> | undefined {
  const type = messageType(raw, tabRequestParsers);
  return type === undefined ? undefined : runTabHandler(type, raw, handlers);
}

function runTabHandler<K extends TabMessageType>(type: K, raw: unknown, handlers: TabHandlers): Promise<TabAnswer<K>> | undefined {
  const request = tabRequestParsers[type].safeParse(raw);
  return request.success ? Promise.resolve(handlers[type](request.data)) : undefined;
}
