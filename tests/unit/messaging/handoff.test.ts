import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyHandedOff, handleMessage, type Sender } from '@/src/messaging/handle';
import { drainHandoff, HANDOFF_SET_ASIDE_KEY, wroteHandoff } from '@/src/messaging/handoff';
import { handoffKey, type HandedOffReport, type Report } from '@/src/forms/outbox';
import { loadHistory } from '@/src/history/persist';
import { report } from '../history/helpers';
import type { Outcome } from '@/src/domain/status';

/*
 * Reports the engine handed off in storage.local (src/forms/outbox.ts) because its page may be gone before
 * their messages are delivered: the background applies them as it would the messages, once, and nothing
 * else found under those keys changes anything.
 */

const ID = fakeBrowser.runtime.id;
const TAB: Sender = { id: ID, url: 'https://www.facebook.com/help/contact/712876720715583', frameId: 0, tab: { id: 12, url: 'https://www.facebook.com/help/contact/712876720715583' } };

const submitted = (over: Parameters<typeof report>[0] = {}): Report => ({ type: 'submitted', submission: report(over) });
const answer = (status: Outcome, at = '2025-06-02T09:30:04.000Z', id = 'submission-0001'): Report => ({ type: 'status', id, status, at });

async function handOff(...reports: HandedOffReport[]): Promise<void> {
  await fakeBrowser.storage.local.set(Object.fromEntries(reports.map((r) => [handoffKey(r), r])));
}
const handoffKeys = async () => Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('outbox:'));
const entries = async () => (await loadHistory()).doc.entries;
const drain = () => drainHandoff(applyHandedOff);

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.cookies, 'get').mockResolvedValue(null as never);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // The fake browser lacks getKeys (Chrome 130+, Firefox 143+): the same keys, listed from everything stored.
  vi.spyOn(fakeBrowser.storage.local, 'getKeys').mockImplementation(async () => Object.keys(await fakeBrowser.storage.local.get(null)));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('handoff: reports whose page was left before delivery', () => {
  it("a Send and Meta's confirmation that never arrived as messages: the entry is made and Confirmed, and the keys are gone", async () => {
    await handOff(answer('confirmed'), submitted());
    await drain();
    const [entry, ...more] = await entries();
    expect(more).toHaveLength(0);
    expect(entry!.status).toBe('confirmed');
    expect(entry!.statusLog).toEqual([
      { status: 'submitted', at: '2025-06-02T09:30:00.000Z' },
      { status: 'confirmed', at: '2025-06-02T09:30:04.000Z' },
    ]);
    expect(await handoffKeys()).toEqual([]);
  });

  it('idempotent: reports that also arrived as messages, or are drained twice, change nothing more', async () => {
    await handleMessage({ type: 'submitted', submission: report() }, TAB);
    await handleMessage({ type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:30:04.000Z' }, TAB);
    const once = await entries();
    await handOff(submitted(), answer('confirmed'));
    await drain();
    await handOff(submitted(), answer('confirmed'), answer('failed', '2025-06-02T09:31:00.000Z'));
    await drain();
    expect(await entries()).toEqual(once);
    expect(await handoffKeys()).toEqual([]);
  });

  it('reports their messages already applied cost no cookie read and no write (the usual case: the drain runs on each Send)', async () => {
    await handleMessage({ type: 'submitted', submission: report() }, TAB);
    await handleMessage({ type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:30:04.000Z' }, TAB);
    const cookies = vi.mocked(fakeBrowser.cookies.get);
    cookies.mockClear();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await handOff(submitted(), answer('confirmed'));
    set.mockClear();
    await drain();
    expect(cookies).not.toHaveBeenCalled();
    expect(set).not.toHaveBeenCalled();
    expect(await handoffKeys()).toEqual([]);
  });

  it('Meta\'s answer handed off after its submission was stored by message: only the answer is applied', async () => {
    await handleMessage({ type: 'submitted', submission: report() }, TAB);
    await handOff(answer('confirmed'));
    await drain();
    expect((await entries())[0]!.status).toBe('confirmed');
    // The reload of the form no longer waits for an answer already stored.
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual({ id: null, saveFailed: null, tabId: 12 });
  });

  it('a Send handed off with its tab, its message lost in the reload of a form that posts: the reloaded page finds it waiting', async () => {
    await handOff({ ...submitted(), tabId: 12 });
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual({ id: 'submission-0001', saveFailed: null, tabId: 12 });
    expect(await entries()).toHaveLength(1);
    expect(await handoffKeys()).toEqual([]);
    // Another tab's reload finds nothing of it.
    await handOff({ ...submitted({ id: 'submission-0002' }), tabId: 12 });
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, { ...TAB, tab: { id: 13, url: TAB.url } })).toEqual({ id: null, saveFailed: null, tabId: 13 });
  });

  it("storage failing: a Send is final as for its message (its tab told once, nothing stored later); Meta's answer stays for the next drain", async () => {
    await handOff({ ...submitted(), tabId: 12 }, answer('confirmed'));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await drain();
    // The message of the same Send fails too: the tab is still told once.
    expect(await handleMessage({ type: 'submitted', submission: report() }, TAB)).toEqual({ error: 'storage-full', problem: { code: 'storage-full' } });
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual({ id: null, saveFailed: 'storage-full', tabId: 12 });
    // Handed off again (a page that kept it), it fails again: not told a second time.
    set.mockRestore();
    await handOff({ ...submitted(), tabId: 12 });
    const full = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await drain();
    expect(await handleMessage({ type: 'pending', formId: '712876720715583' }, TAB)).toEqual({ id: null, saveFailed: null, tabId: 12 });
    full.mockRestore();
    await drain();
    expect(await entries()).toEqual([]);
    expect(await handoffKeys()).toEqual([]);
  });

  it("Meta's answer whose write fails stays handed off, and applies at the next drain", async () => {
    await handleMessage({ type: 'submitted', submission: report() }, TAB);
    await handOff(answer('confirmed'));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('IO error'));
    await drain();
    expect(await handoffKeys()).toHaveLength(1);
    set.mockRestore();
    await drain();
    expect((await entries())[0]!.status).toBe('confirmed');
    expect(await handoffKeys()).toEqual([]);
  });

  it('only writes of reports start a drain, not their removal or other keys', () => {
    expect(wroteHandoff({ 'outbox:submission-0001:submitted': { newValue: submitted() } })).toBe(true);
    expect(wroteHandoff({ 'outbox:submission-0001:submitted': {} })).toBe(false);
    expect(wroteHandoff({ history: { newValue: '{}' } })).toBe(false);
  });
});

describe('handoff, hostile: nothing but a report of one of Objector\'s forms changes anything', () => {
  async function withOneEntry() {
    await handleMessage({ type: 'submitted', submission: report() }, TAB);
    return entries();
  }

  it.each([
    ['not an object', 'outbox:submission-0001:submitted', 'confirmed'],
    ['a status that does not exist', 'outbox:submission-0001:status:confirmed', { type: 'status', id: 'submission-0001', status: 'verified', at: '2025-06-02T09:31:00.000Z' }],
    ['a submission without its text', 'outbox:submission-0002:submitted', { type: 'submitted', submission: { ...report({ id: 'submission-0002' }), text: undefined } }],
    ['a message type that is not a report', 'outbox:x', { type: 'history:delete-account', accountKey: 'facebook:unknown:me@example.org' }],
    // One Send's key carrying another's report (or another outcome) would let it overwrite that report.
    ['a report under another report\'s key', 'outbox:submission-0002:status:confirmed', answer('confirmed')],
    ['an outcome under the other outcome\'s key', 'outbox:submission-0001:status:failed', answer('confirmed')],
    ['a tab that is no tab', 'outbox:submission-0002:submitted', { ...submitted({ id: 'submission-0002' }), tabId: -1 }],
    ['a __proto__ key', 'outbox:__proto__', { type: 'status', id: '__proto__', status: 'confirmed', at: '2025-06-02T09:31:00.000Z' }],
  ])('%s: set aside (kept for a report), removed, and the history unchanged', async (_name, key, value) => {
    const before = await withOneEntry();
    await fakeBrowser.storage.local.set({ [key]: value });
    await drain();
    expect(await entries()).toEqual(before);
    expect(await handoffKeys()).toEqual([]);
    const aside = (await fakeBrowser.storage.local.get(HANDOFF_SET_ASIDE_KEY))[HANDOFF_SET_ASIDE_KEY];
    expect(aside).toEqual([{ key, value: JSON.stringify(value) }]);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });

  it.each([
    ['a page that is not an objection form', 'https://www.facebook.com/settings'],
    ['a host where Meta serves no form', 'https://developers.facebook.com/help/contact/712876720715583'],
    ['plain http', 'http://www.facebook.com/help/contact/712876720715583'],
    ["another platform's form", 'https://help.instagram.com/contact/767264225370182'],
    ['another form of the same platform', 'https://www.facebook.com/help/contact/510058597920541'],
  ])('a submission from %s is refused and removed: no entry', async (_name, url) => {
    await handOff(submitted({ id: 'submission-0002', url }));
    await drain();
    expect(await entries()).toEqual([]);
    expect(await handoffKeys()).toEqual([]);
  });

  it('an answer to a submission the history does not have changes nothing and is removed', async () => {
    const before = await withOneEntry();
    await handOff(answer('confirmed', '2025-06-02T09:31:00.000Z', 'submission-9999'));
    await drain();
    expect(await entries()).toEqual(before);
    expect(await handoffKeys()).toEqual([]);
  });

  it('a set-aside list of the wrong shape is replaced, and writes go on', async () => {
    await fakeBrowser.storage.local.set({ [HANDOFF_SET_ASIDE_KEY]: 'damaged', 'outbox:bad': 1 });
    await handOff(submitted());
    await drain();
    expect(await entries()).toHaveLength(1);
    expect((await fakeBrowser.storage.local.get(HANDOFF_SET_ASIDE_KEY))[HANDOFF_SET_ASIDE_KEY]).toEqual([{ key: 'outbox:bad', value: '1' }]);
  });
});

describe('handoff where the browser cannot list keys (Firefox 140–142)', () => {
  const withGetKeys = Object.getOwnPropertyDescriptor(fakeBrowser.storage.local, 'getKeys')!;
  afterEach(() => {
    Object.defineProperty(fakeBrowser.storage.local, 'getKeys', withGetKeys);
  });

  /** A fresh worker's modules (it knows no keys yet), on a storage.local without getKeys. */
  async function freshWorker() {
    vi.resetModules();
    Object.defineProperty(fakeBrowser.storage.local, 'getKeys', { value: undefined, configurable: true, writable: true });
    const handoff = await import('@/src/messaging/handoff');
    const handle = await import('@/src/messaging/handle');
    fakeBrowser.storage.local.onChanged.addListener(handoff.trackHandoffKeys);
    return {
      drain: (fresh = false) => handoff.drainHandoff(handle.applyHandedOff, { fresh }),
      send: (message: unknown) => handle.handleMessage(message, TAB),
      stopFollowing: () => fakeBrowser.storage.local.onChanged.removeListener(handoff.trackHandoffKeys),
    };
  }
  const readsOfEverything = (get: { mock: { calls: unknown[][] } }) => get.mock.calls.filter(([keys]) => keys === null).length;

  it('on each Send (its message already applied), everything stored is read once per worker start, not each time', async () => {
    const worker = await freshWorker();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    for (const [n, day] of [[1, '02'], [2, '03'], [3, '04']] as const) {
      const submission = report({ id: `submission-000${n}`, at: `2025-06-${day}T09:30:00.000Z` });
      await worker.send({ type: 'submitted', submission });
      await handOff({ type: 'submitted', submission });
      get.mockClear();
      await worker.drain();
      expect(readsOfEverything(get), `Send ${n}`).toBe(n === 1 ? 1 : 0);
      expect(await handoffKeys()).toEqual([]);
    }
    expect(await entries()).toHaveLength(3);
  });

  it('reports stored before the worker started, and those written after its first read, are all applied', async () => {
    await handOff(submitted());
    const worker = await freshWorker();
    await worker.drain();
    expect((await entries())[0]!.status).toBe('submitted');
    await handOff(answer('confirmed'));
    await worker.drain();
    expect((await entries())[0]!.status).toBe('confirmed');
    expect(await handoffKeys()).toEqual([]);
  });

  it('a report written while the first read of everything is under way is applied by that same drain', async () => {
    const worker = await freshWorker();
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let written = false;
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys?: unknown) => {
      const snapshot = await get(keys as null);
      // The engine writes its report after the snapshot was taken, before the answer arrives.
      if (keys === null && !written) {
        written = true;
        await handOff(submitted());
      }
      return snapshot;
    });
    await worker.drain();
    expect(await entries()).toHaveLength(1);
    expect(await handoffKeys()).toEqual([]);
  });

  it('a first read that fails is tried again by the next drain', async () => {
    await handOff(submitted());
    const worker = await freshWorker();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage busy'));
    await worker.drain();
    expect(await entries()).toHaveLength(0);
    await worker.drain();
    expect(await entries()).toHaveLength(1);
  });

  it('a fresh drain (the pending answer on a reloaded form) finds a report whose change it has not seen', async () => {
    const worker = await freshWorker();
    await worker.drain();
    worker.stopFollowing();
    await handOff(submitted());
    await worker.drain();
    expect(await entries()).toHaveLength(0);
    await worker.drain(true);
    expect(await entries()).toHaveLength(1);
    expect(await handoffKeys()).toEqual([]);
  });
});
