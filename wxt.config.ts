import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Manifest and build. Every permission is justified in README.md ("Permissions").
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: Chrome caps storage.local at 10 MB without it and shows no install warning for it;
    // Firefox's limit is its large IndexedDB share of the disk, and it would ask the user (README, Permissions).
    permissions: ['storage', 'cookies', ...(browser === 'firefox' ? [] : ['unlimitedStorage'])],
    host_permissions: ['*://*.facebook.com/*', '*://*.instagram.com/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'objector@objector.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
