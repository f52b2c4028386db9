import { DATA_VERSION } from '../storage/version';
import { migrate } from '../storage/migrations';
import type { HistoryDoc } from './schema';

/*
 * How the history lies in `storage.local`: one key per account, so that a change writes only what changed.
 *
 *   history-accounts    {version, accounts}: the accounts, as one JSON text (the head)
 *   history/<account>   that account's entries, a JSON list as one text (a part)
 *   history             the whole history as one value, as Objector stored it before (legacy: still read,
 *                       merged, and removed by the background's next write)
 *
 * Why: Chromium hands every change of `storage.local`, old and new value, to every context that listens, and
 * writes it as JSON; with one value for the whole history, adding one entry or importing 5,000 meant writing
 * (and passing around) every entry already stored. A text per account keeps what the earlier single text
 * gained (one string is converted far faster than thousands of objects) and an import now writes only the
 * accounts it adds to.
 *
 * A value that is no longer needed (a deleted account's part, the legacy value) is emptied in the same atomic
 * `set` as the rest of the change (an empty text reads as nothing), then removed: a removal that did not
 * happen can never bring deleted entries back. Every part counts, whatever the head says, so that a damaged
 * head loses no entry. This module only arranges values; every record is checked by the readers in store.ts.
 */

export const LEGACY_KEY = 'history';
export const HEAD_KEY = 'history-accounts';
export const PART_PREFIX = 'history/';

/** What a value no longer needed is set to before it is removed (see above). */
export const EMPTIED = '';

/** Whether a `storage.local` key holds (part of) the history. */
export function isHistoryKey(key: string): boolean {
  return key === HEAD_KEY || key.startsWith(PART_PREFIX) || key === LEGACY_KEY;
}

export const partKey = (accountKey: string): string => PART_PREFIX + accountKey;

/** The history's values out of a `storage.local.get(null)` result (or a change event's new values). */
export function historyValues(items: Record<string, unknown>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(items)) if (isHistoryKey(key) && value !== undefined) values.set(key, value);
  return values;
}

export type Decoded = { ok: true; value: unknown } | { ok: false };
/** Turns a stored value into what it stands for (a JSON text is parsed); pages pass one that remembers. */
export type Decode = (key: string, raw: unknown) => Decoded;

export function decodeStored(raw: unknown): Decoded {
  if (typeof raw !== 'string') return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A `Decode` that parses each key's text once, as long as the text stays the same (pages keep one). */
export function rememberingDecode(): Decode {
  const memo = new Map<string, { raw: unknown; decoded: Decoded }>();
  return (key, raw) => {
    const known = memo.get(key);
    if (known && known.raw === raw) return known.decoded;
    const decoded = decodeStored(raw);
    memo.set(key, { raw, decoded });
    return decoded;
  };
}

export interface Assembled {
  /** The history as one document of the stored shape `{version, accounts, entries}`, records unchecked. */
  raw: unknown;
  /** Values that are not history at all (not JSON, not a list), kept whole to be set aside. */
  setAside: unknown[];
  /** Storage is not as the background would write it (legacy value, a part not listed, a damaged value). */
  stale: boolean;
}

/**
 * The stored values of the history put together as one document for the readers of store.ts, which check
 * each record. A head written by a newer Objector is passed on as it is (the readers refuse it). Never throws.
 */
export function assemble(values: ReadonlyMap<string, unknown>, decode: Decode = (_key, raw) => decodeStored(raw)): Assembled {
  const setAside: unknown[] = [];
  let stale = false;
  const accounts: unknown[] = [];
  const accountKeys = new Set<string>();
  const entries: unknown[] = [];
  const ids = new Set<string>();
  const addAccount = (account: unknown) => {
    const key = isObject(account) && typeof account.key === 'string' ? account.key : null;
    if (key !== null && accountKeys.has(key)) return;
    if (key !== null) accountKeys.add(key);
    accounts.push(account);
  };

  // The head: the accounts (with their labels).
  const head = values.get(HEAD_KEY);
  if (head !== undefined && head !== null && head !== EMPTIED) {
    const decoded = decode(HEAD_KEY, head);
    const migrated = decoded.ok ? migrate('history', decoded.value) : null;
    if (migrated && !migrated.ok) return { raw: decoded.ok ? decoded.value : null, setAside: [], stale: false };
    const value = migrated?.value;
    if (isObject(value) && Array.isArray(value.accounts)) {
      for (const account of value.accounts) addAccount(account);
      if (migrated!.from !== DATA_VERSION) stale = true;
    } else {
      setAside.push(decoded.ok ? decoded.value : head);
      stale = true;
    }
  }

  for (const [key, raw] of values) {
    if (!key.startsWith(PART_PREFIX)) continue;
    if (raw === null || raw === EMPTIED) {
      stale = true;
      continue;
    }
    const accountKey = key.slice(PART_PREFIX.length);
    const decoded = decode(key, raw);
    if (!decoded.ok || !Array.isArray(decoded.value)) {
      setAside.push(decoded.ok ? decoded.value : raw);
      stale = true;
      continue;
    }
    for (const entry of decoded.value) {
      // An entry filed under another account's key is out of place: set aside, never moved silently.
      if (!isObject(entry) || entry.accountKey !== accountKey) {
        setAside.push(entry);
        stale = true;
        continue;
      }
      if (typeof entry.id === 'string') ids.add(entry.id);
      entries.push(entry);
    }
  }

  // What an earlier Objector stored as one value: merged in; what the parts already hold is newer.
  const legacy = values.get(LEGACY_KEY);
  if (legacy !== undefined) stale = true;
  if (legacy !== undefined && legacy !== null && legacy !== EMPTIED) {
    const decoded = decode(LEGACY_KEY, legacy);
    const migrated = decoded.ok ? migrate('history', decoded.value) : null;
    if (migrated && !migrated.ok) return { raw: decoded.ok ? decoded.value : null, setAside: [], stale: false };
    const value = migrated?.value;
    if (isObject(value) && Array.isArray(value.accounts) && Array.isArray(value.entries)) {
      for (const account of value.accounts) addAccount(account);
      for (const entry of value.entries) if (!(isObject(entry) && typeof entry.id === 'string' && ids.has(entry.id))) entries.push(entry);
    } else setAside.push(decoded.ok ? decoded.value : legacy);
  }

  return { raw: { version: DATA_VERSION, accounts, entries }, setAside, stale };
}

/** The values the background stores for `doc`: the head and one part per account with entries. */
export function layOut(doc: HistoryDoc): Map<string, string> {
  const byAccount = new Map<string, unknown[]>();
  for (const entry of doc.entries) {
    const list = byAccount.get(entry.accountKey);
    if (list) list.push(entry);
    else byAccount.set(entry.accountKey, [entry]);
  }
  const values = new Map<string, string>([[HEAD_KEY, JSON.stringify({ version: DATA_VERSION, accounts: [...doc.accounts.values()] })]]);
  for (const [accountKey, list] of byAccount) {
    values.set(partKey(accountKey), JSON.stringify(list));
  }
  return values;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
