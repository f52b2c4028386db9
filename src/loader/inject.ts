import { isFormHost } from '../forms/match';
import { formUrls } from '../forms/rules/urls';
import { CONTROL_SHOWN_CSS } from './orphan';

/** The injected engine's file in the build (entrypoints/engine.ts). Not web-accessible: pages cannot load it. */
export const ENGINE_FILE = '/engine.js' as const;

/** Who asked: the parts of `runtime.MessageSender` the injection needs. */
export interface LoaderSender {
  tab?: { id?: number };
  frameId?: number;
  /** Chrome only: the document that asked, so a page loaded meanwhile in the frame gets nothing. */
  documentId?: string;
  url?: string;
}

export type InjectionTarget = { tabId: number; frameIds: number[] } | { tabId: number; documentIds: string[] };

/** `browser.scripting.executeScript` with files (a fake in the unit tests). */
export type InjectFiles = (target: InjectionTarget, files: [typeof ENGINE_FILE]) => Promise<unknown>;

/** `browser.scripting.insertCSS` with a text (a fake in the unit tests). */
export type InsertCss = (target: InjectionTarget, css: string) => Promise<unknown>;

/**
 * Injects the engine into the frame whose loader asked, once the frame is on an https page of Meta's form
 * hosts, then the sheet that shows its control (src/loader/orphan.ts). Anything else (another host, http, a
 * message without a frame) is refused and nothing runs.
 */
export async function injectEngine(
  sender: LoaderSender,
  injectFiles: InjectFiles,
  insertCss: InsertCss,
): Promise<{ ok: true } | { error: string }> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId === undefined || frameId === undefined || !sender.url || !isFormHost(sender.url, formUrls)) {
    return { error: 'Not a page of Meta\'s forms' };
  }
  const target: InjectionTarget = sender.documentId ? { tabId, documentIds: [sender.documentId] } : { tabId, frameIds: [frameId] };
  try {
    await injectFiles(target, [ENGINE_FILE]);
    // After the engine: it has removed a control an earlier copy of Objector left hidden in the page, which
    // the sheet would show again. A failure is answered as one, and the loader's retry inserts it again.
    await insertCss(target, CONTROL_SHOWN_CSS);
    return { ok: true };
  } catch (error) {
    return { error: error instanceof Error ? error.message : 'The engine could not be loaded' };
  }
}
