import { DATA_VERSION } from './version';

/*
 * The one migration chain of stored and exported data. Step N turns version N into N+1, for each kind of
 * document. The export file is a history document with a header (`format`, `exportedAt`), so it takes the
 * history's step: an export can be imported by every later version. Steps are pure and never throw: what
 * they cannot make sense of they pass on, and the schema of the current version sets it aside.
 *
 * Stored data is migrated only by the background, inside its write queue (see persist.ts); pages read
 * older data through the same steps in memory, without writing.
 */

export type DocumentKind = 'history' | 'settings';

type Step = Record<DocumentKind, (doc: Record<string, unknown>) => Record<string, unknown>>;

/** STEPS[i] turns version i+1 into version i+2. */
const STEPS: Step[] = [
  {
    // v1 kept accounts in an object keyed by account key (a key like `__proto__` then meant a prototype);
    // v2 keeps them in a list, and every document says its version.
    history: ({ accounts, ...rest }) => ({
      ...rest,
      version: 2,
      accounts: isRecord(accounts) ? Object.values(accounts) : accounts,
    }),
    settings: (settings) => ({ ...settings, version: 2 }),
  },
];

if (STEPS.length !== DATA_VERSION - 1) throw new Error('A migration step is missing for DATA_VERSION');

export type Migrated =
  | { ok: true; value: unknown; from: number }
  /** Written by a newer Objector: not readable here, and not to be overwritten. */
  | { ok: false; version: number };

/** The version a document says it has; documents from before versions were written are version 1. */
export function versionOf(raw: unknown): number {
  if (!isRecord(raw)) return 1;
  const version = raw.version;
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 1 ? version : 1;
}

/** Brings a document of any earlier version to the current one; anything not an object passes unchanged. */
export function migrate(kind: DocumentKind, raw: unknown): Migrated {
  const from = versionOf(raw);
  if (from > DATA_VERSION) return { ok: false, version: from };
  if (!isRecord(raw)) return { ok: true, value: raw, from };
  let doc: Record<string, unknown> = raw;
  for (let version = from; version < DATA_VERSION; version++) doc = STEPS[version - 1]![kind](doc);
  return { ok: true, value: doc, from };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
