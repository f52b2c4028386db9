import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { REASON_IDS, type ReasonId } from '../reasons/catalogue';
import { OWN_WORDS_MAX } from '../reasons/compose';
import { EEA_COUNTRIES } from './countries';
import { migrate } from '../storage/migrations';
import { DATA_VERSION } from '../storage/version';
import { enqueueWrite } from '../storage/queue';

/**
 * Chosen before the user opens the popup, so that the first Autofill already says something sound: reasons that
 * fit most people's own situation (art. 21(1) GDPR), not the general "I was never asked".
 */
export const DEFAULT_REASON_IDS: ReasonId[] = ['old-posts', 'third-parties', 'irreversible'];

export const settingsSchema = z.object({
  /** Unknown ids (from another version of the catalogue) are dropped, the known ones kept. */
  reasonIds: z.pipe(
    z.array(z.string()),
    z.transform((ids) => REASON_IDS.filter((id) => ids.includes(id))),
  ),
  ownWords: z.string().check(z.maxLength(OWN_WORDS_MAX)),
  email: z.union([z.literal(''), z.email().check(z.maxLength(254))]),
  country: z.union([z.literal(''), z.enum(EEA_COUNTRIES)]),
  /** The toolbar badge for a logged-in account without objection; on unless the user switched it off. */
  reminder: z._default(z.boolean(), true),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  reasonIds: DEFAULT_REASON_IDS,
  ownWords: '',
  email: '',
  country: '',
  reminder: true,
};

/**
 * The user's choices. `sync:` so that they follow the user to their other browsers (they are small).
 * Stored with the one data version (storage/version.ts); older shapes are read through the one migration
 * chain, and written back migrated only by the background (`repairSettings`).
 */
export const settingsItem = storage.defineItem<unknown>('sync:settings', { fallback: null });

/** Where a stored value that could not be read is kept, so that nothing the user wrote is lost. */
const unreadableItem = storage.defineItem<unknown>('local:settings-unreadable', { fallback: null });

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored value was unreadable and the defaults were used instead. */
  recovered: boolean;
}

export async function loadSettings(): Promise<LoadedSettings> {
  const stored = (await settingsItem.getValue()) ?? DEFAULT_SETTINGS;
  const migrated = migrate('settings', stored);
  const raw = migrated.ok ? migrated.value : stored;
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, recovered: false };
  // Keep what we could read: a damaged e-mail should not throw away the chosen reasons.
  const partial = salvage(raw);
  await unreadableItem.setValue(stored);
  return { settings: partial, recovered: true };
}

/** Accepts settings written before a field existed (e.g. `reminder`); the schema fills in its default. */
export async function saveSettings(settings: z.input<typeof settingsSchema>): Promise<void> {
  await settingsItem.setValue({ ...settingsSchema.parse(settings), version: DATA_VERSION });
}

/** Background only, through the write queue: stored settings of an older version are written back migrated. */
export function repairSettings(): Promise<void> {
  return enqueueWrite(async () => {
    const stored = await settingsItem.getValue();
    if (stored === null || stored === undefined) return;
    const migrated = migrate('settings', stored);
    if (migrated.ok && migrated.from < DATA_VERSION && typeof migrated.value === 'object') {
      await settingsItem.setValue(migrated.value);
    }
  });
}

/** Field by field: every field that is valid on its own survives, the others get their defaults. */
export function salvage(raw: unknown): Settings {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    const field = settingsSchema.shape[key].safeParse(source[key]);
    out[key] = field.success ? field.data : DEFAULT_SETTINGS[key];
  }
  return out as Settings;
}
