// The built manifests of both browsers, as users and stores see them. Reads .output/ (`npm test` builds
// first; alone: `npm run build && npx vitest run tests/unit/manifest`).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const BUILDS = { chrome: '.output/chrome-mv3', firefox: '.output/firefox-mv3' } as const;
const ICON_SIZES = ['16', '32', '48', '128'];

/**
 * Every top-level key we accept. A new key (an override, web_accessible_resources, externally_connectable…)
 * changes what the extension does to the user's browser: review it, say why in the README, then add it here.
 */
const REVIEWED_KEYS = [
  'manifest_version',
  'name',
  'description',
  'version',
  'icons',
  'default_locale',
  'permissions',
  'host_permissions',
  'action',
  'background',
  'content_scripts',
];

interface Manifest {
  manifest_version: number;
  name: string;
  description: string;
  default_locale?: string;
  icons?: Record<string, string>;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  action?: { default_title?: string; default_popup?: string; default_icon?: Record<string, string> };
  background?: { service_worker?: string; scripts?: string[]; persistent?: boolean };
  content_scripts?: Array<{ matches: string[]; js?: string[] }>;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } };
    gecko_android?: { strict_min_version?: string };
  };
  [key: string]: unknown;
}

function readManifest(dir: string): Manifest {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The permissions the README's "Permissions" table documents: the back-quoted entries of its first column. */
function documentedPermissions(): { permissions: string[]; hosts: string[] } {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split(/^## Permissions\s*$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('README.md has no "## Permissions" section');
  const rows = section.split('\n').filter((line) => line.startsWith('|')).slice(2); // header and |---|
  const entries = rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
  return {
    permissions: entries.filter((entry) => !entry.includes('://')).sort(),
    hosts: entries.filter((entry) => entry.includes('://')).sort(),
  };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function englishMessage(key: string): string | undefined {
  const messages = JSON.parse(readFileSync(path.join(BUILDS.chrome, '_locales/en/messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
  return messages[key]?.message;
}

describe.each(Object.entries(BUILDS))('%s manifest', (browser, dir) => {
  const manifest = readManifest(dir);

  test('takes over no browser page and adds no key nobody reviewed', () => {
    expect(manifest).not.toHaveProperty('chrome_url_overrides');
    expect(manifest).not.toHaveProperty('chrome_settings_overrides');
    const extra = browser === 'firefox' ? ['browser_specific_settings'] : [];
    expect(Object.keys(manifest).sort()).toEqual([...REVIEWED_KEYS, ...extra].sort());
  });

  test('asks for exactly the permissions the README documents', () => {
    const documented = documentedPermissions();
    expect(documented.permissions.length).toBeGreaterThan(0);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(documented.permissions);
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual(documented.hosts);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  test('runs its content script only where it has host access', () => {
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
    expect(matches.length).toBeGreaterThan(0);
    for (const pattern of matches) expect(manifest.host_permissions).toContain(pattern);
  });

  test('has its own icon in every size, in the toolbar too', () => {
    for (const icons of [manifest.icons, manifest.action?.default_icon]) {
      expect(Object.keys(icons ?? {}).sort()).toEqual([...ICON_SIZES].sort());
      for (const [size, file] of Object.entries(icons ?? {})) {
        expect(pngSize(path.join(dir, file))).toEqual({ width: Number(size), height: Number(size) });
      }
    }
  });

  test('shows a translated name and tooltip, and opens the popup from the toolbar', () => {
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    expect(manifest.action?.default_title).toBe('__MSG_extName__');
    expect(englishMessage('extName')).toBe('Objector');
    expect(manifest.action?.default_popup).toBe('popup.html');
    expect(existsSync(path.join(dir, 'objections.html'))).toBe(true);
  });

  test('is Manifest V3 with a background the browser may stop when idle', () => {
    expect(manifest.manifest_version).toBe(3);
    if (browser === 'chrome') expect(manifest.background?.service_worker).toBe('background.js');
    // Firefox has no extension service workers: MV3 there is an event page (never `persistent: true`).
    else expect(manifest.background).toEqual({ scripts: ['background.js'] });
  });
});

test('the Firefox build declares its id, that it collects no data, and the versions that understand that', () => {
  const settings = readManifest(BUILDS.firefox).browser_specific_settings;
  expect(settings?.gecko?.id).toBe('objector@objector.invalid');
  expect(settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  expect(settings?.gecko?.strict_min_version).toBe('140.0');
  expect(settings?.gecko_android?.strict_min_version).toBe('142.0');
  expect(readManifest(BUILDS.chrome).browser_specific_settings).toBeUndefined();
});
