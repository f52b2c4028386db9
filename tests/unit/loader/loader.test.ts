import { describe, expect, it, vi } from 'vitest';
import { startLoader, LOAD_ENGINE, LOAD_RETRIES, LOAD_RETRY_MS, PAGE_OPENED } from '@/src/loader/loader';
import { watchUrl } from '@/src/forms/watch';
import { formRules } from '@/src/forms/rules/data';
import { formRulesSchema } from '@/src/forms/rules/schema';
import { injectEngine, ENGINE_FILE, type InjectionTarget } from '@/src/loader/inject';
import { CONTROL_SHOWN_CSS } from '@/src/loader/orphan';

const FEED = 'https://www.facebook.com/';
const FORM = 'https://www.facebook.com/help/contact/712876720715583';

/**
 * A window whose URL the test changes the way in-app navigation does (Navigation API event), or, without
 * the Navigation API, the way a poll would find it.
 */
function fakeWindow(href: string, { navigationApi = true } = {}) {
  const events = new EventTarget();
  const navigation = new EventTarget();
  const timers: Array<() => void> = [];
  /** The window's one-off timers, run by the test (`runTimeouts`): no time passes. */
  const timeouts: Array<{ run: () => void; ms: number }> = [];
  const win = {
    location: new URL(href),
    ...(navigationApi ? { navigation } : {}),
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    setInterval: (tick: () => void) => timers.push(tick),
    clearInterval: (id: number) => void (timers[id - 1] = () => undefined),
    setTimeout: (run: () => void, ms: number) => timeouts.push({ run, ms }),
  };
  const go = (to: string) => {
    win.location = new URL(to);
    if (navigationApi) navigation.dispatchEvent(new Event('currententrychange'));
    else for (const tick of timers) tick();
  };
  /** Runs the one-off timers set so far; returns their delays. */
  const runTimeouts = () => timeouts.splice(0).map(({ run, ms }) => (run(), ms));
  return { win: win as unknown as Window, go, timers, runTimeouts };
}

const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => Promise.resolve());
const sent = (send: { mock: { calls: unknown[][] } }, type: string) => send.mock.calls.filter(([m]) => (m as { type: string }).type === type).length;

describe('announcing a page for the reminder badge', () => {
  it.each([
    ['https://www.facebook.com/', 1],
    ['https://nl-nl.facebook.com/', 1],
    ['https://help.instagram.com/contact/767264225370182', 1],
    ['https://WWW.FACEBOOK.COM/', 1],
    ['https://developers.facebook.com/docs/', 0],
    ['https://business.facebook.com/', 0],
    ['https://www.facebook.com.evil.example/', 0],
    ['https://www.facebook.com:8443/', 0],
    ['http://www.facebook.com/', 0],
  ])('%s: %i message', (href, count) => {
    const send = vi.fn(async () => ({ ok: true }));
    startLoader(fakeWindow(href).win, send);
    expect(sent(send, PAGE_OPENED)).toBe(count);
  });
});

describe('watching the URL', () => {
  it('runs no timer where the Navigation API exists, and reports each change once', () => {
    const { win, go, timers } = fakeWindow('https://www.facebook.com/');
    const seen: string[] = [];
    const stop = watchUrl(win, (href) => seen.push(href));
    go('https://www.facebook.com/groups/1');
    go('https://www.facebook.com/groups/1');
    go('https://www.facebook.com/');
    stop();
    go('https://www.facebook.com/help/contact/712876720715583');
    expect(timers).toHaveLength(0);
    expect(seen).toEqual(['https://www.facebook.com/groups/1', 'https://www.facebook.com/']);
  });

  it('polls where the browser has no Navigation API, and stops polling when stopped', () => {
    const { win, go, timers } = fakeWindow('https://www.facebook.com/', { navigationApi: false });
    const seen: string[] = [];
    const stop = watchUrl(win, (href) => seen.push(href));
    expect(timers).toHaveLength(1);
    go('https://www.facebook.com/groups/1');
    stop();
    go('https://www.facebook.com/');
    expect(seen).toEqual(['https://www.facebook.com/groups/1']);
  });
});

describe('loader', () => {
  it('asks for nothing on a page that is not a form', () => {
    const send = vi.fn(async () => ({ ok: true }));
    const { win, go } = fakeWindow(FEED);
    startLoader(win, send);
    go('https://www.facebook.com/groups/123');
    go('https://developers.facebook.com/help/contact/'); // no form id
    expect(sent(send, LOAD_ENGINE)).toBe(0);
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
    expect(sent(send, LOAD_ENGINE)).toBe(1);
  });

  it('asks at once on a page loaded on a form; a second form URL while the answer is on its way asks nothing', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const send = vi.fn(({ type }: { type: string }) => (type === LOAD_ENGINE ? new Promise<unknown>((resolve) => (answer = resolve)) : Promise.resolve({ ok: true })));
    const { win, go } = fakeWindow(FORM);
    startLoader(win, send);
    go(FEED);
    go(FORM + '/');
    answer({ ok: true });
    await settle();
    expect(sent(send, LOAD_ENGINE)).toBe(1);
  });

  it('asks again on the next form URL when the background refused or failed', async () => {
    const answers = [Promise.reject(new Error('worker updating')), Promise.resolve({ error: 'no' })];
    answers[0]!.catch(() => undefined);
    const send = vi.fn(async ({ type }: { type: string }) => (type === LOAD_ENGINE ? (answers.shift() ?? { ok: true }) : { ok: true }));
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
    expect(sent(send, LOAD_ENGINE)).toBe(3);
  });
});

