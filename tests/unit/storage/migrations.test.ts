import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrate, versionOf } from '@/src/storage/migrations';
import { DATA_VERSION } from '@/src/storage/version';
import { repairStoredData } from '@/src/storage/repair';
import { loadHistory } from '@/src/history/persist';
import { parseImport, toExportFile } from '@/src/history/exchange';
import { loadSettings } from '@/src/settings/settings';
import { storedHistory } from '../history/helpers';

interface Fixture {
  local: Record<string, unknown>;
  sync: Record<string, unknown>;
  export: unknown;
}

const DIR = resolve(__dirname, '../../fixtures/storage');
const fixtures = readdirSync(DIR)
  .filter((name) => /^v\d+\.json$/.test(name))
  .map((name) => [Number(name.slice(1, -5)), JSON.parse(readFileSync(resolve(DIR, name), 'utf8')) as Fixture] as const)
  .sort((a, b) => a[0] - b[0]);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('one version, one migration chain', () => {
  it('there is a fixture for every past version', () => {
    expect(fixtures.map(([version]) => version)).toEqual(Array.from({ length: DATA_VERSION - 1 }, (_, i) => i + 1));
  });

  it.each(fixtures)('version %i: stored history and settings read as the current version, and the background writes them back', async (version, fixture) => {
    await fakeBrowser.storage.local.set(fixture.local);
    await fakeBrowser.storage.sync.set(fixture.sync);
    const before = await loadHistory();
    expect(before.setAside).toEqual([]);
    expect(before.stale).toBe(version !== DATA_VERSION);
    expect(before.doc.entries.length).toBeGreaterThan(0);
    const settings = await loadSettings();
    expect(settings.recovered).toBe(false);

    await repairStoredData();
    const history = (await storedHistory()) as { version: number };
    expect(history.version).toBe(DATA_VERSION);
    expect(((await fakeBrowser.storage.sync.get('settings')).settings as { version: number }).version).toBe(DATA_VERSION);
    const after = await loadHistory();
    expect(after.doc).toEqual(before.doc);
    expect(after.stale).toBe(false);
    expect(await loadSettings()).toEqual(settings);
  });

  it.each(fixtures)('version %i: its export imports into this version, with the same records as its stored history', async (_version, fixture) => {
    await fakeBrowser.storage.local.set(fixture.local);
    const { doc } = await loadHistory();
    const parsed = parseImport(JSON.stringify(fixture.export));
    if (!parsed.ok) throw new Error(parsed.problem.code);
    expect(parsed.file).toEqual({ ...toExportFile(doc, new Date(parsed.file.exportedAt)) });
  });

  it('data of a newer version is recognised and not migrated', () => {
    expect(migrate('history', { version: DATA_VERSION + 1, accounts: [] })).toEqual({ ok: false, version: DATA_VERSION + 1 });
  });

  it.each([[null], ['text'], [[1, 2]], [{ version: 'two' }], [{ version: -3 }], [{ version: 1.5 }]])(
    'a value without a usable version (%j) counts as version 1, and migrating it never throws',
    (raw) => {
      expect(versionOf(raw)).toBe(1);
      expect(() => migrate('history', raw)).not.toThrow();
      expect(() => migrate('settings', raw)).not.toThrow();
    },
  );
});
