import { browser } from 'wxt/browser';
import { HANDOFF_PREFIX, handoffKey } from '../forms/outbox';
import { handoffReportSchema, type HandoffReport } from './protocol';

/*
 * The background's side of the engine's handoff (src/forms/outbox.ts, README "durable delivery"): reports the
 * engine wrote to `storage.local` and that no acknowledged message has taken back yet. Read when the worker
 * starts and whenever such a key is written, each validated like the message it copies and applied through
 * the same code (handle.ts, `applyHandedOff`), which is idempotent: a report that also arrived as a message
 * changes nothing the second time.
 */

/** Where values found under a handoff key that are not a report are kept (the last few), for a report. */
export const HANDOFF_SET_ASIDE_KEY = 'outbox-set-aside';
const SET_ASIDE_KEEP = 20;

/**
 * Applies one report: 'done' when it is stored or refused for good (it is then removed), 'retry' when
 * storage failed (it stays for the next drain: the next start or the next report).
 */
export type ApplyHandedOff = (report: HandoffReport) => Promise<'done' | 'retry'>;

let draining: Promise<void> = Promise.resolve();

/**
 * Applies every handed-off report, one drain after the other; never rejects. `fresh`: the keys are read from
 * storage even where they are otherwise followed (below), for a caller that must see a report whose change
 * event may not have reached the background yet.
 */
export function drainHandoff(apply: ApplyHandedOff, { fresh = false }: { fresh?: boolean } = {}): Promise<void> {
  const run = draining.then(() => drainOnce(apply, fresh));
  draining = run.catch(() => undefined);
  return draining;
}

/**
 * Where the browser cannot list keys (Firefox 140–142, no `storage.local.getKeys`): the handoff keys this
 * worker knows of, from one read of everything stored at its first drain, kept current by the changes it
 * sees (`trackHandoffKeys`) and by its own removals. Null until that first read. So the history (megabytes
 * when large) is read once per worker start, not on every Send.
 */
let known: Set<string> | null = null;
/** Handoff keys written while that first read ran: its snapshot may have been taken before them. */
let writtenMeanwhile: Set<string> | null = null;

/** Follows `storage.local` changes for the handoff keys (wired to `storage.local.onChanged`). */
export function trackHandoffKeys(changes: Record<string, { newValue?: unknown }>): void {
  for (const [key, change] of Object.entries(changes)) {
    if (!key.startsWith(HANDOFF_PREFIX)) continue;
    if (change.newValue === undefined) {
      known?.delete(key);
    } else {
      known?.add(key);
      writtenMeanwhile?.add(key);
    }
  }
}

/** Whether a change of `storage.local` wrote a handed-off report (removals are the drain's own). */
export function wroteHandoff(changes: Record<string, { newValue?: unknown }>): boolean {
  return Object.entries(changes).some(([key, change]) => key.startsWith(HANDOFF_PREFIX) && change.newValue !== undefined);
}

async function drainOnce(apply: ApplyHandedOff, fresh: boolean): Promise<void> {
  const keys = (await storedKeys(fresh)).filter((key) => key.startsWith(HANDOFF_PREFIX));
  if (keys.length === 0) return;
  const values: Record<string, unknown> = await browser.storage.local.get(keys);
  const reports: Array<{ key: string; report: HandoffReport }> = [];
  const damaged: Array<{ key: string; value: unknown }> = [];
  for (const key of keys) {
    if (!(key in values)) {
      known?.delete(key);
      continue;
    }
    const parsed = handoffReportSchema.safeParse(values[key]);
    // A report stored under another report's key would let one Send's key carry another's data.
    if (parsed.success && handoffKey(parsed.data) === key) reports.push({ key, report: parsed.data });
    else damaged.push({ key, value: values[key] });
  }
  if (damaged.length > 0) await setAside(damaged);
  // The submission before Meta's answer to it; answers in the order Meta gave them.
  reports.sort((a, b) => rank(a.report) - rank(b.report) || at(a.report).localeCompare(at(b.report)));
  const done: string[] = [];
  /** Submissions not stored this time: Meta's answers to them wait with them (else they find no entry). */
  const waiting = new Set<string>();
  for (const { key, report } of reports) {
    if (report.type === 'status' && waiting.has(report.id)) continue;
    if ((await apply(report).catch(() => 'retry' as const)) === 'done') done.push(key);
    else if (report.type === 'submitted') waiting.add(report.submission.id);
  }
  if (done.length > 0) await removeKeys(done);
}

async function removeKeys(keys: string[]): Promise<void> {
  await browser.storage.local.remove(keys);
  for (const key of keys) known?.delete(key);
}

const rank = (report: HandoffReport) => (report.type === 'submitted' ? 0 : 1);
const at = (report: HandoffReport) => (report.type === 'submitted' ? report.submission.at : report.at);

/**
 * The handoff keys stored: listed where the browser can (Chrome 130+, Firefox 143+), so the history is not
 * read for them; elsewhere read once, then followed (`known` above).
 */
async function storedKeys(fresh: boolean): Promise<string[]> {
  const local = browser.storage.local as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
  if (typeof local.getKeys === 'function') return local.getKeys();
  if (known && !fresh) return [...known];
  writtenMeanwhile = new Set();
  try {
    const listed = Object.keys(await local.get(null)).filter((key) => key.startsWith(HANDOFF_PREFIX));
    known = new Set([...listed, ...writtenMeanwhile]);
  } finally {
    writtenMeanwhile = null;
  }
  return [...known];
}

/** Moves values that are not reports out of the way (the last few kept, for a problem report); never throws. */
async function setAside(damaged: Array<{ key: string; value: unknown }>): Promise<void> {
  console.warn(`Objector set aside ${damaged.length} handed-off value(s) that are not reports:`, damaged.map((d) => d.key));
  try {
    const stored = (await browser.storage.local.get(HANDOFF_SET_ASIDE_KEY))[HANDOFF_SET_ASIDE_KEY];
    const before = Array.isArray(stored) ? stored : [];
    const records = damaged.map(({ key, value }) => ({ key: key.slice(0, 200), value: preview(value) }));
    await browser.storage.local.set({ [HANDOFF_SET_ASIDE_KEY]: [...before, ...records].slice(-SET_ASIDE_KEEP) });
  } catch {
    // Storage full: the values are removed all the same; they were never reports.
  }
  await removeKeys(damaged.map((d) => d.key));
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.slice(0, 2000);
}