describe('the rules the loader relies on', () => {
  it("refuses a rule whose path pattern does not contain the form's id (the loader would never test it)", () => {
    const rules = structuredClone(formRules);
    rules[0]!.paths = ['^/help/contact/objection/?$'];
    expect(formRulesSchema().safeParse(rules).success).toBe(false);
    expect(formRulesSchema().safeParse(structuredClone(formRules)).success).toBe(true);
  });
});

describe('loader: a request the worker lost', () => {
  const loadRequests = (send: ReturnType<typeof vi.fn>) => send.mock.calls.filter(([message]) => message.type === LOAD_ENGINE).length;

  it('is sent again on the same form page, after growing pauses, a bounded number of times', async () => {
    const send = vi.fn(async (_message: { type: string }): Promise<unknown> => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const { win, runTimeouts } = fakeWindow(FORM);
    startLoader(win, send);
    const pauses: number[] = [];
    for (let i = 0; i < LOAD_RETRIES + 2; i++) {
      await settle();
      pauses.push(...runTimeouts());
    }
    expect(loadRequests(send)).toBe(1 + LOAD_RETRIES);
    expect(pauses).toEqual(Array.from({ length: LOAD_RETRIES }, (_, i) => LOAD_RETRY_MS * 2 ** i));
  });

  it('loads the engine once the restarted worker answers, and asks no more', async () => {
    const answers: Array<() => Promise<unknown>> = [async () => undefined, async () => Promise.reject(new Error('message port closed'))];
    const send = vi.fn(async (message: { type: string }): Promise<unknown> => (message.type === LOAD_ENGINE && answers.length ? answers.shift()!() : { ok: true }));
    const { win, runTimeouts } = fakeWindow(FORM);
    startLoader(win, send);
    for (let i = 0; i < 4; i++) {
      await settle();
      runTimeouts();
    }
    expect(loadRequests(send)).toBe(3);
  });

  it('a retry after the page left the form asks nothing', async () => {
    let lost = true;
    const send = vi.fn(async (message: { type: string }): Promise<unknown> => {
      if (message.type === LOAD_ENGINE && lost) {
        lost = false;
        throw new Error('lost');
      }
      return { ok: true };
    });
    const { win, go, runTimeouts } = fakeWindow(FORM);
    startLoader(win, send);
    await settle();
    go(FEED);
    runTimeouts();
    await settle();
    expect(loadRequests(send)).toBe(1);
  });
});

describe('engine injection by the background', () => {
  const tab = { id: 7 };

  const insertCss = () => vi.fn(async (_target: InjectionTarget, _css: string) => undefined);

  it('injects the engine file into the frame that asked, by document where the browser names it, then the sheet that shows its control', async () => {
    const order: string[] = [];
    const inject = vi.fn(async (_target: InjectionTarget, _files: [typeof ENGINE_FILE]) => void order.push('engine'));
    const css = vi.fn(async (_target: InjectionTarget, _css: string) => void order.push('css'));
    expect(await injectEngine({ tab, frameId: 0, url: FORM }, inject, css)).toEqual({ ok: true });
    expect(inject).toHaveBeenLastCalledWith({ tabId: 7, frameIds: [0] }, ['/engine.js']);
    expect(css).toHaveBeenLastCalledWith({ tabId: 7, frameIds: [0] }, CONTROL_SHOWN_CSS);
    expect(await injectEngine({ tab, frameId: 0, documentId: 'doc-1', url: FORM }, inject, css)).toEqual({ ok: true });
    expect(inject).toHaveBeenLastCalledWith({ tabId: 7, documentIds: ['doc-1'] }, ['/engine.js']);
    expect(css).toHaveBeenLastCalledWith({ tabId: 7, documentIds: ['doc-1'] }, CONTROL_SHOWN_CSS);
    // The engine first: it removes a control left behind by an earlier copy before the sheet would show it.
    expect(order).toEqual(['engine', 'css', 'engine', 'css']);
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
    const css = insertCss();
    expect(await injectEngine(sender, inject, css)).toHaveProperty('error');
    expect(inject).not.toHaveBeenCalled();
    expect(css).not.toHaveBeenCalled();
  });

  it('answers with an error, not ok, when the browser could not inject', async () => {
    const inject = vi.fn(async () => {
      throw new Error('Frame with ID 0 was removed.');
    });
    expect(await injectEngine({ tab, frameId: 0, url: FORM }, inject, insertCss())).toEqual({ error: 'Frame with ID 0 was removed.' });
  });

  it('answers with an error when the sheet could not be inserted, so that the loader asks again', async () => {
    const inject = vi.fn(async () => []);
    const css = vi.fn(async () => {
      throw new Error('Frame with ID 0 was removed.');
    });
    expect(await injectEngine({ tab, frameId: 0, url: FORM }, inject, css)).toEqual({ error: 'Frame with ID 0 was removed.' });
  });
});
