// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryApp } from '@/src/ui/history/HistoryApp';
import { toExportFile } from '@/src/history/exchange';
import { localDay } from '@/src/ui/history/format';
import { account, byText, chooseFile, click, entry, fakeBackground, installEnglish, realBackground, sampleDoc, storable, waitFor } from './setup';

let root: HTMLDivElement;

beforeEach(() => {
  fakeBrowser.reset();
  installEnglish();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

async function showPage(stored: unknown, setAside?: unknown[]) {
  await fakeBrowser.storage.local.set({ history: storable(stored), ...(setAside ? { 'history-set-aside': setAside } : {}) });
  render(<HistoryApp search="" />, root);
  await waitFor(() => root.querySelector('main[aria-busy="false"]'));
}

const section = (name: string) =>
  [...root.querySelectorAll('section')].find((s) => s.querySelector('h2, h3')?.textContent?.trim() === name);
const alertText = () => root.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const statusText = () => root.querySelector('[role="status"]')?.textContent?.trim() ?? '';

describe('history page', () => {
  it('groups accounts by platform with their status words', async () => {
    await showPage(sampleDoc());
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Facebook', 'Instagram']);

    const facebook = section('Facebook')!;
    const instagram = section('Instagram')!;
    expect([...facebook.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Anna personal', 'Facebook 1002']);
    expect([...instagram.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Instagram 2001']);

    // Anna: latest status Confirmed, entries newest first (Confirmed, then Failed).
    const anna = section('Anna personal')!;
    expect(anna.querySelector('.latest .badge')?.textContent).toBe('Confirmed');
    expect([...anna.querySelectorAll('.entry h4 .badge')].map((b) => b.textContent)).toEqual(['Confirmed', 'Failed']);
    expect(section('Facebook 1002')!.querySelector('.entry .badge')?.textContent).toBe('Submitted');
    expect(anna.textContent).toContain('German (de)');
    expect(anna.textContent).toContain('22 May 2025'); // confirmation e-mail received
    expect([...anna.querySelectorAll('.entry')][1]!.querySelectorAll('.log li')).toHaveLength(2);
  });

  it('shows the text sent as text, never as HTML', async () => {
    await showPage(sampleDoc());
    const pre = section('Anna personal')!.querySelector('details.sent pre')!;
    expect(pre.textContent).toBe('Ich widerspreche.\n<img src=x onerror="alert(1)"> <b>not bold</b>');
    expect(root.querySelector('img, b')).toBeNull();
  });

  it('shows the empty state', async () => {
    await showPage(null);
    expect(root.querySelector('.empty')?.textContent).toBe(
      "No submissions yet. When you send Meta's objection form, it appears here.",
    );
    expect(byText(root, 'button', 'Export JSON')).toBeUndefined();
  });

  it('reports damaged records as set aside and kept', async () => {
    const doc = sampleDoc();
    await showPage({ ...doc, entries: [...doc.entries, { id: 'x' }] }, [{ broken: true }, 'junk']);
    expect(root.querySelector('.notice.warning')?.textContent).toContain(
      '3 damaged records were set aside and kept (not deleted).',
    );
    expect(root.querySelectorAll('.entry')).toHaveLength(4);
  });

  it('follows changes in storage', async () => {
    await showPage(null);
    const doc = sampleDoc();
    await fakeBrowser.storage.local.set({ history: storable(doc) });
    await waitFor(() => section('Instagram'));
    expect(root.querySelector('.empty')).toBeNull();
  });

  it('labels an account through the background', async () => {
    const { sent } = fakeBackground();
    await showPage(sampleDoc());
    const fb2 = section('Facebook 1002')!;
    const input = fb2.querySelector<HTMLInputElement>('input[type="text"]')!;
    expect(fb2.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Name for this account');
    input.value = '  Ben  ';
    // act: the typed value is in the card's state before Save is pressed (no guessing how long that takes).
    act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
    click(byText(fb2, 'button', 'Save'));
    await waitFor(() => statusText());
    expect(sent).toEqual([{ type: 'history:label', accountKey: 'facebook:1002', label: 'Ben' }]);
    expect(statusText()).toBe('Name saved.');
  });

  it('a full storage is told as it is: nothing was saved', async () => {
    fakeBackground(() => ({ error: 'storage-full', problem: { code: 'storage-full' } }));
    await showPage(sampleDoc());
    click(byText(section('Facebook 1002')!, 'button', 'Save'));
    await waitFor(() => alertText());
    expect(alertText()).toMatch(/^Nothing was saved: the browser's storage for Objector is full\./);
    expect(statusText()).toBe('');
  });

  it('shows an error answer of the background', async () => {
    fakeBackground(() => ({ error: 'No such account' }));
    await showPage(sampleDoc());
    click(byText(section('Facebook 1002')!, 'button', 'Save'));
    await waitFor(() => alertText());
    expect(alertText()).toBe('Objector could not make this change: No such account');
  });

  it('marks the confirmation e-mail with today as default, and clears it', async () => {
    const { sent } = fakeBackground();
    await showPage(sampleDoc());
    const fb2 = section('Facebook 1002')!;
    const date = fb2.querySelector<HTMLInputElement>('input[type="date"]')!;
    expect(date.value).toBe(localDay(new Date()));
    expect(fb2.querySelector(`label[for="${CSS.escape(date.id)}"]`)?.textContent).toBe('Confirmation e-mail received on');
    click(byText(fb2, 'button', 'Mark received'));
    await waitFor(() => sent.length);
    click(byText(section('Anna personal')!, 'button', 'Clear e-mail date'));
    await waitFor(() => sent.length === 2);
    expect(sent).toEqual([
      { type: 'history:email-received', entryId: 'entry-fb2-1', date: localDay(new Date()) },
      { type: 'history:email-received', entryId: 'entry-fb1-new', date: null },
    ]);
  });

  it('deletes an entry only after confirmation in a dialog', async () => {
    const { sent } = fakeBackground();
    await showPage(sampleDoc());
    const opener = byText(section('Facebook 1002')!, 'button', 'Remove submission')!;
    click(opener);
    const dialog = await waitFor(() => root.querySelector<HTMLDialogElement>('dialog[open]'));
    await waitFor(() => document.activeElement?.textContent === 'Cancel');
    click(byText(dialog, 'button', 'Cancel'));
    await waitFor(() => !dialog.open);
    expect(sent).toEqual([]);

    click(opener);
    await waitFor(() => dialog.open);
    click(byText(dialog, 'button', 'Remove'));
    await waitFor(() => !dialog.open);
    expect(sent).toEqual([{ type: 'history:delete-entry', entryId: 'entry-fb2-1' }]);
  });

  it('deletes an account after confirmation and keeps the dialog open on an error', async () => {
    const { sent } = fakeBackground(() => ({ error: 'Disk full' }));
    await showPage(sampleDoc());
    click(byText(section('Instagram 2001')!, 'button', 'Remove from history'));
    const dialog = await waitFor(() => root.querySelector<HTMLDialogElement>('dialog[open]'));
    expect(dialog.querySelector('h2')?.textContent).toBe('Remove “Instagram 2001” from the history?');
    click(byText(dialog, 'button', 'Remove'));
    await waitFor(() => dialog.querySelector('[role="alert"]')?.textContent);
    expect(dialog.open).toBe(true);
    expect(dialog.querySelector('[role="alert"]')?.textContent).toContain('Disk full');
    expect(sent).toEqual([{ type: 'history:delete-account', accountKey: 'instagram:2001' }]);
  });

  it('links each account to its proof view in a new tab', async () => {
    await showPage(sampleDoc());
    const link = byText<HTMLAnchorElement>(section('Anna personal')!, 'a', 'Print proof')!;
    expect(link.getAttribute('href')).toBe('objections.html?proof=facebook%3A1001');
    expect(link.target).toBe('_blank');
  });
});

describe('import', () => {
  const importInput = () => root.querySelector<HTMLInputElement>('input[type="file"]')!;

  it('has a labelled file input', async () => {
    await showPage(null);
    expect(root.querySelector(`label[for="${importInput().id}"]`)?.textContent).toBe('Import JSON');
  });

  it('previews a valid file, then adds it through the background', async () => {
    const doc = sampleDoc();
    const extra = account('instagram:3001');
    const file = toExportFile(
      {
        accounts: new Map([[extra.key, extra], ['facebook:1001', doc.accounts.get('facebook:1001')!]]),
        entries: [entry({ id: 'entry-ig-new', accountKey: extra.key, platform: 'instagram' }), doc.entries[0]!],
      },
      new Date('2025-06-01T00:00:00Z'),
    );
    const text = JSON.stringify(file, null, 2);
    const { sent } = realBackground();
    await showPage(doc);

    // The background checks the file and compares it with the stored history; nothing is added yet.
    chooseFile(importInput(), new File([text], 'backup.json', { type: 'application/json' }));
    const preview = await waitFor(() => root.querySelector('.import-preview'));
    expect(preview.textContent).toContain('1 submission and 1 account will be added; 1 is already in your history.');
    expect(sent).toEqual([{ type: 'history:import-preview', file: text }]);
    expect(alertText()).toBe('');
    expect(await fakeBrowser.storage.local.get('history')).toEqual({ history: storable(doc) });

    click(byText(preview, 'button', 'Add to history'));
    await waitFor(() => statusText());
    // "Add" names the background's check of the file instead of sending the file again.
    expect(sent).toEqual([{ type: 'history:import-preview', file: text }, { type: 'history:import', checkId: expect.any(String) }]);
    expect(statusText()).toBe('Added 1 submission.');
    expect(root.querySelector('.import-preview')).toBeNull();
    // The page shows what the background stored, without asking for it.
    await waitFor(() => section('Instagram 3001'));
  });

  it('cancels a preview without adding anything', async () => {
    const { sent } = realBackground();
    await showPage(null);
    const text = JSON.stringify(toExportFile(sampleDoc(), new Date()));
    chooseFile(importInput(), new File([text], 'backup.json'));
    const preview = await waitFor(() => root.querySelector('.import-preview'));
    expect(preview.textContent).toContain('4 submissions and 3 accounts will be added; 0 are already in your history.');
    click(byText(preview, 'button', 'Cancel'));
    await waitFor(() => !root.querySelector('.import-preview'));
    expect(sent).toEqual([{ type: 'history:import-preview', file: text }]);
    expect((await fakeBrowser.storage.local.get('history')).history).toBeUndefined();
  });

  it.each([
    ['malformed', '{"format": "objector-history", ', 'This file is not JSON.'],
    ['foreign', JSON.stringify({ format: 'other-tool', items: [] }), 'This is not an Objector history file.'],
    ['foreign (an array)', '[1, 2]', 'This is not an Objector history file.'],
    [
      'damaged',
      JSON.stringify({ ...toExportFile(sampleDoc(), new Date()), entries: [{ id: 'short' }] }),
      'This file is damaged: entries.0.id',
    ],
  ])('refuses a %s file with a clear message and adds nothing', async (_, text, message) => {
    const { sent } = realBackground();
    const stored = sampleDoc();
    await showPage(stored);
    chooseFile(importInput(), new File([text], 'file.json'));
    await waitFor(() => alertText());
    expect(alertText()).toContain(message);
    expect(root.querySelector('.import-preview')).toBeNull();
    expect(sent).toEqual([{ type: 'history:import-preview', file: text }]);
    expect(await fakeBrowser.storage.local.get('history')).toEqual({ history: storable(stored) });
  });

  it("adds the file by sending it again when the background no longer has its check (a restarted worker)", async () => {
    const { sent } = fakeBackground((message) => {
      const m = message as { type: string; checkId?: string };
      if (m.type === 'history:import-preview') return { addedEntries: 4, addedAccounts: 3, duplicates: 0, checkId: 'check-1' };
      return m.checkId ? { needFile: true } : { addedEntries: 4, addedAccounts: 3, duplicates: 0 };
    });
    await showPage(null);
    const text = JSON.stringify(toExportFile(sampleDoc(), new Date()));
    chooseFile(importInput(), new File([text], 'a.json'));
    click(byText(await waitFor(() => root.querySelector('.import-preview')), 'button', 'Add to history'));
    await waitFor(() => statusText());
    expect(statusText()).toBe('Added 4 submissions.');
    expect(sent).toEqual([
      { type: 'history:import-preview', file: text },
      { type: 'history:import', checkId: 'check-1' },
      { type: 'history:import', file: text },
    ]);
  });

  it('shows the background refusing an import', async () => {
    fakeBackground((message) =>
      (message as { type: string }).type === 'history:import-preview'
        ? { addedEntries: 4, addedAccounts: 3, duplicates: 0, checkId: 'check-1' }
        : { error: 'storage-full', problem: { code: 'storage-full' } },
    );
    await showPage(null);
    chooseFile(importInput(), new File([JSON.stringify(toExportFile(sampleDoc(), new Date()))], 'a.json'));
    click(byText(await waitFor(() => root.querySelector('.import-preview')), 'button', 'Add to history'));
    await waitFor(() => alertText());
    expect(alertText()).toBe("Nothing was saved: the browser's storage for Objector is full. Export your history to keep a copy, then delete submissions you no longer need.");
  });
});
