import { browser } from 'wxt/browser';
import { handleMessage } from '@/src/messaging/handle';
import { refreshReminders } from '@/src/accounts/badge';
import { historyItem } from '@/src/history/persist';
import { settingsItem } from '@/src/settings/settings';

// Wiring only: every message is validated and handled in src/messaging/handle.ts. The listener is
// registered synchronously so that a worker woken by a message receives it.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    return handleMessage(message, sender);
  });
  // A new objection, an import or switching the reminder off updates the badge of tabs already open.
  historyItem.watch(() => void refreshReminders());
  settingsItem.watch(() => void refreshReminders());
});
