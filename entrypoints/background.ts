import { browser } from 'wxt/browser';
import { handleMessage } from '@/src/messaging/handle';

// Wiring only: every message is validated and handled in src/messaging/handle.ts. The listener is
// registered synchronously so that a worker woken by a message receives it.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    return handleMessage(message, sender);
  });
});
