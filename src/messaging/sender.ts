import { formPlatformOf, type FormPlatform } from '../forms/rules/hosts';

/** What the browser tells the background about who sent a message (`runtime.MessageSender`). */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  /** Chrome only: the document that sent it. */
  documentId?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Who sent a message, as far as the background trusts it:
 * - `extension-page`: one of Objector's own pages (history page, popup): its address is on the extension's
 *   origin, and it is not in a tab showing a web page;
 * - `form-tab`: Objector's content script in the top frame of a tab on one of Meta's form hosts (https);
 * - `stranger`: anything else (another extension, a content script on another host, a frame).
 */
export type SenderRole =
  | { kind: 'extension-page' }
  | { kind: 'form-tab'; tabId: number; platform: FormPlatform }
  | { kind: 'stranger' };

export function senderRole(sender: Sender, extensionId: string, extensionOrigin: string): SenderRole {
  if (sender.id !== extensionId || !sender.url) return { kind: 'stranger' };
  if (sender.url.startsWith(extensionOrigin)) {
    const tabUrl = sender.tab?.url;
    return tabUrl === undefined || tabUrl.startsWith(extensionOrigin) ? { kind: 'extension-page' } : { kind: 'stranger' };
  }
  const tabId = sender.tab?.id;
  const platform = formPlatformOf(sender.url);
  if (tabId === undefined || tabId < 0 || platform === null) return { kind: 'stranger' };
  if (sender.frameId !== undefined && sender.frameId !== 0) return { kind: 'stranger' };
  return { kind: 'form-tab', tabId, platform };
}
