import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { i18n } from '#i18n';
import type { Platform } from '../domain/platform';
import type { Account } from '../history/schema';
import { loadHistory } from '../history/persist';
import { accountName } from '../history/summary';
import { loadSettings } from '../settings/settings';
import { identifyAccount } from './identify';
import { reminderFor } from './reminder';
import { formPlatformOf } from '../forms/rules/hosts';

/*
 * The reminder badge on the toolbar icon, per tab. The background learns of a Facebook or Instagram tab
 * when its content script reports the page (no `tabs` permission needed) and keeps those tabs here, so
 * that a new objection or switching the reminder off clears the badge of tabs that are already open.
 * The browser resets a tab's badge itself when the tab navigates away.
 */

/** Tabs that reported a Facebook or Instagram page, by tab id. Session storage: gone when the browser closes. */
const reportedTabsItem = storage.defineItem<Record<string, Platform>>('session:reminder-tabs', { fallback: {} });

let trackingQueue: Promise<unknown> = Promise.resolve();
function changeReportedTabs(change: (tabs: Record<string, Platform>) => void): Promise<void> {
  const run = trackingQueue.then(async () => {
    const tabs = { ...(await reportedTabsItem.getValue()) };
    change(tabs);
    await reportedTabsItem.setValue(tabs);
  });
  trackingQueue = run.catch(() => undefined);
  return run;
}

/** Chrome and Firefox MV3 call it `action`, Firefox MV2 `browserAction`. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

const BADGE_TEXT = '!';
/** Dark red: white text on it passes WCAG AA, and it reads on light and dark toolbars. */
const BADGE_COLOR = '#b3261e';

async function setBadge(tabId: number, account: Account | null): Promise<void> {
  const action = toolbarAction();
  if (account) {
    await action.setBadgeText({ tabId, text: BADGE_TEXT });
    await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await action.setTitle({ tabId, title: i18n.t('reminder_title', [accountName(account, i18n.t('popup_unknownAccount'))]) });
  } else {
    await action.setBadgeText({ tabId, text: '' });
    await action.setTitle({ tabId, title: i18n.t('extName') });
  }
}

/**
 * Decides and shows the reminder for a tab showing `platform`: reads that site's login cookie, the history
 * and the setting. Returns whether the badge is shown.
 */
export async function showReminder(tabId: number, platform: Platform): Promise<boolean> {
  const [{ settings }, { doc }, accountId] = await Promise.all([loadSettings(), loadHistory(), identifyAccount(platform)]);
  const account = reminderFor(doc, platform, accountId, settings.reminder);
  await setBadge(tabId, account);
  await changeReportedTabs((tabs) => {
    tabs[String(tabId)] = platform;
  });
  return account !== null;
}

/**
 * After the history or the setting changed: decides again for every tab that reported a page and still
 * shows that site. A closed tab, or one that moved to another site, is forgotten and left alone.
 */
export async function refreshReminders(): Promise<void> {
  const tabs = await reportedTabsItem.getValue();
  for (const [id, platform] of Object.entries(tabs)) {
    const tabId = Number(id);
    let stillThere: boolean;
    try {
      // Without the `tabs` permission the URL is given only for the hosts Objector may access.
      stillThere = formPlatformOf((await browser.tabs.get(tabId)).url) === platform;
    } catch {
      stillThere = false;
    }
    if (stillThere) {
      await showReminder(tabId, platform).catch(() => undefined);
    } else {
      await changeReportedTabs((all) => {
        delete all[id];
      });
    }
  }
}
