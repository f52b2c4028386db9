import '@/src/zod-jitless';
import { browser } from 'wxt/browser';
import { applyHandedOff, handleMessage } from '@/src/messaging/handle';
import { drainHandoff, trackHandoffKeys, wroteHandoff } from '@/src/messaging/handoff';
import { repairStoredData } from '@/src/storage/repair';
import { refreshReminders } from '@/src/accounts/badge';
import { onHistoryChanged } from '@/src/history/watch';
import { settingsItem } from '@/src/settings/settings';

// Wiring only: every message is validated, its sender checked and handled in src/messaging/handle.ts. The
// listener is registered synchronously so that a worker woken by a message receives it. Messages from other
// extensions arrive at onMessageExternal, which Objector does not listen to.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  // Reports the engine handed off (a page left before its message was delivered): applied at every start,
  // and whenever one is written (which also wakes a stopped worker).
  browser.storage.local.onChanged.addListener((changes) => {
    trackHandoffKeys(changes);
    if (wroteHandoff(changes)) void drainHandoff(applyHandedOff);
  });
  // Older stored data is brought to the current version here only, through the write queue.
  void repairStoredData();
  void drainHandoff(applyHandedOff);
  // A new objection, an import or switching the reminder off updates the badge of tabs already open.
  onHistoryChanged(() => void refreshReminders());
  settingsItem.watch(() => void refreshReminders());
});
