import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** https only; the narrowest patterns that take in Facebook's locale hosts (nl-nl.…). */
const LOADER_MATCHES = ['https://*.facebook.com/*', 'https://www.instagram.com/*', 'https://help.instagram.com/*'];

// Manifest and build. Every permission is justified in README.md ("Permissions").
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  hooks: {
    // The loader is the only content script. It is an unlisted script (entrypoints/loader.ts) declared here
    // by hand because WXT's own content scripts carry webextension-polyfill (README, "Engine on demand").
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: LOADER_MATCHES, js: ['loader.js'], run_at: 'document_start' },
      ];
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'cookies', 'scripting'],
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
