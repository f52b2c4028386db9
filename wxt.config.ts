import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Toolbar and store icons, rendered from assets/icon.svg by @wxt-dev/auto-icons at every build. */
const ICON_SIZES = [16, 32, 48, 128] as const;
const ICONS = Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${size}.png`]));

// Manifest and build. Every permission is justified in README.md ("Permissions"); the unit test
// tests/unit/manifest/manifest.test.ts checks the built manifests of both browsers against that table.
export default defineConfig({
  // MV3 for Firefox too (README, "Firefox: MV3"): one API surface (action, host_permissions, storage.session)
  // in both browsers.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module', '@wxt-dev/auto-icons'],
  autoIcons: {
    baseIconPath: 'assets/icon.svg',
    sizes: [...ICON_SIZES],
  },
  hooks: {
    // WXT takes the toolbar button's tooltip from popup.html's <title>, which is not translated; the
    // manifest's own __MSG_extName__ is (README, "What WXT puts in the manifest").
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'cookies'],
    // The same as the content script's matches (entrypoints/content.ts): https only.
    host_permissions: ['https://*.facebook.com/*', 'https://www.instagram.com/*', 'https://help.instagram.com/*'],
    action: { default_title: '__MSG_extName__', default_icon: ICONS },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'objector@objector.invalid',
              // data_collection_permissions (Mozilla's required data-collection declaration) exists from
              // Firefox 140 on desktop and 142 on Android; older versions would ignore it.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
