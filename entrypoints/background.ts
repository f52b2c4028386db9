import { browser } from 'wxt/browser';
import { handleMessage } from '@/src/messaging/handle';
import { LOAD_ENGINE } from '@/src/loader/loader';
import { injectEngine } from '@/src/loader/inject';

// Wiring only: every message is validated and handled in src/messaging/handle.ts, except the loader's
// request for the engine (src/loader/inject.ts). The listener is registered synchronously so that a worker
// woken by a message receives it.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if ((message as { type?: unknown } | null)?.type === LOAD_ENGINE) {
      return injectEngine(sender, (target, files) => browser.scripting.executeScript({ target, files }));
    }
    return handleMessage(message, sender);
  });
});
