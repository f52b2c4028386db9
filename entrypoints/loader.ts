import { announcePage, startLoader } from '@/src/loader/loader';

// The only content script (declared in wxt.config.ts; see "Engine on demand" in README.md). An unlisted
// script rather than defineContentScript: WXT's content-script wrapper brings webextension-polyfill, which
// alone is larger than the loader's whole budget. For the same reason the raw globals: Firefox's `browser`
// (promises), else Chrome's `chrome` (promises in MV3).
export default defineUnlistedScript(() => {
  const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
  const send = (message: Parameters<typeof startLoader>[1] extends (m: infer M) => unknown ? M : never) =>
    api.runtime.sendMessage(message);
  announcePage(window, send);
  startLoader(window, send);
});
