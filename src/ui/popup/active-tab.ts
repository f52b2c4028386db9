import { browser } from 'wxt/browser';
import { askTab } from '../../messaging/send';
import type { FillAnswer, ProbeAnswer } from '../../messaging/answers';

/** The Facebook and Instagram objection forms, offered when the active tab shows neither. */
export const FORM_URLS = {
  facebook: 'https://www.facebook.com/help/contact/712876720715583',
  instagram: 'https://help.instagram.com/contact/767264225370182',
} as const;

/**
 * The tab the popup acts on: the active tab of the current window. `?tab=<id>` in the popup's URL names
 * another one (used when the popup is opened as a page, as the end-to-end tests do).
 */
export async function targetTabId(search: string): Promise<number | undefined> {
  const named = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export const NOT_A_FORM: ProbeAnswer = { onForm: false, ruleId: null, platform: null };

/**
 * How long the popup waits for the tab before it shows the page-independent view. A page that keeps its
 * main thread busy also holds up our content script; its answer still switches the popup when it comes.
 */
export const PROBE_PATIENCE_MS = 1500;

/** Asks the tab's content script whether it shows a recognised form; no content script means no. */
export async function probeTab(tabId: number | undefined): Promise<ProbeAnswer> {
  if (tabId === undefined) return NOT_A_FORM;
  try {
    return await askTab(tabId, 'probe', {});
  } catch {
    return NOT_A_FORM;
  }
}

/** Runs the same Autofill as the in-page button in the tab. */
export function autofillTab(tabId: number): Promise<FillAnswer> {
  return askTab(tabId, 'autofill', {});
}
