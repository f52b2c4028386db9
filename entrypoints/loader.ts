import { startLoader, type SendToBackground } from '@/src/loader/loader';

// The only content script (declared in wxt.config.ts; see "Engine on demand" in README.md). An unlisted
// script rather than defineContentScript: WXT's content-script wrapper brings webextension-polyfill, which
// alone is larger than the loader's whole budget. For the same reason the raw globals: Firefox's `browser`
// (promises), else Chrome's `chrome` (promises in MV3). `runtime` is read only when a message is sent: on a
// host that is not one of Meta's form hosts the extension API is never touched.
export default defineUnlistedScript(() => {
  const send: SendToBackground = (message) => ((globalThis as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage(message);
  startLoader(window, send);
});
