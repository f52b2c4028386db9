// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryApp } from '@/src/ui/history/HistoryApp';
import { byText, installEnglish, sampleDoc, storable, waitFor } from './setup';

let root: HTMLDivElement;

beforeEach(() => {
  fakeBrowser.reset();
  installEnglish();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  vi.useRealTimers();
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/**
 * The proof prints itself a moment after it is shown (unless `noprint`): with fake timers (that still
 * advance with real time, so the page loads as usual) a test jumps past that moment instead of sleeping.
 */
async function afterThePrintDelay() {
  await vi.advanceTimersByTimeAsync(60_000);
}

/** happy-dom has no window.print. */
function stubPrint() {
  const print = vi.fn();
  vi.stubGlobal('print', print);
  return print;
}

async function showProof(search: string) {
  await fakeBrowser.storage.local.set({ history: storable(sampleDoc()) });
  render(<HistoryApp search={search} />, root);
  return waitFor(() => root.querySelector('main.proof:not([aria-busy])'));
}

describe('proof view', () => {
  it('shows only the chosen account, with everything needed as proof, and does not print with noprint', async () => {
    const print = stubPrint();
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const proof = await showProof('?proof=facebook%3A1001&noprint=1');
    expect(proof.querySelector('h1')?.textContent).toBe('Proof of objection');
    const text = proof.textContent ?? '';
    expect(text).toContain('Anna personal');
    expect(text).toContain('1001');
    expect(text).not.toContain('Facebook 1002');
    expect(text).not.toContain('Instagram 2001');
    expect(proof.querySelectorAll('.proof-entry')).toHaveLength(2);
    expect(text).toContain('https://www.facebook.com/help/contact/712876720715583');
    expect(text).toContain('anna@example.org');
    expect(text).toContain('22 May 2025');
    expect([...proof.querySelectorAll('.proof-entry .badge')].map((b) => b.textContent)).toEqual(['Confirmed', 'Failed']);
    expect(proof.querySelectorAll('.proof-entry')[1]!.querySelectorAll('.log li')).toHaveLength(2);
    expect(proof.querySelector('pre.sent-text')?.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(proof.querySelector('img')).toBeNull();
    expect(byText(proof, 'button', 'Print')).toBeDefined();
    await afterThePrintDelay();
    expect(print).not.toHaveBeenCalled();
  });

  it('prints itself once loaded, and again on the Print button', async () => {
    const print = stubPrint();
    const proof = await showProof('?proof=instagram%3A2001');
    await waitFor(() => print.mock.calls.length === 1);
    byText(proof, 'button', 'Print')!.click();
    expect(print).toHaveBeenCalledTimes(2);
  });

  it('says so when the account is not in the history', async () => {
    const print = stubPrint();
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const proof = await showProof('?proof=facebook%3A999');
    expect(proof.querySelector('[role="alert"]')?.textContent).toBe('This account is not in your history.');
    await afterThePrintDelay();
    expect(print).not.toHaveBeenCalled();
  });
});
