import { describe, expect, it, vi } from 'vitest';
import { announcePage, startLoader, LOAD_ENGINE, LOAD_RETRIES, LOAD_RETRY_MS, PAGE_OPENED } from '@/src/loader/loader';
import { injectEngine, ENGINE_FILE, type InjectionTarget } from '@/src/loader/inject';

const FEED = 'https://www.facebook.com/';
const FORM = 'https://www.facebook.com/help/contact/712876720715583';

/** A window whose URL the test changes the way in-app navigation does (Navigation API event). */
function fakeWindow(href: string) {
  const events = new EventTarget();
  const navigation = new EventTarget();
  /** The window's timers, run by the test (`runTimers`): no time passes. */
  const timers: Array<{ run: () => void; ms: number }> = [];
  const win = {
    location: { href },
    navigation,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    setInterval: () => 1,
    clearInterval: () => undefined,
    setTimeout: (run: () => void, ms: number) => timers.push({ run, ms }),
  };
  const go = (to: string) => {
    win.location.href = to;
    navigation.dispatchEvent(new Event('currententrychange'));
  };
  /** Runs the timers set so far; returns their delays. */
  const runTimers = () => timers.splice(0).map(({ run, ms }) => (run(), ms));
  return { win: win as unknown as Window, go, runTimers };
}

const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => Promise.resolve());

describe('announcing a page for the reminder badge', () => {
  it.each([
    ['https://www.facebook.com/', 1],
    ['https://help.instagram.com/contact/767264225370182', 1],
    ['https://developers.facebook.com/docs/', 0],
    ['http://www.facebook.com/', 0],
  ])('%s: %i message', (href, count) => {
    const send = vi.fn(async () => ({ ok: true }));
    announcePage(fakeWindow(href).win, send);
    expect(send).toHaveBeenCalledTimes(count);
    if (count) expect(send).toHaveBeenCalledWith({ type: PAGE_OPENED });
  });
});

describe('loader', () => {
  it('asks for nothing on a page that is not a form', () => {
    const send = vi.fn(async () => ({ ok: true }));
    const { win, go } = fakeWindow(FEED);
    startLoader(win, send);
    go('https://www.facebook.com/groups/123');
    go('https://developers.facebook.com/help/contact/'); // no form id
    expect(send).not.toHaveBeenCalled();
  });

  it('asks once when in-app navigation reaches a form, and not again away and back', async () => {
    const send = vi.fn(async () => ({ ok: true }));
    const { win, go } = fakeWindow(FEED);
    startLoader(win, send);
    go(FORM);
    await settle();
    go(FEED);
    go(FORM);
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ type: LOAD_ENGINE });
  });

  it('asks at once on a page loaded on a form; a second form URL while the answer is on its way asks nothing', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const send = vi.fn(() => new Promise<unknown>((resolve) => (answer = resolve)));
    const { win, go } = fakeWindow(FORM);
    startLoader(win, send);
    go(FEED);
    go(FORM + '/');
    answer({ ok: true });
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('asks again on the next form URL when the background refused or failed', async () => {
    const send = vi.fn<() => Promise<unknown>>().mockRejectedValueOnce(new Error('worker updating')).mockResolvedValueOnce({ error: 'no' }).mockResolvedValue({ ok: true });
    const { win, go } = fakeWindow(FORM);
    startLoader(win, send);
    await settle();
    go(FEED);
    go(FORM);
    await settle();
    go(FEED);
    go(FORM);
    await settle();
    go(FEED);
    go(FORM);
    await settle();
    expect(send).toHaveBeenCalledTimes(3);
  });
});

describe('loader: a request the worker lost', () => {
  it('is sent again on the same form page, after growing pauses, a bounded number of times', async () => {
    const send = vi.fn<() => Promise<unknown>>().mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const { win, runTimers } = fakeWindow(FORM);
    startLoader(win, send);
    const pauses: number[] = [];
    for (let i = 0; i < LOAD_RETRIES + 2; i++) {
      await settle();
      pauses.push(...runTimers());
    }
    expect(send).toHaveBeenCalledTimes(1 + LOAD_RETRIES);
    expect(pauses).toEqual(Array.from({ length: LOAD_RETRIES }, (_, i) => LOAD_RETRY_MS * 2 ** i));
  });

  it('loads the engine once the restarted worker answers, and asks no more', async () => {
    const send = vi.fn<() => Promise<unknown>>().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('message port closed')).mockResolvedValue({ ok: true });
    const { win, runTimers } = fakeWindow(FORM);
    startLoader(win, send);
    for (let i = 0; i < 4; i++) {
      await settle();
      runTimers();
    }
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('a retry after the page left the form asks nothing', async () => {
    const send = vi.fn<() => Promise<unknown>>().mockRejectedValueOnce(new Error('lost')).mockResolvedValue({ ok: true });
    const { win, go, runTimers } = fakeWindow(FORM);
    startLoader(win, send);
    await settle();
    go(FEED);
    runTimers();
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('engine injection by the background', () => {
  const tab = { id: 7 };

  it('injects the engine file into the frame that asked, by document where the browser names it', async () => {
    const inject = vi.fn(async (_target: InjectionTarget, _files: [typeof ENGINE_FILE]) => []);
    expect(await injectEngine({ tab, frameId: 0, url: FORM }, inject)).toEqual({ ok: true });
    expect(inject).toHaveBeenLastCalledWith({ tabId: 7, frameIds: [0] }, ['/engine.js']);
    expect(await injectEngine({ tab, frameId: 0, documentId: 'doc-1', url: FORM }, inject)).toEqual({ ok: true });
    expect(inject).toHaveBeenLastCalledWith({ tabId: 7, documentIds: ['doc-1'] }, ['/engine.js']);
  });

  it.each([
    ['plain http', { tab, frameId: 0, url: 'http://www.facebook.com/help/contact/712876720715583' }],
    ['another site', { tab, frameId: 0, url: 'https://evil.example/help/contact/712876720715583' }],
    ['a look-alike host', { tab, frameId: 0, url: 'https://www.facebook.com.evil.example/' }],
    ['an odd port', { tab, frameId: 0, url: 'https://www.facebook.com:8443/help/contact/712876720715583' }],
    ['no tab (another extension page)', { frameId: 0, url: FORM }],
    ['no frame', { tab, url: FORM }],
    ['no URL', { tab, frameId: 0 }],
  ])('refuses %s and injects nothing', async (_name, sender) => {
    const inject = vi.fn(async () => []);
    expect(await injectEngine(sender, inject)).toHaveProperty('error');
    expect(inject).not.toHaveBeenCalled();
  });

  it('answers with an error, not ok, when the browser could not inject', async () => {
    const inject = vi.fn(async () => {
      throw new Error('Frame with ID 0 was removed.');
    });
    expect(await injectEngine({ tab, frameId: 0, url: FORM }, inject)).toEqual({ error: 'Frame with ID 0 was removed.' });
  });
});
