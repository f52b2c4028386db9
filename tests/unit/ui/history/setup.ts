import { resolve } from 'node:path';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import type { Account, Entry, HistoryDoc } from '@/src/history/schema';
import type { Platform } from '@/src/domain/platform';
import { toStored } from '@/src/history/store';
import { handleMessage } from '@/src/messaging/handle';

/*
 * Test support for the history page: the English messages of locales/en.yml served by the fake browser's
 * i18n (which the fake does not implement), sample records, and small DOM helpers.
 */

const messages = generateChromeMessages(await parseMessagesFile(resolve(__dirname, '../../../../locales/en.yml')));

/** `browser.i18n.getMessage` as Chrome does it for the default locale: $1…$9 substitutions. */
export function installEnglish(): void {
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
    if (key === '@@ui_locale') return 'en_GB';
    const message = messages[key]?.message;
    if (message === undefined) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\d|\$)/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
  }) as typeof fakeBrowser.i18n.getMessage;
}

/**
 * The real background (src/messaging/handle.ts) behind the page's messages, as the history page is its
 * sender; records the messages.
 */
export function realBackground() {
  const sent: unknown[] = [];
  const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/objections.html') };
  const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    sent.push(message);
    return handleMessage(message, page);
  }) as typeof fakeBrowser.runtime.sendMessage);
  return { sent, spy };
}

/** Answers every message sent to the background with `answer(message)` and records the messages. */
export function fakeBackground(answer: (message: unknown) => unknown = () => ({ ok: true })) {
  const sent: unknown[] = [];
  const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    sent.push(message);
    return answer(message);
  }) as typeof fakeBrowser.runtime.sendMessage);
  return { sent, spy };
}

export function entry(over: Partial<Entry> & Pick<Entry, 'id' | 'accountKey' | 'platform'>): Entry {
  const at = over.submittedAt ?? '2025-05-20T14:02:00.000Z';
  return {
    formId: over.platform === 'facebook' ? '712876720715583' : '767264225370182',
    url:
      over.platform === 'facebook'
        ? 'https://www.facebook.com/help/contact/712876720715583'
        : 'https://help.instagram.com/contact/767264225370182',
    lang: 'en',
    email: 'anna@example.org',
    reasonIds: ['no-consent'],
    text: 'I object to the processing of my personal data for AI at Meta.',
    submittedAt: at,
    status: 'submitted',
    statusLog: [{ status: 'submitted', at }],
    ...over,
  };
}

export function account(key: string, over: Partial<Account> = {}): Account {
  const [platform, id] = key.split(':') as [Platform, string];
  return { key, platform, accountId: /^\d+$/.test(id) ? id : null, ...over };
}

/** Two Facebook accounts (one labelled) and an Instagram account, with one entry of each status. */
export function sampleDoc(): HistoryDoc {
  const fb1 = account('facebook:1001', { label: 'Anna personal' });
  const fb2 = account('facebook:1002');
  const ig = account('instagram:2001');
  return {
    accounts: new Map([fb1, fb2, ig].map((a) => [a.key, a])),
    entries: [
      entry({
        id: 'entry-fb1-old',
        accountKey: fb1.key,
        platform: 'facebook',
        submittedAt: '2025-05-20T10:00:00.000Z',
        status: 'failed',
        statusLog: [
          { status: 'submitted', at: '2025-05-20T10:00:00.000Z' },
          { status: 'failed', at: '2025-05-20T10:00:05.000Z' },
        ],
      }),
      entry({
        id: 'entry-fb1-new',
        accountKey: fb1.key,
        platform: 'facebook',
        lang: 'de',
        submittedAt: '2025-05-21T09:30:00.000Z',
        status: 'confirmed',
        statusLog: [
          { status: 'submitted', at: '2025-05-21T09:30:00.000Z' },
          { status: 'confirmed', at: '2025-05-21T09:30:04.000Z' },
        ],
        emailReceivedOn: '2025-05-22',
        text: 'Ich widerspreche.\n<img src=x onerror="alert(1)"> <b>not bold</b>',
      }),
      entry({ id: 'entry-fb2-1', accountKey: fb2.key, platform: 'facebook', email: 'ben@example.org' }),
      entry({
        id: 'entry-ig-1',
        accountKey: ig.key,
        platform: 'instagram',
        status: 'confirmed',
        statusLog: [
          { status: 'submitted', at: '2025-05-20T14:02:00.000Z' },
          { status: 'confirmed', at: '2025-05-20T14:02:03.000Z' },
        ],
      }),
    ],
  };
}

/** A value as the background stores it: documents in the current stored shape, anything else as it is. */
export function storable(value: unknown): unknown {
  return typeof value === 'object' && value !== null && (value as HistoryDoc).accounts instanceof Map ? toStored(value as HistoryDoc) : value;
}

/** The page reads storage asynchronously: tests wait on what it shows, with the suite's one wait helper. */
export { waitFor } from '../../wait';

export function byText<E extends Element = HTMLElement>(root: ParentNode, selector: string, text: string): E | undefined {
  return [...root.querySelectorAll<E>(selector)].find((el) => el.textContent?.trim() === text);
}

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error('click: no element');
  (el as HTMLElement).click();
}


/** Chooses `file` in a file input, as a user would. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
